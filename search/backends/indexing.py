"""Feed analysed (segmented, folded) text to Wagtail's own index writers.

Wagtail's database indexers read ``obj.get_search_fields()`` and ``field.get_value(obj)``. We hand
them a thin proxy whose fields return token strings, so the stock writers store exactly what our
analyzer produced, and no index-writing code has to be duplicated.
"""

import copy

from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "\n".join(_as_text(v) for v in value)
    if isinstance(value, dict):
        return "\n".join(_as_text(v) for v in value.values())
    if hasattr(value, "all") and callable(value.all):  # managers / querysets
        return "\n".join(force_str(v) for v in value.all())
    return force_str(value)


def _target(obj):
    return getattr(obj, "_gongkai_target", obj)


class _AnalysedMixin:
    def get_value(self, obj):
        # Wagtail's indexers read every field once per column (title, body, autocomplete):
        # analyse each value only once per object.
        cache = getattr(obj, "_gongkai_cache", None)
        if cache is not None and id(self) in cache:
            return cache[id(self)]
        value = self._analyze(_as_text(self._inner.get_value(_target(obj))))
        if cache is not None:
            cache[id(self)] = value
        return value


class AnalysedSearchField(_AnalysedMixin, SearchField):
    pass


class AnalysedAutocompleteField(_AnalysedMixin, AutocompleteField):
    pass


class AnalysedRelatedFields(RelatedFields):
    def get_value(self, obj):
        return self._inner.get_value(_target(obj))


def wrap_field(field, analyze):
    """A copy of a search field whose value is analysed text (other fields unchanged)."""
    if isinstance(field, RelatedFields):
        wrapped = copy.copy(field)
        wrapped.__class__ = AnalysedRelatedFields
        wrapped._inner = field
        wrapped.fields = [wrap_field(f, analyze) for f in field.fields]
        return wrapped
    for base, cls in (
        (SearchField, AnalysedSearchField),
        (AutocompleteField, AnalysedAutocompleteField),
    ):
        if isinstance(field, base):
            wrapped = copy.copy(field)
            wrapped.__class__ = cls
            wrapped._inner = field
            wrapped._analyze = analyze
            return wrapped
    return field


class AnalysedObject:
    """Stands in for a model instance while Wagtail's indexer reads it."""

    def __init__(self, obj, analyze):
        self._gongkai_target = obj
        self._gongkai_cache = {}
        self.pk = obj.pk
        self._fields = [wrap_field(f, analyze) for f in obj.get_search_fields()]

    def get_search_fields(self):
        return self._fields

    def __getattr__(self, name):
        return getattr(self._gongkai_target, name)


def analysed(objs, analyze):
    return [AnalysedObject(obj, analyze) for obj in objs]
