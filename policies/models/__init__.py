from ..choices import DocType, RelationType, Validity
from .packages import PackageRole, PolicyPackageMember, PolicyPackagePage
from .pages import PolicyIndexPage, PolicyInterpretationPage
from .policy import PolicyAttachment, PolicyPage, PolicyRelation
from .versions import PolicyVersion

__all__ = [
    "DocType",
    "PackageRole",
    "PolicyAttachment",
    "PolicyIndexPage",
    "PolicyInterpretationPage",
    "PolicyPackageMember",
    "PolicyPackagePage",
    "PolicyPage",
    "PolicyRelation",
    "PolicyVersion",
    "RelationType",
    "Validity",
]
