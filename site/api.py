"""The public Wagtail API v2 router; apps add endpoints in their api.py."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)

# policies: /api/v2/policies/, /api/v2/policy-packages/, /api/v2/policy-interpretations/
from policies.api import register_endpoints as register_policy_endpoints  # noqa: E402

register_policy_endpoints(api_router)

# disclosures: /api/v2/disclosures/, /api/v2/villages/
from disclosures.api import register_endpoints as register_disclosure_endpoints  # noqa: E402

register_disclosure_endpoints(api_router)
