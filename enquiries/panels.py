"""Admin panels: the clock summary and the append-only history on the edit page."""

from wagtail.admin.panels import Panel


class ClockPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "enquiries/admin/clock_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["enquiry"] = self.instance
            return context


class HistoryPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "enquiries/admin/history_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["events"] = self.instance.events.all() if self.instance.pk else []
            return context


class SignOffPanel(Panel):
    """Who of the village's committee approved the answer, and when (read only)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "enquiries/admin/signoff_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["enquiry"] = self.instance
            context["approvals"] = self.instance.approvals.all() if self.instance.pk else []
            return context
