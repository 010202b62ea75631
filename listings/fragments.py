"""What a cached fragment of a rendered page is keyed on, besides the page's own revision.

* ``generation()``: a counter in the shared cache that changes whenever a page is published,
  unpublished, moved, deleted or saved whole, a view restriction or a Site changes, an image, a
  document, a taxonomy term or the site identity is saved; fragments that show other pages
  (a policy's relations, packages, interpretations and JSON-LD, the home page, the library)
  key on it. When the cache loses the counter it starts again from the clock, never from a
  value an old fragment may carry.
* ``code_version()``: the release (``GONGKAI_RELEASE``, e.g. the git revision deployed) or
  else a hash of the project's templates and Python files, read once per process, so a
  deploy with changed templates never serves fragments of the old ones.
"""

import hashlib
import time
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache as shared_cache
from django.utils import timezone

GENERATION_KEY = "gongkai:fragments:generation"
SOURCE_SUFFIXES = (".html", ".py")


def generation():
    """The current publish generation (one cache read)."""
    value = shared_cache.get(GENERATION_KEY)
    if value is None:
        shared_cache.add(GENERATION_KEY, time.time_ns(), None)
        value = shared_cache.get(GENERATION_KEY, 0)
    return value


def bump(**kwargs):
    """Start a new generation: every fragment keyed on the old one is left unused."""
    try:
        shared_cache.incr(GENERATION_KEY)
    except ValueError:  # not there (evicted, flushed): a value no old fragment carries
        shared_cache.set(GENERATION_KEY, time.time_ns(), None)


def cacheable(request, page):
    """False for previews and pages without a live revision, whose content can change
    without the key changing (unless the page names its own ``fragment_revision``)."""
    if getattr(request, "is_preview", False):
        return False
    return bool(fragment_revision(page))


def fragment_revision(page):
    """What a fragment of ``page`` keys on for the page's own content: its live revision, or
    what the page says instead (HomePage: a hash of its own fields)."""
    own = getattr(page, "fragment_revision", None)
    return own if own is not None else getattr(page, "live_revision_id", None)


def request_stamp(request):
    """The code version, publish generation and today's date, read once per request; a
    preview's stamp differs from every published page's (``{% cache %}`` with 0 seconds still
    reads the cache)."""
    cached = getattr(request, "_fragment_stamp", None)
    if cached is None:
        preview = ".preview" if getattr(request, "is_preview", False) else ""
        cached = f"{code_version()}.{generation()}.{timezone.localdate():%Y%m%d}{preview}"
        if request is not None:
            request._fragment_stamp = cached
    return cached


def _project_sources():
    root = Path(settings.BASE_DIR).resolve()
    folders = {Path(d) for t in settings.TEMPLATES for d in t.get("DIRS", [])}
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(root) and ".venv" not in path.parts:
            folders.add(path)
    for folder in sorted(folders):
        for path in sorted(folder.rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and "tests" not in path.parts:
                yield path


@cache
def code_version():
    """The release name, else a short hash of the project's templates and code."""
    release = getattr(settings, "GONGKAI_RELEASE", "")
    if release:
        return release
    digest = hashlib.sha256()
    for path in _project_sources():
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def connect():
    """Bump the generation on whatever changes what a page shows of other pages."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(bump, dispatch_uid="fragments_published")
    page_unpublished.connect(bump, dispatch_uid="fragments_unpublished")
    post_page_move.connect(bump, dispatch_uid="fragments_moved")
    post_delete.connect(_deleted, dispatch_uid="fragments_deleted")
    post_save.connect(_saved, dispatch_uid="fragments_page_saved")
    # Sites too: fragments (the head's canonical link, JSON-LD) hold full addresses.
    watched = (PageViewRestriction, Site, get_image_model(), get_document_model())
    for model in (*watched, *_taxonomy_models()):
        post_save.connect(bump, sender=model, dispatch_uid=f"fragments_saved_{model.__name__}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"fragments_gone_{model.__name__}")


def _taxonomy_models():
    from siteidentity.models import SiteIdentity
    from taxonomy.models import IssuingAuthority, Region, Topic

    return (IssuingAuthority, Region, Topic, SiteIdentity)


def _saved(sender, instance, update_fields=None, **kwargs):
    """A page saved whole (an import, a publish; not a draft's revision bookkeeping)."""
    from wagtail.models import Page

    if update_fields is None and isinstance(instance, Page):
        bump()


def _deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump()
