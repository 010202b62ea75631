"""The task worker waits out a locked database instead of exiting (issue 25, reproduction 13)."""

import pytest
from django.core.management import get_commands
from django.db.utils import OperationalError
from django_tasks_db.management.commands import db_worker as upstream

from pagecache.management.commands import db_worker


def worker():
    return db_worker.PatientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )


def test_manage_py_db_worker_is_the_patient_one():
    assert get_commands()["db_worker"] == "pagecache"


def test_a_locked_database_is_waited_out(monkeypatch):
    calls = []

    def run(self):
        calls.append(1)
        if len(calls) < 3:  # e.g. BEGIN IMMEDIATE or the commit, outside upstream's own catch
            raise OperationalError("database is locked")
        return "done"

    monkeypatch.setattr(upstream.Worker, "run", run)
    monkeypatch.setattr(db_worker, "RETRY_SECONDS", 0)
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    assert worker().run() == "done" and len(calls) == 3


def test_other_database_errors_still_end_the_worker(monkeypatch):
    def run(self):
        raise OperationalError("no such table: django_tasks_database_dbtaskresult")

    monkeypatch.setattr(upstream.Worker, "run", run)
    with pytest.raises(OperationalError):
        worker().run()


@pytest.mark.django_db
def test_a_change_before_the_task_table_exists_logs_one_line(
    monkeypatch, caplog, settings, tmp_path
):
    """A fresh production migrate creates pages before the task table: no traceback printed."""
    from django.db import DatabaseError

    from pagecache import signal_handlers, tasks

    settings.PAGECACHE_ENABLED, settings.PAGECACHE_ROOT = True, tmp_path / "pagecache"

    class NoTaskTable:
        def enqueue(self, *args):
            raise DatabaseError("no such table: django_tasks_database_dbtaskresult")

    monkeypatch.setattr(tasks, "refresh_pages", NoTaskTable())
    change = {"paths": ["/"], "gone_paths": [], "page_ids": [], "gone_ids": []}
    signal_handlers._AfterCommit({**change, "gone_urls": [], "everything": False})()
    [record] = [r for r in caplog.records if "could not be queued" in r.getMessage()]
    assert record.exc_info is None and "no such table" in record.getMessage()
