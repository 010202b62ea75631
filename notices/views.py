"""Public views outside the page tree: the objection and comment forms, the status look-up,
the printable sheet and its QR code. No JavaScript; every answer is a plain page."""

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from siteidentity.addresses import absolute_url
from throttling.client_ip import client_ip

from . import limits
from .forms import CommentForm, LookupForm, ObjectionForm
from .models import Comment, ConsultationPage, NoticePage, Objection

LIMITED = "提交过于频繁，请稍后再试。如有急事，请按页面上的其他方式联系。"


MAX_ID = 2**31 - 1


def _live(model, pk):
    page = model.objects.live().public().filter(pk=pk).first() if pk <= MAX_ID else None
    if page is None:
        raise Http404("没有找到该页面")
    return page


def _too_many(request, *rules):
    address = client_ip(request)
    if any(rule.exceeded(address) for rule in rules):
        return True
    for rule in rules:
        rule.hit(address)
    return False


@never_cache
@require_http_methods(["GET", "POST"])
def objection(request, pk):
    notice = _live(NoticePage, pk)
    state = notice.state()
    context = {"page": notice, "window_state": state}
    if not state.is_open:
        context["closed_message"] = (
            "本公示尚未开始，暂不受理异议。"
            if state.state == "not_started"
            else "本公示已期满，不再受理异议。"
        )
        return render(request, "notices/objection_form.html", context, status=200)
    form = ObjectionForm(request.POST or None, notice=notice)
    if request.method == "POST" and form.is_valid():
        if _too_many(request, limits.OBJECT):
            context.update(form=form, limited=LIMITED)
            return render(request, "notices/objection_form.html", context, status=429)
        with transaction.atomic():
            item = Objection.objects.create(
                notice=notice,
                name=form.cleaned_data["name"],
                anonymous=form.cleaned_data.get("anonymous", False),
                phone=form.cleaned_data["phone"],
                content=form.cleaned_data["content"],
            )
        return render(request, "notices/objection_done.html", {"page": notice, "item": item})
    context["form"] = form
    return render(
        request, "notices/objection_form.html", context, status=400 if form.errors else 200
    )


@never_cache
@require_http_methods(["GET", "POST"])
def lookup(request):
    form = LookupForm(request.POST or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        if _too_many(request, limits.LOOKUP):
            context["limited"] = LIMITED
            return render(request, "notices/lookup.html", context, status=429)
        item = Objection.objects.filter(number=form.cleaned_data["number"].strip()).first()
        if item and item.phone[-4:] == form.cleaned_data["phone_tail"]:
            context["item"] = item
        else:
            context["missing"] = "没有找到该受理编号，或电话号码后四位不符。"
    return render(request, "notices/lookup.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def comment(request, pk):
    page = _live(ConsultationPage, pk)
    state = page.state()
    context = {"page": page, "window_state": state, "state_text": page.state_label}
    if not state.is_open:
        context["closed_message"] = "本次意见征集不在征求意见期内，不再受理意见。"
        return render(request, "notices/comment_form.html", context)
    initial = {"article_no": request.GET.get("tiao", "0")}
    form = CommentForm(request.POST or None, consultation=page, initial=initial)
    if request.method == "POST" and form.is_valid():
        if _too_many(request, limits.COMMENT, limits.COMMENT_DAY):
            context.update(form=form, limited=LIMITED)
            return render(request, "notices/comment_form.html", context, status=429)
        data = form.cleaned_data
        with transaction.atomic():
            Comment.objects.create(
                consultation=page,
                article_no=data["article_no"],
                name=data["name"],
                anonymous=data.get("anonymous", False),
                phone=data["phone"],
                content=data["content"],
            )
        return render(request, "notices/comment_done.html", {"page": page})
    context["form"] = form
    return render(request, "notices/comment_form.html", context, status=400 if form.errors else 200)


@require_GET
def sheet(request, pk):
    """The A4 sheet for the notice board, with a QR code to the page online."""
    notice = _live(NoticePage, pk)
    context = {
        "page": notice,
        "window_state": notice.state(),
        "corrections": list(notice.corrections.order_by("number")),
        "full_url": absolute_url(reverse("notices:short", args=[notice.pk])),
    }
    return render(request, "notices/notice_sheet.html", context)


@require_GET
def short(request, pk):
    return redirect(_live(NoticePage, pk).url)


@require_GET
def qr(request, pk):
    notice = _live(NoticePage, pk)
    url = absolute_url(reverse("notices:short", args=[notice.pk]))
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return HttpResponse(image.to_string(encoding="unicode"), content_type="image/svg+xml")
