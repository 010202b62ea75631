"""How the annual report of government information counts 规范性文件 (enquiries asks through
the ``register_normative_documents`` hook), by the one validity rule of policies.validity."""

import datetime

from django.utils import timezone

from .choices import OUT_OF_FORCE
from .validity import ANNOTATION, annotate_validity


def count_normative(policies, year, today=None):
    """[制发, 废止, 现行有效] of a PolicyPage queryset for the year.

    Validity is policies.validity's one rule (own field, 失效日期 and amendments or repeals in
    force), read at the year's end (or today, in the current year): 废止 counts the documents
    out of force then that were in force a year earlier or whose 失效日期 falls in the year;
    现行有效 those still in force then (有效, or 已修订 and in force as amended)."""
    end = min(datetime.date(year, 12, 31), today or timezone.localdate())
    before = datetime.date(year - 1, 12, 31)
    at_end = dict(annotate_validity(policies, end).values_list("pk", ANNOTATION))
    at_start = dict(annotate_validity(policies, before).values_list("pk", ANNOTATION))
    made = repealed = valid = 0
    for pk, written, expiry in policies.values_list("pk", "written_date", "expiry_date"):
        made += bool(written and written.year == year)
        valid += at_end[pk] not in OUT_OF_FORCE  # 有效, or 已修订 and in force as amended
        repealed += at_end[pk] in OUT_OF_FORCE and (
            at_start[pk] not in OUT_OF_FORCE or bool(expiry and expiry.year == year)
        )
    return [made, repealed, valid]
