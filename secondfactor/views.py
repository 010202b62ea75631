"""The code step after the password, and enrolment of an authenticator app."""

import django_otp
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_static.models import StaticDevice

from . import devices
from .forms import CodeForm

WRONG_CODE = "验证码不正确或已过期，请等待手机上出现新的验证码后重新输入。"


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _matching_device(user, token):
    """The confirmed device that accepts ``token`` (authenticator first, then recovery codes)."""
    candidates = [devices.confirmed_authenticator(user)]
    candidates += list(StaticDevice.objects.filter(user=user, confirmed=True))
    for device in candidates:
        if device is not None and django_otp.verify_token(user, device.persistent_id, token):
            return device
    return None


@never_cache
@sensitive_post_parameters("otp_token")
def verify(request):
    if devices.confirmed_authenticator(request.user) is None:
        return redirect(f"{reverse('secondfactor:enrol')}?next={_next(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _matching_device(request.user, form.cleaned_data["otp_token"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next(request))
        form.add_error("otp_token", WRONG_CODE)
    return render(request, "secondfactor/verify.html", {"form": form, "next": _next(request)})


@never_cache
@sensitive_post_parameters("otp_token")
def enrol(request):
    if devices.confirmed_authenticator(request.user) is not None:
        return redirect(f"{reverse('secondfactor:verify')}?next={_next(request)}")
    device = devices.pending_authenticator(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            codes = devices.new_recovery_codes(request.user)
            context = {"codes": codes, "next": _next(request)}
            return render(request, "secondfactor/recovery_codes.html", context)
        form.add_error("otp_token", WRONG_CODE)
    context = {
        "form": form,
        "next": _next(request),
        "secret": devices.secret(device),
        "qr": devices.qr_svg(device),
    }
    return render(request, "secondfactor/enrol.html", context)
