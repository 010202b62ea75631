"""Wagtail API v2 endpoints: /api/v2/disclosures/ and /api/v2/villages/."""

from disclosures.models import DisclosurePage, VillagePage
from listings.api import SafePagesAPIViewSet as PagesAPIViewSet


class DisclosureAPIViewSet(PagesAPIViewSet):
    name = "disclosures"
    model = DisclosurePage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "village_name",
        "category",
        "period_label",
        "period_start",
        "period_end",
        "withdrawn",
        "demo_label",
    ]


class VillageAPIViewSet(PagesAPIViewSet):
    name = "villages"
    model = VillagePage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "kind",
        "finance_interval",
        "demo_label",
    ]


def register_endpoints(router):
    router.register_endpoint("disclosures", DisclosureAPIViewSet)
    router.register_endpoint("villages", VillageAPIViewSet)
