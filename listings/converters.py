"""URL converters for ids: ASCII digits, bounded to what a database key can hold.

``<int:pk>`` accepts ``99999999999999999999``, which overflows a 64-bit key in the query and
fails as a server error on PostgreSQL. ``<id:pk>`` refuses it at routing, so the route is a 404.
"""

from .params import YEAR_MIN, year_max

MAX_ID = 2**31 - 1


class IdConverter:
    regex = "[0-9]{1,10}"

    def to_python(self, value):
        number = int(value)
        if not 1 <= number <= MAX_ID:
            raise ValueError("id out of range")
        return number

    def to_url(self, value):
        return str(value)


class YearConverter:
    """A four-digit year within the site's one year rule (``listings.params.parse_year``)."""

    regex = "[0-9]{4}"

    def to_python(self, value):
        number = int(value)
        if not YEAR_MIN <= number <= year_max():
            raise ValueError("year out of range")
        return number

    def to_url(self, value):
        return str(value)
