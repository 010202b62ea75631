"""Sends an admin user who has given only a password to the code (or enrolment) page."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from . import policy
from .devices import confirmed_authenticator

# The icon sprite is read by every admin page's script, the code page's too: redirecting it
# put a second copy of the code page inside the first.
OPEN_PATHS = ("login/", "logout/", "jsi18n/", "password_reset/", "secondfactor/", "sprite/")


class SecondFactorMiddleware:
    """After ``django_otp.middleware.OTPMiddleware``: every admin view needs a verified session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin = reverse("wagtailadmin_home")
        path = request.path_info
        if (
            path.startswith(admin)
            and not path[len(admin) :].startswith(OPEN_PATHS)
            and policy.must_verify(request.user)
            and not request.user.is_verified()
        ):
            name = "verify" if confirmed_authenticator(request.user) else "enrol"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(f'secondfactor:{name}')}?{query}")
        return self.get_response(request)
