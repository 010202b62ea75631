"""The hub's entries: data/entries.json, offered through ``register_service_entries``."""

import json
from functools import cache
from pathlib import Path

from django.urls import NoReverseMatch, reverse
from django.utils.encoding import iri_to_uri

from editorial.services import ServiceEntry

DATA = Path(__file__).with_name("data") / "entries.json"


@cache
def load():
    return json.loads(DATA.read_text(encoding="utf-8"))


def resolve(candidates):
    """The first candidate that is a path or a URL name that reverses; "" when none does."""
    for candidate in candidates:
        if candidate.startswith("/"):
            return iri_to_uri(candidate)  # 中文 in a query string, percent-encoded
        name, _, anchor = candidate.partition("#")
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        return url + (f"#{anchor}" if anchor else "")
    return ""


def entries():
    data = load()
    return [
        ServiceEntry(
            key=row["key"],
            title=row["title"],
            url=resolve(row["url"]),
            summary=row.get("summary", ""),
            group=data["groups"][row["group"]],
            keywords=tuple(row.get("keywords", ())),
            order=row.get("order", 100),
            on_home=row.get("on_home", False),
        )
        for row in data["entries"]
    ]
