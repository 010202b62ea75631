"""Admin panels: the clock summary and the append-only history on the edit page."""

from wagtail.admin.panels import Panel


class ClockPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "enquiries/admin/clock_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["enquiry"] = self.instance
            if self.instance.pk:
                from django.urls import reverse

                from .letters import letters_for, may_become_proactive

                context["letters"] = letters_for(self.instance)
                if may_become_proactive(self.instance):
                    context["proactive_url"] = reverse(
                        "enquiries_proactive", args=[self.instance.pk]
                    )
            return context


class HistoryPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "enquiries/admin/history_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["events"] = self.instance.events.all() if self.instance.pk else []
            return context


class ReadOnlyPanel(Panel):
    """Fields the asker submitted, shown as text in Chinese (是/否, choice labels)."""

    def __init__(self, names, **kwargs):
        super().__init__(**kwargs)
        self.names = names

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "names": self.names}

    class BoundPanel(Panel.BoundPanel):
        template_name = "enquiries/admin/read_only_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["rows"] = [
                (self.instance._meta.get_field(n).verbose_name, shown(self.instance, n))
                for n in self.panel.names
            ]
            return context


def shown(instance, name):
    """A field's value as an officer reads it."""
    if name == "id_type":
        return instance.id_type_label or instance.id_type
    value = getattr(instance, name)
    if isinstance(value, bool):
        return "是" if value else "否"
    display = getattr(instance, f"get_{name}_display", None)
    return display() if display else value


class SignOffPanel(Panel):
    """Who of the village's committee approved the answer, and when (read only)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "enquiries/admin/signoff_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["enquiry"] = self.instance
            context["approvals"] = self.instance.approvals.all() if self.instance.pk else []
            return context
