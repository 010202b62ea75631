from .pages import PolicyIndexPage, PolicyInterpretationPage, PolicyPage
from .taxonomy import IssuingAuthority, Region, Topic

__all__ = [
    "IssuingAuthority",
    "PolicyIndexPage",
    "PolicyInterpretationPage",
    "PolicyPage",
    "Region",
    "Topic",
]
