"""The village desk for 村务质询: the village's clerk drafts the answer, members of that
village's 村务监督委员会 approve it from their own accounts, and nobody else sees it.

Who belongs to a village is read through the groups the disclosures app set up for it
(``Group.clerk_of`` / ``Group.committee_of``, the village's ``accountability``), by relation
names only. How many members must approve, never counting the drafter, is the village's own
rule (``accountability.approvals_required``)."""

from django.db import transaction
from django.utils import timezone

from . import rules
from .models import AnswerApproval, Enquiry, Moderation, Status, StatusEvent

OPEN = (Status.RECEIVED, Status.PROCESSING, Status.REVIEW)
NOT_YOURS = "该质询属于其他村（社区），您无权查看或办理。"


class DeskError(Exception):
    """A refusal shown to the person as it is (Chinese, no technical detail)."""


def person_name(user):
    name = f"{user.last_name}{user.first_name}".strip()
    return name or user.get_username()


def _village_ids(user, relation):
    if user is None or not user.is_authenticated:
        return set()
    field = f"{relation}__village_id"
    return set(user.groups.filter(**{f"{relation}__isnull": False}).values_list(field, flat=True))


def clerk_villages(user):
    return _village_ids(user, "clerk_of")


def committee_villages(user):
    return _village_ids(user, "committee_of")


def has_desk(user):
    return bool(clerk_villages(user) | committee_villages(user))


def questions_for(user):
    """The 村务质询 of the villages the user is clerk or committee member of."""
    villages = clerk_villages(user) | committee_villages(user)
    return Enquiry.objects.filter(kind=rules.QUESTION, village_id__in=villages)


def question_for(user, pk):
    """The question, if it belongs to one of the user's villages; else DeskError."""
    question = questions_for(user).select_related("village").filter(pk=pk).first()
    if question is None:
        raise DeskError(NOT_YOURS)
    return question


def approvals_required(village):
    record = getattr(village, "accountability", None) if village is not None else None
    return max(1, getattr(record, "approvals_required", 1) or 1)


def current_approvals(question):
    """Approvals of the draft now under review (a changed draft needs approving again)."""
    return [a for a in question.approvals.all() if a.draft == question.reply]


def roles(user, question):
    return {
        "clerk": question.village_id in clerk_villages(user),
        "member": question.village_id in committee_villages(user),
    }


def approval_refusal(user, question):
    """Why the user may not approve this answer now; None when they may."""
    if question.village_id not in committee_villages(user):
        return "只有本村村务监督委员会成员可以批准答复。"
    if question.status != Status.REVIEW:
        return "该质询当前没有待审核的答复稿。"
    if question.drafted_by_id == user.pk:
        return "答复稿由您起草，须由村务监督委员会其他成员批准，不能批准自己起草的答复。"
    if any(a.user_id == user.pk for a in current_approvals(question)):
        return "您已批准过这份答复稿，须由其他成员批准。"
    return None


def _event(question, note, actor, status_from=None):
    StatusEvent(
        enquiry=question,
        status_from=status_from or question.status,
        status_to=question.status,
        note=note[:500],
        actor=actor.get_username(),
        notify=False,
    ).save()


@transaction.atomic
def submit_draft(question, user, reply):
    """The clerk (or a member) hands a draft to the committee; earlier approvals lapse."""
    if question.status not in OPEN:
        raise DeskError("该质询已办结，不能再提交答复稿。")
    if not roles(user, question)["clerk"] and not roles(user, question)["member"]:
        raise DeskError(NOT_YOURS)
    reply = (reply or "").strip()
    if not reply:
        raise DeskError("请填写答复内容。")
    question.reply = reply
    question.outcome = "answer"
    question.drafted_by = user
    question.status = Status.REVIEW
    question._actor = user.get_username()
    question.save()
    _event(question, f"答复稿已提交村务监督委员会审核（起草人：{person_name(user)}）", user)


@transaction.atomic
def approve(question, user, comment="", show=False):
    """Record the member's approval; when the village's rule is met, the answer is sent."""
    question = Enquiry.objects.select_for_update().get(pk=question.pk)
    refusal = approval_refusal(user, question)
    if refusal:
        raise DeskError(refusal)
    AnswerApproval.objects.create(
        enquiry=question,
        user=user,
        account=user.get_username(),
        name=person_name(user),
        draft=question.reply,
        comment=(comment or "").strip()[:500],
    )
    _event(question, f"村务监督委员会成员{person_name(user)}批准答复稿", user)
    approvals = current_approvals(question)
    if len(approvals) < approvals_required(question.village):
        return False
    today = timezone.localdate()
    question.reviewers = "、".join(dict.fromkeys(a.name for a in approvals))[:100]
    question.reviewed_on = timezone.localdate(approvals[-1].approved_at)
    question.replied_on = today
    question.answered_by = question.answered_by or f"{question.village.title}村民委员会"
    question.status = Status.ANSWERED
    if show and question.allow_public:
        question.moderation = Moderation.APPROVED
    question._actor = user.get_username()
    question.save()
    return True


@transaction.atomic
def send_back(question, user, opinion):
    """A member returns the draft to the clerk with an opinion."""
    if question.village_id not in committee_villages(user):
        raise DeskError("只有本村村务监督委员会成员可以退回答复稿。")
    if question.status != Status.REVIEW:
        raise DeskError("该质询当前没有待审核的答复稿。")
    opinion = (opinion or "").strip()
    if not opinion:
        raise DeskError("退回时请写明修改意见。")
    before = question.status
    question.status = Status.PROCESSING
    question._actor = user.get_username()
    question.save()
    _event(question, f"答复稿被退回修改：{opinion}", user, status_from=before)


def answer_is_approved(question):
    """True when the committee approved the present answer as the village's rule asks."""
    if question.pk is None or question.village_id is None:
        return False
    names = {a.user_id for a in current_approvals(question) if a.user_id != question.drafted_by_id}
    return len(names) >= approvals_required(question.village)
