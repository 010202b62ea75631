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

__all__ = [
    "Addressee",
    "AddresseeKind",
    "AnnualReportPage",
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
