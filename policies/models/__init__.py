from .choices import DocType, RelationType, Validity
from .packages import PackageRole, PolicyPackageMember, PolicyPackagePage
from .pages import PolicyIndexPage, PolicyInterpretationPage
from .policy import PolicyAttachment, PolicyPage, PolicyRelation
from .taxonomy import IssuingAuthority, Region, Topic
from .versions import PolicyVersion

__all__ = [
    "DocType",
    "IssuingAuthority",
    "PackageRole",
    "PolicyAttachment",
    "PolicyIndexPage",
    "PolicyInterpretationPage",
    "PolicyPackageMember",
    "PolicyPackagePage",
    "PolicyPage",
    "PolicyRelation",
    "PolicyVersion",
    "Region",
    "RelationType",
    "Topic",
    "Validity",
]
