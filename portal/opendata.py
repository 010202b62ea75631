"""What the 开放数据 page shows: data/opendata.json, with each example as a full address."""

import json
from functools import cache
from pathlib import Path

from siteidentity.addresses import absolute_url

DATA = Path(__file__).with_name("data") / "opendata.json"


@cache
def load():
    return json.loads(DATA.read_text(encoding="utf-8"))


def _with_links(rows):
    out = []
    for row in rows:
        examples = [{"path": p, "url": absolute_url(p)} for p in row.get("examples", [])]
        path = row.get("path")
        out.append({**row, "links": examples, "url": absolute_url(path) if path else ""})
    return out


def context(request):
    data = load()
    return {
        "downloads": _with_links(data["downloads"]),
        "feeds": _with_links(data["feeds"]),
        "api": _with_links(data["api"]),
    }
