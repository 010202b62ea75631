"""Admin integration: collections in the site self-check."""

import datetime

from wagtail import hooks

from .inspection import collection_findings


@hooks.register("gongkai_inspection_findings")
def specials_inspection_findings(*args, **kwargs):
    """Empty and stale collections; accepts the report's date as ``today`` if it passes one."""
    today = kwargs.get("today") or next(
        (a for a in args if isinstance(a, datetime.date) and not isinstance(a, datetime.datetime)),
        None,
    )
    return collection_findings(today=today)
