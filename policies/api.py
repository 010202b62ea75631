"""Wagtail API v2 endpoints for policy documents, packages and interpretations."""

from listings.api import SafePagesAPIViewSet as PagesAPIViewSet
from policies.models import PolicyInterpretationPage, PolicyPackagePage, PolicyPage

POLICY_LISTING_FIELDS = [
    "doc_number",
    "index_number",
    "doc_type",
    "issuing_authorities_list",
    "published_date",
    "validity",
    "topics_list",
    "region_name",
    "is_summary",
]


class PolicyAPIViewSet(PagesAPIViewSet):
    name = "policies"
    model = PolicyPage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + POLICY_LISTING_FIELDS


class PolicyPackageAPIViewSet(PagesAPIViewSet):
    name = "policy_packages"
    model = PolicyPackagePage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["summary", "member_list"]


class PolicyInterpretationAPIViewSet(PagesAPIViewSet):
    name = "policy_interpretations"
    model = PolicyInterpretationPage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "date",
        "interprets_id",
        "interprets_title",
    ]


def register_endpoints(router):
    router.register_endpoint("policies", PolicyAPIViewSet)
    router.register_endpoint("policy-packages", PolicyPackageAPIViewSet)
    router.register_endpoint("policy-interpretations", PolicyInterpretationAPIViewSet)
