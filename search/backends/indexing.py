"""Analysed (segmented, folded) values of a model's search fields, for the index writers.

The writers (``sqlite_writes``, ``postgres_writes``) store what Wagtail's own database indexers
would store, field by field, but with the text our analyzer produced: the title is the
SearchFields named ``title``, the body the other SearchFields, the autocomplete column the
AutocompleteFields (RelatedFields expanded the same way). Each field is read once per object and
each distinct text analysed once per batch (a title is both a search and an autocomplete field).
A page's body also holds the text of the documents it links (``attachments.linked``), read in
one query per batch.
"""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from django.conf import settings
from django.db.models import Manager
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from wagtail.models import Page

from attachments.linked import text_by_page

from ..analysis import batch

# The text of the documents a page links, indexed with the page's body.
ATTACHMENTS = SearchField("attachments")


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "\n".join(_as_text(v) for v in value)
    if isinstance(value, dict):
        return "\n".join(_as_text(v) for v in value.values())
    if hasattr(value, "all") and callable(value.all):  # managers / querysets
        return "\n".join(force_str(v) for v in value.all())
    return force_str(value)


def once_per_text(analyze):
    """``analyze`` remembering its result for each distinct text (for one batch)."""
    seen = {}

    def run(text):
        found = seen.get(text)
        if found is None:
            found = seen[text] = analyze(text)
        return found

    return run


def field_values(obj, fields, analyze):
    """(field, analysed text) for each search and autocomplete field of obj, in order."""
    for field in fields:
        if isinstance(field, RelatedFields):
            yield from _related_values(obj, field, analyze)
        elif isinstance(field, (SearchField, AutocompleteField)):
            yield field, analyze(_as_text(field.get_value(obj)))


def _related_values(obj, field, analyze):
    related = field.get_value(obj)
    if related is None:
        return
    if isinstance(related, Manager):
        items = related.all()
    else:
        items = [related() if callable(related) else related]
    for item in items:
        yield from field_values(item, field.fields, analyze)


def is_title(field):
    return isinstance(field, SearchField) and field.field_name == "title"


def columns(values):
    """(title, autocomplete, body) texts, joined as Wagtail's SQLite indexer joins them."""
    title = " ".join(v for f, v in values if is_title(f))
    autocomplete = " ".join(v for f, v in values if isinstance(f, AutocompleteField))
    body = " ".join(v for f, v in values if isinstance(f, SearchField) and not is_title(f))
    return title, autocomplete, body


def analysed_objects(objs, analyze):
    """{object id (text): [(field, analysed text)]} for objs, each distinct text analysed once."""
    analyze = once_per_text(analyze)
    fields_of = {}
    out = {}
    attached = text_by_page([obj.pk for obj in objs if isinstance(obj, Page)])
    for obj in objs:
        cls = type(obj)
        if cls not in fields_of:
            fields_of[cls] = cls.get_search_fields()
        values = list(field_values(obj, fields_of[cls], analyze))
        if attached.get(obj.pk) and isinstance(obj, Page):
            values.append((ATTACHMENTS, analyze(attached[obj.pk])))
        out[force_str(obj.pk)] = values
    return out


def _same(text):
    return text


class ParallelAnalysis:
    """A full rebuild's analysis in worker processes, one batch ahead of the writes.

    ``submit`` reads a batch's texts (in this process: Wagtail's field values need the objects)
    and hands the distinct ones to the workers; it returns the batch before it, analysed and
    ready to be written by this process, so that writing one batch, and reading the next, go on
    while the workers analyse. ``take`` returns the last batch. The analysis is the same
    function as in this process (``search.analysis.batch``), so are the rows.
    """

    # Texts per task sent to a worker.
    TASK = 64

    def __init__(self, workers):
        context = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(workers, mp_context=context, initializer=batch.warm)
        self.pending = None

    def submit(self, model, objs):
        raw = analysed_objects(objs, _same)
        texts = list(dict.fromkeys(text for values in raw.values() for _field, text in values))
        tasks = [
            self.executor.submit(batch.index_texts, texts[start : start + self.TASK])
            for start in range(0, len(texts), self.TASK)
        ]
        ready, self.pending = self.take(), (model, raw, texts, tasks)
        return ready

    def take(self):
        """(model, {object id: [(field, analysed text)]}) of the batch in progress, or None."""
        if self.pending is None:
            return None
        model, raw, texts, tasks = self.pending
        self.pending = None
        analysed = dict(zip(texts, [out for task in tasks for out in task.result()], strict=True))
        return model, {
            oid: [(field, analysed[text]) for field, text in values] for oid, values in raw.items()
        }

    def close(self):
        self.pending = None
        self.executor.shutdown(cancel_futures=True)


def parallel_for(bulk, objs):
    """The rebuild's workers (None: analyse in this process). They start with the first batch
    of at least ``SEARCH_PARALLEL_FROM`` objects (default 200: starting them costs seconds)
    when ``SEARCH_INDEX_WORKERS`` is above 0 (default 0: on the shared 2-core machine measured,
    the workers competed with the writes and the database and a SQLite rebuild was slower;
    PostgreSQL gained 10 %). Once started, every later batch goes through them, so the writes
    keep their order."""
    if bulk is None:
        return None
    if bulk.parallel is None and len(objs) >= getattr(settings, "SEARCH_PARALLEL_FROM", 200):
        workers = getattr(settings, "SEARCH_INDEX_WORKERS", 0)
        if workers > 0:
            bulk.parallel = ParallelAnalysis(workers)
    return bulk.parallel


def close_parallel(bulk, write):
    """At the end of a rebuild: the last batch written (``write(model, analysed)``), the
    workers stopped."""
    if bulk is None or bulk.parallel is None:
        return
    try:
        ready = bulk.parallel.take()
        if ready:
            write(*ready)
    finally:
        bulk.parallel.close()
        bulk.parallel = None
