"""Print, as JSON, what a demo database holds, in terms that survive moving models between apps.

Run inside a configured Django process (``python tests/layout_snapshot.py`` with
DJANGO_SETTINGS_MODULE and DATABASE_URL set). Models are named by their database table, never by
their app label, so the snapshot taken before the apps were re-arranged (stored in
tests/data/demo-*.tar.xz) compares equal to the one taken after ``migrate``.
"""

import json
import sys
from pathlib import Path

SEARCHES = ["乡村振兴", "村务公开", "财务公开", "社区治理", "垃圾分类", "养老"]
TAXONOMY_TABLES = ["policies_topic", "policies_region", "policies_issuingauthority"]
ADDRESSEES = "enquiries_addressee"  # 受理机关, made from the issuing authorities (enquiries 0003)


def _table(ct):
    model = ct.model_class()
    return model._meta.db_table if model else f"missing:{ct.app_label}.{ct.model}"


def pages():
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Count
    from wagtail.models import Page

    counts = {}
    rows = Page.objects.values("content_type", "live").annotate(n=Count("pk"))
    for row in rows:
        table = _table(ContentType.objects.get_for_id(row["content_type"]))
        key = f"{table}:{'live' if row['live'] else 'draft'}"
        counts[key] = counts.get(key, 0) + row["n"]
    return dict(sorted(counts.items()))


def taxonomy():
    from django.db import connection

    rows = {}
    with connection.cursor() as cursor:
        for table in TAXONOMY_TABLES:
            cursor.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608 (fixed names)
            rows[table] = [list(row) for row in cursor.fetchall()]
    return rows


def links():
    """Every foreign key and many-to-many pair, from any model, to a taxonomy row.

    An enquiry's 受理机关 was an issuing authority before enquiries 0003 made each one an
    addressee of the same name: that link is followed by name to the authority's row."""
    from django.apps import apps

    found = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            target = getattr(field, "related_model", None)
            if not (field.concrete or field.many_to_many) or field.auto_created:
                continue
            key = f"{model._meta.db_table}.{field.name}"
            if target is not None and target._meta.db_table == ADDRESSEES:
                found[key] = _addressee_links(model, field.name)
                continue
            if target is None or target._meta.db_table not in TAXONOMY_TABLES:
                continue
            pairs = model._base_manager.exclude(**{f"{field.name}__isnull": True})
            found[key] = sorted(map(list, pairs.values_list("pk", f"{field.name}__pk")))
    return dict(sorted(found.items()))


def _addressee_links(model, name):
    from django.db import connection

    table, column = model._meta.db_table, model._meta.get_field(name).column
    if ADDRESSEES not in connection.introspection.table_names():  # migrated back before 0003
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL ORDER BY id"  # noqa: S608
            )
            return [list(row) for row in cursor.fetchall()]
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, name FROM policies_issuingauthority")
        authority = {row_name: pk for pk, row_name in cursor.fetchall()}
    pairs = model._base_manager.exclude(**{f"{name}__isnull": True})
    rows = pairs.values_list("pk", f"{name}__name")
    return sorted([pk, authority[n]] for pk, n in rows if n in authority)


def imported_records():
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    model = next(m for m in apps.get_models() if m._meta.db_table == "home_importedrecord")
    return [
        [r.source_id, _table(ContentType.objects.get_for_id(r.content_type_id)), r.object_id]
        for r in model.objects.order_by("source_id")
    ]


def workflows():
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow

    flows = [
        {
            "name": w.name,
            "active": w.active,
            "tasks": [t.name for t in w.tasks.order_by("workflow_tasks__sort_order")],
            "pages": sorted(p.page.url_path for p in w.workflow_pages.all()),
        }
        for w in Workflow.objects.order_by("name")
    ]
    groups = {
        g.name: sorted(f"{_table(p.content_type)}.{p.codename}" for p in g.permissions.all())
        + sorted(
            f"page:{p.page.url_path}:{p.permission.codename}" for p in g.page_permissions.all()
        )
        for g in Group.objects.order_by("name")
    }
    return {"workflows": flows, "groups": groups}


def searches():
    from django.http import QueryDict

    from search.engine import SearchRequest, get_engine

    out = {}
    for q in SEARCHES:
        data = get_engine().search(SearchRequest.from_params(QueryDict(f"q={q}"))).as_json()
        out[q] = {
            "count": data["count"],
            "urls": sorted(hit["url"] for hit in data["results"]),
            "types": data["facets"].get("type"),
            "authorities": data["facets"].get("authority"),
        }
    return out


def snapshot():
    return {
        "pages": pages(),
        "taxonomy": taxonomy(),
        "links": links(),
        "imported_records": imported_records(),
        "workflows": workflows(),
        "searches": searches(),
    }


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    json.dump(snapshot(), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
