"""Working days for the "interpretation within 3 working days" rule: China's calendar.

Kept for callers written before the shared ``workdays`` app; use ``workdays.calendar``."""

from workdays.calendar import add_working_days, is_working_day, working_days_between

__all__ = ["add_working_days", "is_working_day", "working_days_between"]
