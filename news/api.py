"""How news articles and case studies read in the public API (Wagtail API v2)."""

from rest_framework import serializers


class KeyFigureListField(serializers.Field):
    """A case study's key figures: number, unit and what they count."""

    def to_representation(self, value):
        return [{"number": f.number, "unit": f.unit, "label": f.label} for f in value.all()]


class NameListField(serializers.Field):
    """Names of related objects (topics, themes …)."""

    def to_representation(self, value):
        return [str(item) for item in value.all()]


class NameField(serializers.Field):
    """The name of one related object (a region), or null."""

    def to_representation(self, value):
        return str(value) if value is not None else None
