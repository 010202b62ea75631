"""What the ranking reads back from the database backends' own index rows."""

from modelsearch.utils import get_descendants_content_types_pks


class IndexEntryReads:
    """For the database compilers: ``entry_model`` is the backend's IndexEntry and
    ``title_column`` / ``body_column`` name its analysed title and body text."""

    entry_model = None
    title_column = "title"
    body_column = "body"

    def _own_entries(self):
        """Index rows of the searched model and its subclasses."""
        types = get_descendants_content_types_pks(self.queryset.model)
        return self.entry_model.objects.filter(content_type_id__in=types)

    def title_tokens(self, object_ids):
        entries = self._own_entries().filter(object_id__in=object_ids)
        return dict(entries.values_list("object_id", self.title_column))

    def body_tokens(self, object_ids):
        entries = self._own_entries().filter(object_id__in=object_ids)
        return {oid: body or "" for oid, body in entries.values_list("object_id", self.body_column)}

    def index_size(self):
        return self._own_entries().count()
