from .consultations import AdoptionGroup, ConsultationIndexPage, ConsultationPage
from .feedback import Comment, NoticeCorrection, Objection
from .notices import NoticeIndexPage, NoticePage

__all__ = [
    "AdoptionGroup",
    "Comment",
    "ConsultationIndexPage",
    "ConsultationPage",
    "NoticeCorrection",
    "NoticeIndexPage",
    "NoticePage",
    "Objection",
]
