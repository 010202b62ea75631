from .bodies import Body, Leader
from .catalogue import CatalogueItem, CatalogueLink
from .guide import GuideText
from .reports import WebsiteReport
from .services import ServiceForm, ServiceItem

__all__ = [
    "Body",
    "CatalogueItem",
    "CatalogueLink",
    "GuideText",
    "Leader",
    "ServiceForm",
    "ServiceItem",
    "WebsiteReport",
]
