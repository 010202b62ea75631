"""Rows built once for a whole test module, rolled back at its end.

Importing the demo takes seconds; doing it before each of a module's tests was the slowest part
of the suite. Inside ``module_rows`` the module's rows are written in one outer transaction; each
test then runs in a savepoint of it (pytest-django's ordinary ``db`` tests), so what a test
changes is undone after it, and the module's rows after the module.
"""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def module_rows(django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
