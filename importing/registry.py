"""Record types known to the importer; each app registers its own in importers.py."""

_record_types = {}


class RecordType:
    """How one `type` of record is checked and saved. Subclasses set `name` and `order`."""

    name = ""
    order = 100  # lower saves first, so records others refer to exist in time
    required_fields = ("title", "date")
    remembered = True  # the pipeline records which object each record became
    gated = True  # public text: the pre-publish quality gate (quality.checks) applies

    def existing(self, record, batch):
        """The object this record became before (in this batch or an earlier import), or None."""
        return batch.saved.get(record.id) or batch.existing.get(record.id)

    def check(self, record, batch):
        """(problems, value): the problems with the record and, when there are none, the typed
        value its `save` consumes from `batch.checked` (None for types that need nothing)."""
        return list(self.validate(record, batch)), None

    def validate(self, record, batch):
        """Yield problems (Chinese sentences) with this record's type-specific fields."""
        return []

    def save(self, record, batch):
        """Create or update what the record describes and return the page."""
        raise NotImplementedError


def register(cls):
    instance = cls()
    _record_types[instance.name] = instance
    return cls


def get_record_type(name):
    return _record_types.get(name)


def record_type_names():
    return sorted(_record_types)
