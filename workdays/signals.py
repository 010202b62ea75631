"""``calendar_changed(sender=HolidayArrangement, year=int)``: sent after a year's 放假安排 (with
its dates) is saved or deleted; apps that store deadlines recompute them."""

from django.dispatch import Signal

calendar_changed = Signal()
