"""Which printed letters an enquiry has: 受理回执, 补正告知书, 延期告知书, the reply letter."""

from . import clock, rules
from .outcomes import ALREADY_PUBLIC, DISCLOSE, PARTIAL

RECEIPT = "receipt"
SUPPLEMENT = "supplement"
EXTENSION = "extension"
REPLY = "reply"
LETTERS = {
    RECEIPT: "受理回执",
    SUPPLEMENT: "补正告知书",
    EXTENSION: "延期答复告知书",
    REPLY: "答复告知书",
}
PROACTIVE_OUTCOMES = (DISCLOSE, PARTIAL, ALREADY_PUBLIC)


def letters_for(enquiry):
    """[(code, label)] of the letters this enquiry's steps call for, in their order."""
    codes = [RECEIPT]
    if any(p.kind == clock.SUPPLEMENT for p in enquiry.pauses.all()):
        codes.append(SUPPLEMENT)
    if enquiry.extensions.all():
        codes.append(EXTENSION)
    if enquiry.replied_on:
        codes.append(REPLY)
    return [(code, LETTERS[code]) for code in codes]


def may_become_proactive(enquiry):
    """Art. 44: information released on request may be made a proactive disclosure."""
    return (
        enquiry.kind == rules.REQUEST
        and enquiry.replied_on is not None
        and enquiry.outcome in PROACTIVE_OUTCOMES
    )
