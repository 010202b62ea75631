"""The pre-publish quality gate on import records: a blocking finding (严重表述错误, unmasked
personal data, a prohibited word) refuses the record; warnings are not the importer's business."""

from quality.checks import check

# Values that are addresses or identifiers, not text anyone reads.
SKIPPED_KEYS = {"id", "type", "date", "slug", "source_url", "file", "image", "path", "url"}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in SKIPPED_KEYS and not str(key).endswith(("_url", "_file", "_id")):
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def record_text(data):
    return "\n".join(_strings(data))


def gate_problems(record, batch):
    """Chinese sentences for each blocking finding in the record's text."""
    from quality.gate import current_lists  # models: not while the app registry loads

    lists = batch.index("quality-lists", lambda records: current_lists())
    return [f.message for f in check(record_text(record.data), lists) if f.blocking]
