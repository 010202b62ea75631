"""Index maintenance for every engine: full rebuilds, incremental updates, single pages."""

import logging

from django.conf import settings
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import get_indexed_models, insert_or_update_object, remove_object

logger = logging.getLogger(__name__)
CHUNK = 500


def uses_elasticsearch():
    return getattr(settings, "SEARCH_BACKEND", "database") == "elasticsearch"


def _chunks(queryset, size=CHUNK):
    last = None
    while True:
        page = queryset.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        chunk = list(page[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def rebuild_database(progress=None):
    """Rebuild every Wagtail search backend (ours by default) model by model, in chunks.

    Wagtail's page models each index only the pages of exactly their type, so every indexed
    model is visited.
    """
    models = get_indexed_models()
    total = sum(m.get_indexed_objects().count() for m in models)
    done = 0
    for _name, backend in get_search_backends_with_name():
        if not models or not backend.rebuilder_class:
            continue
        rebuilder = backend.rebuilder_class(backend.get_index_for_model(models[0]))
        index = rebuilder.start()
        for model in models:
            index.add_model(model)
            for chunk in _chunks(model.get_indexed_objects()):
                index.add_items(model, chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
        rebuilder.finish()
    return done


def rebuild(progress=None):
    """Rebuild the configured engine's index. Returns the number of objects indexed."""
    if uses_elasticsearch():
        from .engine import get_engine

        return get_engine().rebuild(progress=progress)
    return rebuild_database(progress=progress)


def update_pages(pages, progress=None):
    """Re-index the given pages (or remove them where they are no longer visible)."""
    pages = list(pages)
    for number, page in enumerate(pages, 1):
        update_page(page)
        if progress:
            progress(number, len(pages))
    return len(pages)


def update_page(page):
    """Keep every index in step with one page (moves, incremental updates)."""
    specific = page.specific
    insert_or_update_object(specific)
    update_engine(specific)


def update_engine(page):
    """Keep the Elasticsearch engine in step with one page.

    On publish and unpublish the page is saved, and Wagtail's own post-save handler already
    indexes it in the Wagtail search backends; only the separate engine is left to update."""
    if uses_elasticsearch():
        try:
            from .engine import get_engine

            get_engine().update_page(page.specific)
        except Exception:  # a search server outage must not block publishing
            logger.exception("Elasticsearch update failed for page %s", page.pk)


def remove_page(page):
    remove_object(page)
    if uses_elasticsearch():
        try:
            from .engine import get_engine

            get_engine().delete_page(page.pk)
        except Exception:
            logger.exception("Elasticsearch delete failed for page %s", page.pk)
