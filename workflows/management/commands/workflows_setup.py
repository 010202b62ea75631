"""Create the editors and reviewers groups and the review-before-publish workflow."""

from django.core.management.base import BaseCommand

from workflows.editorial import EDITORS, REVIEWERS, WORKFLOW_NAME, setup_editorial_workflow


class Command(BaseCommand):
    help = "创建“编辑”“审核员”用户组及其权限，以及全站“编辑审核发布”工作流（可重复运行）。"

    def handle(self, *args, **options):
        setup_editorial_workflow()
        self.stdout.write(
            f"已就绪：用户组“{EDITORS}”“{REVIEWERS}”，工作流“{WORKFLOW_NAME}”（作用于全站页面）。"
        )
