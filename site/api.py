"""The public Wagtail API v2 router.

Each page model declares its own ``api_fields``, so every public page type is readable through
``/api/v2/pages/?type=app.Model&fields=*``. Apps with endpoints of their own register them here.
"""

from wagtail.api.v2.router import WagtailAPIRouter

from disclosures.api import register_endpoints as register_disclosure_endpoints
from enquiries.api import register_endpoints as register_enquiry_endpoints
from listings.api import SafeDocumentsAPIViewSet, SafeImagesAPIViewSet, SafePagesAPIViewSet
from policies.api import register_endpoints as register_policy_endpoints
from specials.api import register_endpoints as register_special_endpoints

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SafePagesAPIViewSet)  # bad query strings: Chinese 400s
api_router.register_endpoint("images", SafeImagesAPIViewSet)
api_router.register_endpoint("documents", SafeDocumentsAPIViewSet)
register_policy_endpoints(api_router)  # /api/v2/policies/, policy-packages/, -interpretations/
register_disclosure_endpoints(api_router)  # /api/v2/disclosures/, /api/v2/villages/
register_special_endpoints(api_router)  # /api/v2/specials/, /api/v2/specials/<id>/items/
register_enquiry_endpoints(api_router)  # /api/v2/answers/ (answered, moderated Q&A; masked)
