"""Login throttling: django-axes' lockout for every login made through a web request."""

from axes.backends import AxesStandaloneBackend


class RequestLoginThrottleBackend(AxesStandaloneBackend):
    """Locks out repeated failed logins made through a request (the admin login form).

    Callers with no request at all, such as management commands or the test client's
    ``login()``, have nothing to throttle: they fall through to the next backend instead of
    raising, as django-axes' own backend does.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
