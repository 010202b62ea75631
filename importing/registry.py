"""Record types known to the importer; each app registers its own in importers.py."""

_record_types = {}


class RecordType:
    """How one `type` of record is checked and saved. Subclasses set `name` and `order`."""

    name = ""
    order = 100  # lower saves first, so records others refer to exist in time
    required_fields = ("title", "date")

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
