"""A database from before the chain-head log was kept at every change: its latest entry of each
village covered only what was live at the day's first publication. One signed "change" entry per
village now covers every disclosure at its latest version, so the log is true from here on."""

from django.conf import settings
from django.db import migrations
from django.utils import timezone

from disclosures.hashchain import head_of, sign


def catch_up(apps, schema_editor):
    key = getattr(settings, "GONGKAI_CHAIN_KEY", None)
    ChainHead = apps.get_model("disclosures", "ChainHead")
    VillagePage = apps.get_model("disclosures", "VillagePage")
    DisclosureVersion = apps.get_model("disclosures", "DisclosureVersion")
    for village in VillagePage.objects.order_by("path"):
        latest = {}
        rows = DisclosureVersion.objects.filter(page__path__startswith=village.path)
        for page_id, number, digest in rows.order_by("number").values_list(
            "page_id", "number", "hash"
        ):
            latest[page_id] = {"page": page_id, "version": number, "hash": digest}
        links = sorted(latest.values(), key=lambda link: link["page"])
        if not links:
            continue
        head = head_of(links)
        last = ChainHead.objects.filter(village_id=village.pk).order_by("-number").first()
        if last is not None and last.head == head:
            continue
        number = (last.number + 1) if last else 1
        day = timezone.localdate()
        message = f"chain-head:{village.pk}:{number}:change:{day}:{head}"
        ChainHead.objects.create(
            village_id=village.pk,
            village_name=village.title,
            number=number,
            kind="change",
            day=day,
            recorded_at=timezone.now(),
            links=links,
            head=head,
            signature=sign(key.encode("utf-8"), message) if key else "",
        )


class Migration(migrations.Migration):
    dependencies = [
        ("disclosures", "0005_signed_by_the_signer"),
    ]

    operations = [migrations.RunPython(catch_up, migrations.RunPython.noop)]
