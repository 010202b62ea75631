"""Any query string gives a normal page or a 400 with a message: never a 500 or a DB error.

Example counts and randomness come from the Hypothesis profile chosen in conftest.py: with
``CI`` set the runs are derandomized (the same examples every run) and many more.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.tests.factories import news_page

pytestmark = pytest.mark.django_db

SYNTAX = st.sampled_from(
    [
        '"',
        "'",
        "*",
        ":",
        "NEAR",
        "AND",
        "OR",
        "NOT",
        "(",
        ")",
        "^",
        "-",
        "+",
        "\\",
        "\x00",
        "{",
        "}",
        "[2017]",
        "〔",
        "号",
        "社区",
        "社區",
        "😀",
        "%",
        "_",
        "; DROP TABLE x; --",
        "\u202e",
        "title:",
        "<script>",
        "&amp;",
        "\ud800",
    ]
)
QUERIES = st.one_of(
    st.text(max_size=80),
    st.lists(SYNTAX, max_size=12).map(" ".join),
    st.lists(SYNTAX, max_size=12).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=4000, max_size=5200),
)
PARAMS = st.fixed_dictionaries(
    {},
    optional={
        "type": st.text(max_size=20),
        "year": st.text(max_size=8),
        "validity": st.text(max_size=8),
        "authority": st.text(max_size=20),
        "sort": st.text(max_size=10),
        "page": st.text(max_size=8),
    },
)


@pytest.fixture
def some_pages(chinese_backend):
    news_page("社区发展治理", body="成委发〔2017〕27号 社區 1+3+N")


def _clean(value):
    # The HTTP layer cannot carry lone surrogates; a browser would send U+FFFD instead.
    return value.encode("utf-8", "replace").decode("utf-8")


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(q=QUERIES, params=PARAMS)
def test_search_page_never_fails(client, some_pages, q, params):
    data = {k: _clean(v) for k, v in {"q": q, **params}.items()}
    response = client.get("/search/", data)
    assert response.status_code in (200, 302), (q, params)


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(q=QUERIES, params=PARAMS)
def test_api_never_fails(client, some_pages, q, params):
    data = {k: _clean(v) for k, v in {"q": q, **params}.items()}
    response = client.get("/api/search/", data)
    assert response.status_code in (200, 400), (q, params)
    body = response.json()
    if response.status_code == 400:
        assert body["error"]
    else:
        assert isinstance(body["results"], list)


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(q=QUERIES)
def test_autocomplete_never_fails(client, some_pages, q):
    response = client.get("/api/search/autocomplete/", {"q": _clean(q)})
    assert response.status_code == 200
