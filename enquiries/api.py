"""Wagtail API v2 endpoint of the public Q&A: /api/v2/qa/ (answered, moderated questions and
messages only; never requests). Every text is the masked public copy shown on the page; the
asker's contact details, ID number, tracking number and unmasked text are not fields at all,
so they can be neither read nor filtered or ordered by."""

from django.urls import reverse
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.views import BaseAPIViewSet

from listings.api import ChineseErrorsMixin
from siteidentity.addresses import absolute_url

from .models import Enquiry


class PageRefField(serializers.Field):
    """A live page as {id, title, url}; None when it is gone or offline."""

    def to_representation(self, value):
        if value is None or not value.live:
            return None
        return {"id": value.pk, "title": value.title, "url": value.url}


class NameField(serializers.Field):
    def to_representation(self, value):
        return str(value) if value is not None else None


class PublicURLField(serializers.Field):
    """The item's public page, as an absolute address on the site's one base URL."""

    def to_representation(self, value):
        return absolute_url(reverse("enquiries:qa_detail", args=[value]))


def text(source):
    return serializers.CharField(source=source, read_only=True)


QA_FIELDS = [
    APIField("kind"),
    APIField("kind_label", serializer=text("get_kind_display")),
    APIField("question_title", serializer=text("public_title")),
    APIField("asked_by", serializer=text("public_name")),
    APIField("question", serializer=text("public_body")),
    APIField("received_on"),
    APIField("answer", serializer=text("public_reply")),
    APIField("replied_on"),
    APIField("answered_by"),
    APIField("reviewers"),
    APIField("reviewed_on"),
    APIField("subject_label"),
    APIField("village", serializer=PageRefField()),
    APIField("disclosure", serializer=PageRefField()),
    APIField("department", serializer=NameField()),
    APIField("html_url", serializer=PublicURLField(source="pk")),
    APIField("demo_label"),
]


class QAAPIViewSet(ChineseErrorsMixin, BaseAPIViewSet):
    name = "qa"
    model = Enquiry
    filter_backends = [FieldsFilter, OrderingFilter]
    body_fields = BaseAPIViewSet.body_fields + QA_FIELDS
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "kind",
        "question_title",
        "received_on",
        "replied_on",
        "village",
        "html_url",
    ]

    def get_queryset(self):
        return (
            Enquiry.objects.public()
            .select_related("village", "disclosure", "department")
            .order_by("-replied_on", "-pk")
        )


def register_endpoints(router):
    router.register_endpoint("qa", QAAPIViewSet)
