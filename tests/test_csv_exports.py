"""Every CSV download of the admin shows formula-looking text as text (issue 25, reproduction 9):
``=HYPERLINK(…)`` typed into a public request's title reaches the officer's spreadsheet with an
apostrophe in front, in the request queue, the message queue and the search-term report."""

import csv
import io

import pytest
from django.urls import reverse

from editorial.csvcells import safe_cell
from enquiries import rules
from enquiries.tests.factories import EnquiryFactory

pytestmark = pytest.mark.django_db
ATTACKS = ['=HYPERLINK("http://evil.example/","点此查看")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"]


def rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("kind", [rules.REQUEST, rules.MESSAGE])
def test_the_queue_export_quotes_formula_titles(admin_client, kind):
    for title in ATTACKS:
        EnquiryFactory(kind=kind, title=title)
    EnquiryFactory(kind=kind, title="普通标题")
    response = admin_client.get(reverse(f"enquiries_{kind}:index") + "?export=csv")
    assert response.status_code == 200
    cells = [cell for row in rows(response)[1:] for cell in row]
    for title in ATTACKS:
        assert "'" + title in cells and title not in cells
    assert "普通标题" in cells


def test_the_search_term_report_quotes_formula_terms(admin_client):
    from wagtail.contrib.search_promotions.models import Query

    Query.get("=cmd|' /c calc'!a0").add_hit()
    response = admin_client.get(reverse("search_query_report") + "?export=csv")
    assert response.status_code == 200
    cells = [cell for row in rows(response)[1:] for cell in row]
    assert "'=cmd|' /c calc'!a0" in cells


@pytest.mark.parametrize(
    "value, expected",
    [("=1", "'=1"), ("\r=1", "'\r=1"), ("正常", "正常"), (-5, -5), ("", ""), (None, None)],
)
def test_a_cell_is_quoted_only_when_it_is_text_a_spreadsheet_would_run(value, expected):
    assert safe_cell(value) == expected
