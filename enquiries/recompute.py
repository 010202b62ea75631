"""When a year's 放假安排 is entered or changed, every open deadline is counted again."""

import logging

from django.db import transaction

logger = logging.getLogger("enquiries")


def recompute_open_deadlines(sender=None, year=None, **kwargs):
    """Saves each open enquiry whose due date moves; its history notes the old and new date."""
    from .models import Enquiry

    reason = f"{year}年放假安排已录入或修改，按新的工作日历重新计算" if year else "工作日历已修改"
    moved = 0
    with transaction.atomic():
        for enquiry in Enquiry.objects.open().prefetch_related("pauses", "extensions"):
            if enquiry.compute_due() == enquiry.due_on:
                continue
            enquiry._actor = "系统"
            enquiry._due_reason = reason
            enquiry.save()
            moved += 1
    if moved:
        logger.info("%s：%d 件事项的答复期限已重新计算", reason, moved)
    return moved
