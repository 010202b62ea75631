"""Filing a request, a question on a disclosure, or a message: plain forms, one POST each."""

import logging

from django.db import OperationalError, transaction
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from disclosures.models import DisclosurePage
from disclosures.money import format_amount
from throttling.client_ip import client_ip

from .. import rules
from ..forms import MessageForm, QuestionForm, RequestForm
from ..limits import SUBMIT, SUBMIT_DAY
from ..models import Enquiry

logger = logging.getLogger("enquiries")
SESSION_KEY = "enquiries_received"
LIMITED = (
    "提交过于频繁：同一网络一小时内最多提交 5 件、一天内最多 20 件。"
    "请稍后再试，您填写的内容仍保留在下方。"
)
BUSY = "系统繁忙，暂时无法保存您的提交，请稍后再点一次“提交”。您填写的内容仍保留在下方，不会丢失。"
COMMON = ("asker_name", "phone", "email")


def _limited(request):
    address = client_ip(request)
    return SUBMIT.exceeded(address) or SUBMIT_DAY.exceeded(address)


def _count(request):
    """Count this filing; True when it goes over a limit. Counting and checking are one atomic
    step (``Limit.hit``), so concurrent posts cannot all slip under the limit."""
    address = client_ip(request)
    over_hour = SUBMIT.hit(address)
    over_day = SUBMIT_DAY.hit(address)
    return over_hour or over_day


def _handle(request, form, template, context, build):
    """Validate, save and redirect; or render the form again with every entry kept."""
    context = {**context, "form": form}
    if request.method != "POST":
        return render(request, template, context)
    if _limited(request):
        form.is_valid()
        return render(request, template, {**context, "limited": LIMITED}, status=429)
    if not form.is_valid():
        if "website" in form.errors:
            _count(request)
        return render(request, template, context, status=400)
    if _count(request):
        return render(request, template, {**context, "limited": LIMITED}, status=429)
    enquiry = build(form.cleaned_data)
    for name in COMMON:
        setattr(enquiry, name, form.cleaned_data.get(name) or "")
    try:
        with transaction.atomic():
            enquiry.save()
    except OperationalError:  # the database stayed locked longer than its timeout
        logger.exception("保存%s失败：数据库忙", enquiry.get_kind_display())
        return render(request, template, {**context, "limited": BUSY}, status=503)
    logger.info("收到%s %s", enquiry.get_kind_display(), enquiry.display_tracking_number)
    request.session[SESSION_KEY] = enquiry.pk
    return redirect("enquiries:received")


@never_cache
@require_http_methods(["GET", "POST"])
def ask_request(request):
    form = RequestForm(request.POST or None)
    keys = (
        "asker_type", "contact_person", "id_type", "id_number", "address", "postcode",
        "department", "title", "body", "preferred_form", "delivery",
    )  # fmt: skip

    def build(data):
        return Enquiry(kind=rules.REQUEST, **{k: data.get(k) or _blank(k) for k in keys})

    context = {"rule": rules.rule_for(rules.REQUEST)}
    return _handle(request, form, "enquiries/ask_request.html", context, build)


def _blank(key):
    return None if key == "department" else ""


@never_cache
@require_http_methods(["GET", "POST"])
def ask_message(request):
    initial = {}
    department = request.GET.get("department", "")
    if department.isascii() and department.isdigit() and len(department) < 10:
        initial["department"] = int(department)
    # 没找到？向有关部门留言 on the search page brings the reader's query as the title.
    title = str(request.GET.get("title", "") or "").strip()
    if title:
        initial["title"] = title[:50]
    form = MessageForm(request.POST or None, initial=initial)

    def build(data):
        return Enquiry(
            kind=rules.MESSAGE,
            department=data.get("department"),
            title=data["title"],
            body=data["body"],
            allow_public=data.get("allow_public", False),
            show_name=data.get("show_name", False),
        )

    context = {"rule": rules.rule_for(rules.MESSAGE)}
    return _handle(request, form, "enquiries/ask_message.html", context, build)


def disclosure_lines(page):
    """Choices for the line a villager questions: the page's items and finance lines."""
    lines = [(f"item:{i.pk}", f"事项：{i.title}") for i in page.items.all()]
    lines += [
        (
            f"finance:{ln.pk}",
            f"{'收入' if ln.direction == 'income' else '支出'}：{ln.date:%Y-%m-%d} "
            f"{ln.item} {format_amount(ln.amount)}元",
        )
        for ln in page.finance_lines.all()
    ]
    return lines


def _closed(request, page, form):
    """The disclosure cannot be questioned: say why, and hand back what was typed."""
    status = 404 if page is None else 410
    typed = form.data.get("body", "") if form.is_bound else ""
    context = {"page_missing": page is None, "disclosure": page, "typed": typed[:5000]}
    return render(request, "enquiries/closed.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def ask_question(request, pk):
    page = DisclosurePage.objects.live().filter(pk=pk).first()
    if page is None:  # a withdrawn disclosure stays on record and can still be questioned
        return _closed(request, page, QuestionForm(request.POST or None))
    lines = disclosure_lines(page)
    form = QuestionForm(request.POST or None, lines=lines)
    village = page.get_parent().specific

    def build(data):
        label = dict(lines).get(data.get("line"), "")
        subject = f"{village.title} · {page.title}" + (f" · {label}" if label else "")
        return Enquiry(
            kind=rules.QUESTION,
            disclosure=page,
            village=village,
            line_ref=data.get("line") or "",
            subject_label=subject[:300],
            title=f"对“{page.title}”的质询"[:100],
            body=data["body"],
            allow_public=data.get("allow_public", False),
            show_name=data.get("show_name", False),
            demo_label=page.demo_label,
        )

    context = {"disclosure": page, "village": village, "rule": rules.rule_for(rules.QUESTION)}
    return _handle(request, form, "enquiries/ask_question.html", context, build)


@never_cache
def received(request):
    """After filing: the tracking number (shown only in the filer's own session)."""
    pk = request.session.get(SESSION_KEY)
    enquiry = Enquiry.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if enquiry is None:
        return redirect("enquiries:status")
    return render(request, "enquiries/received.html", {"enquiry": enquiry})
