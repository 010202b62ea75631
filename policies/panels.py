"""Edit-form panels of the policy pages (a leaf module: the models import it)."""

from wagtail.admin.panels import Panel


class InterpretationStatusPanel(Panel):
    """Shown on the policy edit form: warns when the interpretation is overdue."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "policies/admin/interpretation_status_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["deadline"] = page.interpretation_deadline
            context["overdue"] = page.interpretation_overdue()
            context["interpretations"] = list(page.interpretations.all())
            return context
