"""Set up the editorial workflow once, after the first `migrate` of a database."""

import logging

from django.apps import apps
from django.contrib.auth.management import create_permissions

from .editorial import setup_editorial_workflow, workflow_missing

logger = logging.getLogger(__name__)


def create_editorial_workflow(sender, using="default", verbosity=0, **kwargs):
    """post_migrate: create the groups and workflow if this database has none yet.

    Apps listed after `news` get their permissions in later post_migrate calls, so every
    app's permissions are made first (Django's own, idempotent routine).
    """
    if using != "default" or not workflow_missing():
        return
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    try:
        setup_editorial_workflow()
    except Exception:  # never let this break `migrate` or test database creation
        logger.exception("编辑审核工作流未能自动创建，请运行 news_setup_workflow")
