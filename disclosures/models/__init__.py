"""Models of the disclosures app."""

from .accountability import CommitteeApprovalTask, SignOffApproval, VillageAccountability
from .disclosure import DisclosureAttachment, DisclosureItem, DisclosurePage, FinanceLine
from .heads import ChainHead
from .hierarchy import CountyPage, DisclosureIndexPage, TownshipPage, VillagePage
from .versions import DisclosureVersion, check_page, record_version

__all__ = [
    "ChainHead",
    "CommitteeApprovalTask",
    "CountyPage",
    "DisclosureAttachment",
    "DisclosureIndexPage",
    "DisclosureItem",
    "DisclosurePage",
    "DisclosureVersion",
    "FinanceLine",
    "SignOffApproval",
    "TownshipPage",
    "VillageAccountability",
    "VillagePage",
    "check_page",
    "record_version",
]
