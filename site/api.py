"""The public Wagtail API v2 router, and the fields each public page type shows in it.

Apps declare ``api_fields`` on their page models (policies, disclosures do). For page types whose
app has not declared any yet, ``FALLBACK_FIELDS`` below gives their meaningful fields, so that
every public page type is readable through ``/api/v2/pages/?type=app.Model&fields=*``; a model's
own ``api_fields`` always wins.
"""

from django.apps import apps
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter

from listings.api import SafeDocumentsAPIViewSet, SafeImagesAPIViewSet, SafePagesAPIViewSet


def _image(image):
    if image is None:
        return None
    return {
        "id": image.pk,
        "title": image.title,
        "alt": getattr(image, "alt_text", "") or image.title,
        "credit": getattr(image, "credit", ""),
        "width": image.width,
        "height": image.height,
        "download_url": image.file.url,
    }


class ImageField(serializers.Field):
    """A credited image: id, alt text, photographer, size and the original's URL."""

    def to_representation(self, value):
        return _image(value)


class PhotoListField(serializers.Field):
    """The photos of a photo feature, in order, with their captions and credits."""

    def to_representation(self, value):
        return [
            {"caption": photo.display_caption, "image": _image(photo.image)}
            for photo in value.all().select_related("image")
        ]


class KeyFigureListField(serializers.Field):
    def to_representation(self, value):
        return [{"number": f.number, "unit": f.unit, "label": f.label} for f in value.all()]


class NameListField(serializers.Field):
    """Names of related objects (topics, themes …)."""

    def to_representation(self, value):
        return [str(item) for item in value.all()]


class NameField(serializers.Field):
    def to_representation(self, value):
        return str(value) if value is not None else None


ATTRIBUTION = ["date", "author", "source", "source_url", "editor_note"]
ARTICLE = [
    *map(APIField, ATTRIBUTION),
    APIField("region", serializer=NameField()),
    APIField("lead_image", serializer=ImageField()),
    APIField("tags"),
    APIField("body"),
]
FALLBACK_FIELDS = {
    "home.HomePage": [APIField("intro")],
    "news.NewsIndexPage": [APIField("intro")],
    "news.CaseStudyIndexPage": [APIField("intro")],
    "news.NewsArticlePage": ARTICLE,
    "news.CaseStudyPage": [
        *ARTICLE,
        APIField("themes", serializer=NameListField()),
        APIField("key_figures", serializer=KeyFigureListField()),
    ],
    "policies.PolicyIndexPage": [APIField("intro")],
    "media.PhotoFeatureIndexPage": [APIField("intro")],
    "disclosures.DisclosureIndexPage": [APIField("intro")],
    "disclosures.CountyPage": [APIField("intro")],
    "disclosures.TownshipPage": [APIField("kind"), APIField("intro")],
    "media.PhotoFeaturePage": [
        *map(APIField, ATTRIBUTION),
        APIField("place"),
        APIField("text"),
        APIField("tags"),
        APIField("photos", serializer=PhotoListField()),
    ],
}


def add_fallback_fields():
    """Give page types without their own ``api_fields`` the fields above (fields they have)."""
    for label, fields in FALLBACK_FIELDS.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        if getattr(model, "api_fields", None):
            continue
        names = {f.name for f in model._meta.get_fields()} | {
            name for name in dir(model) if not name.startswith("_")
        }
        model.api_fields = [field for field in fields if field.name in names]


add_fallback_fields()

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SafePagesAPIViewSet)  # bad query strings: Chinese 400s
api_router.register_endpoint("images", SafeImagesAPIViewSet)
api_router.register_endpoint("documents", SafeDocumentsAPIViewSet)

# policies: /api/v2/policies/, /api/v2/policy-packages/, /api/v2/policy-interpretations/
from policies.api import register_endpoints as register_policy_endpoints  # noqa: E402

register_policy_endpoints(api_router)
# disclosures: /api/v2/disclosures/, /api/v2/villages/
from disclosures.api import register_endpoints as register_disclosure_endpoints  # noqa: E402

register_disclosure_endpoints(api_router)
# specials: /api/v2/specials/, /api/v2/specials/<id>/items/
from specials.api import register_endpoints as register_special_endpoints  # noqa: E402

register_special_endpoints(api_router)
# enquiries: /api/v2/answers/ (answered public questions and messages, masked)
from enquiries.api import register_endpoints as register_enquiry_endpoints  # noqa: E402

register_enquiry_endpoints(api_router)
