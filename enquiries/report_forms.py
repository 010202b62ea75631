"""The annual report page's admin form: its three statistics tables as number grids."""

from wagtail.admin.forms import WagtailAdminPageForm

from .report_widgets import application_field, proactive_field, review_field


class AnnualReportForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, make in (
            ("proactive", proactive_field),
            ("applications", application_field),
            ("review_litigation", review_field),
        ):
            if name in self.fields:
                self.fields[name] = make()
