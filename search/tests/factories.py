"""Page builders for search tests; they fill text fields generically so that changes to other
apps' block names do not break the search tests."""

import datetime
import itertools

from django.apps import apps
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page

_counter = itertools.count(1)


def _text_block_name(model, field_name):
    field = model._meta.get_field(field_name)
    if not isinstance(field, StreamField):
        return None
    for name, block in field.stream_block.child_blocks.items():
        if isinstance(block, (blocks.RichTextBlock, blocks.TextBlock)):
            return name
    return None


def stream_value(model, field_name, text):
    name = _text_block_name(model, field_name)
    if name is None:
        return None
    block = model._meta.get_field(field_name).stream_block.child_blocks[name]
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if isinstance(block, blocks.RichTextBlock):
        from django.utils.html import escape

        return [{"type": name, "value": f"<p>{escape(p)}</p>"} for p in paragraphs]
    return [{"type": name, "value": p} for p in paragraphs]


def root():
    """The default site's root page, so that pages get public URLs."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else Page.objects.get(depth=1)


def make_page(model_label, title, body="", parent=None, live=True, stream=None, **fields):
    """Create a page of any type below parent (default: the site root) with its body text.

    ``stream`` sets the ``body`` StreamField directly (e.g. articles split by the policies app).
    """
    model = apps.get_model(model_label)
    field_names = {f.name for f in model._meta.get_fields()}
    values = {"title": title, "slug": f"p{next(_counter)}", "live": live}
    if "date" in field_names and "date" not in fields:
        values["date"] = datetime.date(2021, 11, 21)
    m2m = {k: fields.pop(k) for k in list(fields) if k in field_names and _is_m2m(model, k)}
    values.update(fields)
    if stream is not None:
        values["body"] = stream
    if body and stream is None:
        for name in ("body", "text", "summary", "intro"):
            if name in field_names and name not in values:
                value = stream_value(model, name, body) if _is_stream(model, name) else body
                if value is not None:
                    values[name] = value
                    break
    page = model(**values)
    (parent or root()).add_child(instance=page)
    for name, objs in m2m.items():
        getattr(page, name).set(objs)
    if m2m or live:
        page.save_revision().publish() if live else page.save()
    return page


def _is_m2m(model, name):
    field = model._meta.get_field(name)
    return field.many_to_many


def _is_stream(model, name):
    return isinstance(model._meta.get_field(name), StreamField)


def authority(name):
    model = apps.get_model("taxonomy.IssuingAuthority")
    return model.objects.get_or_create(name=name)[0]
