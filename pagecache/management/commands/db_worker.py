"""django-tasks' ``db_worker`` (gongkai-tasks.service), which waits out a locked database.

The worker of django_tasks_db catches "database is locked" only while claiming a task; the
same error when its transaction begins or commits, or when it records a result, ends the
process, and nothing renders the page cache or sends mail until systemd restarts it. This
command is the same worker that, on a locked database, logs a warning, waits and carries on.
"""

import logging
import time

from django.db import close_old_connections
from django.db.utils import OperationalError
from django_tasks_db.management.commands import db_worker as upstream
from django_tasks_db.utils import is_locked_database_exception

logger = logging.getLogger("django_tasks_db")
RETRY_SECONDS = 1.0


class PatientWorker(upstream.Worker):
    """Keeps running through locked-database errors (SQLite under a long write)."""

    def run(self):
        while True:
            try:
                return super().run()
            except OperationalError as error:
                if not is_locked_database_exception(error):
                    raise
                logger.warning("Database is locked; the task worker tries again")
                close_old_connections()
                time.sleep(max(RETRY_SECONDS, self.interval or 0))
                self.startup_delay = False


class Command(upstream.Command):
    help = upstream.Command.help + "（数据库被锁定时等待后继续，不退出）"

    def handle(self, *args, **options):
        original = upstream.Worker
        upstream.Worker = PatientWorker  # upstream's handle builds the module's Worker
        try:
            return super().handle(*args, **options)
        finally:
            upstream.Worker = original
