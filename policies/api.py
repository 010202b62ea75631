"""Wagtail API v2 endpoints for policy documents, packages and interpretations."""

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter

from listings.api import SafePagesAPIViewSet as PagesAPIViewSet
from policies.models import PolicyInterpretationPage, PolicyPackagePage, PolicyPage
from policies.validity import ANNOTATION, annotate_validity

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


class CurrentValidityFilter(BaseFilterBackend):
    """``?validity=有效`` filters on today's validity (relations in force), as the library does."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("validity")
        if value is None:
            return queryset
        return annotate_validity(queryset).filter(**{ANNOTATION: value})


class PolicyAPIViewSet(PagesAPIViewSet):
    name = "policies"
    model = PolicyPage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + POLICY_LISTING_FIELDS
    known_query_parameters = PagesAPIViewSet.known_query_parameters | {"validity"}
    filter_backends = [
        backend
        for base in PagesAPIViewSet.filter_backends
        for backend in ((CurrentValidityFilter, base) if base is FieldsFilter else (base,))
    ]

    def get_queryset(self):
        # Each listed policy answers its validity from the annotation, without more queries.
        return annotate_validity(super().get_queryset())

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        # The stored ``validity`` column is not a filter: CurrentValidityFilter answers it.
        fields = super().get_available_fields(model, db_fields_only)
        return [f for f in fields if not (db_fields_only and f == "validity")]


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
