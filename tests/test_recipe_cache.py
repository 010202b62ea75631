"""Every worker and process shares one cache: a synonym edit reaches all of them at once."""

import re
import urllib.parse

import pytest

from bench.web import servers
from tests.served import Client

pytestmark = pytest.mark.recipe

TERM = "鹦鹉螺鲸"  # made-up: no demo page holds any word or character pair of it


def result_count(port, term):
    response = Client(port).get("/search/?" + urllib.parse.urlencode({"q": term}))
    assert response.status == 200
    found = re.search(r"找到 (\d+) 条结果", response.text)
    return int(found.group(1)) if found else 0


def test_a_synonym_added_in_one_process_is_used_by_every_other(recipe):
    second_port = servers.free_port()
    recipe.start_gunicorn(second_port, workers=1, log="gunicorn-second.log")
    ports = [recipe.app_port] * 3 + [second_port]  # several requests reach both main workers
    # Every process has built its analyzer (and cached it) without the synonym.
    assert [result_count(port, TERM) for port in ports] == [0, 0, 0, 0]
    assert result_count(second_port, "社区") > 0

    recipe.manage(
        "shell",
        "-c",
        f"from search.models import Synonym; Synonym.objects.create(terms='{TERM}，社区')",
    )
    counts = [result_count(port, TERM) for port in ports]
    assert all(count > 0 for count in counts), counts
