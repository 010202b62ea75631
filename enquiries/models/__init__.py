from .addressee import Addressee, AddresseeKind
from .enquiry import (
    ClockPause,
    Delivery,
    Enquiry,
    Extension,
    Form,
    Moderation,
    Status,
    new_tracking_number,
)
from .history import StatusEvent
from .report import AnnualReportPage
from .signoff import AnswerApproval

__all__ = [
    "Addressee",
    "AddresseeKind",
    "AnnualReportPage",
    "AnswerApproval",
    "ClockPause",
    "Delivery",
    "Enquiry",
    "Extension",
    "Form",
    "Moderation",
    "Status",
    "StatusEvent",
    "new_tracking_number",
]
