"""Which cached URLs a change affects: the page, its ancestors, the listings, the pages that
show it (relations, packages, interpretations: Wagtail's reference index), feeds and sitemap."""

from django.apps import apps
from django.conf import settings
from wagtail.models import Page, ReferenceIndex, Site

from .renderer import page_url, page_urls_for


def full_url(target):
    host, path, secure = target
    return f"{'https' if secure else 'http'}://{host}{path}"


def listing_pages():
    """Live pages that list other pages (PAGECACHE_LISTING_MODELS) and every site's home."""
    models = []
    for label in getattr(settings, "PAGECACHE_LISTING_MODELS", ()):
        try:
            models.append(apps.get_model(label))
        except LookupError:
            continue
    pages = list(Page.objects.type(*models).live().public()) if models else []
    roots = Page.objects.filter(pk__in=Site.objects.values("root_page")).live()
    return list({page.pk: page for page in [*pages, *roots]}.values())


def direct(page):
    """What must go at once, in the editor's request: the page, its ancestors and listings."""
    targets = page_urls_for(page) if page is not None else []
    targets += [url for url in map(page_url, listing_pages()) if url]
    return list(dict.fromkeys(map(tuple, targets)))


def _pages_for(references):
    pages = Page.objects.filter(pk__in={int(r.object_id) for r in references if _is_page(r)})
    return list(pages.live().public())


def _is_page(reference):
    model = reference.base_content_type.model_class()
    return model is not None and issubclass(model, Page)


def _referenced_pages(obj):
    """Pages that ``obj`` points to (relation targets, package members, interpreted policy)."""
    refs = ReferenceIndex.get_references_for_object(obj).select_related("to_content_type")
    ids = set()
    for ref in refs:
        model = ref.to_content_type.model_class()
        if model is not None and issubclass(model, Page) and ref.to_object_id.isdigit():
            ids.add(int(ref.to_object_id))
    return list(Page.objects.filter(pk__in=ids).live().public())


def showing(obj):
    """Live pages that show ``obj``: those referencing it, those it references, and the other
    pages those references show (a package's members show each other)."""
    refs = ReferenceIndex.get_references_to(obj).select_related("base_content_type")
    referencing = _pages_for(refs)
    pages = {p.pk: p for p in referencing}
    if isinstance(obj, Page):
        pages.update((p.pk, p) for p in _referenced_pages(obj))
    for page in referencing:
        pages.update((p.pk, p) for p in _referenced_pages(page))
    pages.pop(getattr(obj, "pk", None) if isinstance(obj, Page) else None, None)
    return list(pages.values())


def related(obj):
    """URLs of the pages that show ``obj`` (each page's own URL only)."""
    return list(dict.fromkeys(url for url in map(page_url, showing(obj)) if url))
