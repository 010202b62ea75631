from .packages import PackageRole, PolicyPackageMember, PolicyPackagePage
from .pages import PolicyIndexPage, PolicyInterpretationPage, PolicyPage
from .taxonomy import IssuingAuthority, Region, Topic

__all__ = [
    "IssuingAuthority",
    "PackageRole",
    "PolicyPackageMember",
    "PolicyPackagePage",
    "PolicyIndexPage",
    "PolicyInterpretationPage",
    "PolicyPage",
    "Region",
    "Topic",
]
