from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    """The site-wide editorial workflow: editors write, reviewers approve and publish."""

    name = "workflows"
    label = "workflows"
    verbose_name = "编辑审核工作流"
