"""Dashboard warning when the calendar does not know the current or the coming year."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from workdays.calendar import load_calendar

# The State Council publishes the next year's arrangement in the fourth quarter.
WARN_NEXT_YEAR_FROM_MONTH = 10


def missing_years(today=None, calendar=None):
    """Years whose holidays the site needs now but neither the package nor the table knows."""
    today = today or timezone.localdate()
    calendar = calendar or load_calendar()
    needed = [today.year]
    if today.month >= WARN_NEXT_YEAR_FROM_MONTH:
        needed.append(today.year + 1)
    return [year for year in needed if not calendar.knows_year(year)]


class MissingArrangementPanel(Component):
    name = "workdays_missing_arrangement"
    order = 50
    template_name = "workdays/admin/missing_arrangement_panel.html"

    def __init__(self, years):
        self.years = years

    def get_context_data(self, parent_context):
        return {"years": self.years}
