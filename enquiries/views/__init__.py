from .asking import ask_message, ask_question, ask_request, received
from .public import qa_detail, qa_list, report_list, report_xlsx, status

__all__ = [
    "ask_message",
    "ask_question",
    "ask_request",
    "qa_detail",
    "qa_list",
    "received",
    "report_list",
    "report_xlsx",
    "status",
]
