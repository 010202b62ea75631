"""Ties: news and case studies name their villages (both ways); townships at a glance."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from disclosures.tests.factories import DisclosurePageFactory, finance_disclosure, hierarchy
from home.tests.factories import home_page
from news.models import CaseStudyPage, NewsArticleVillage
from news.tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)

from .test_admin import make_user

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def villages():
    return hierarchy(("圩洋村", "青禾村"))[3]


def case_study_form(page, village_ids):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": "2018-10-10",
            "author": "",
            "source": "",
            "source_url": "",
            "editor_note": "",
            "region": "",
            "lead_image": "",
            "body": streamfield([("paragraph", rich_text("<p>圩洋村的议事会。</p>"))]),
            "tags": "",
            "key_figures": inline_formset([]),
            "policy_links": inline_formset([]),
            "village_links": inline_formset(
                [{"village": str(pk), "ORDER": str(i + 1)} for i, pk in enumerate(village_ids)]
            ),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "action-publish": "1",
        }
    )


def test_a_case_study_names_its_village_in_the_admin_and_both_link(client, villages):
    xuyang, qinghe = villages
    cases = CaseStudyIndexPageFactory(parent=home_page())
    page = CaseStudyPageFactory(parent=cases, title="圩洋村议事会案例")
    client.force_login(make_user("admin", superuser=True))
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = client.get(edit).content.decode()
    assert "相关村（社区）" in form and "village_links-FORMS" in form
    response = client.post(edit, case_study_form(page, [xuyang.pk]))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = CaseStudyPage.objects.get(pk=page.pk)
    assert [link.village for link in page.village_links.all()] == [xuyang]

    article = soup(client.get(page.url))
    links = article.select(".related-villages a")
    assert [(a.get_text(), a["href"]) for a in links] == [("圩洋村“四务”公开", xuyang.url)]
    village = soup(client.get(xuyang.url)).select_one("[aria-labelledby=dc-articles]")
    assert village.a["href"] == page.url and village.a.get_text() == "圩洋村议事会案例"
    assert "典型案例" in village.get_text()
    assert soup(client.get(qinghe.url)).select_one("[aria-labelledby=dc-articles]") is None


def test_only_live_articles_are_listed_on_the_village(client, villages):
    xuyang = villages[0]
    news = NewsIndexPageFactory(parent=home_page())
    live = NewsArticlePageFactory(parent=news, title="圩洋村换届", date=datetime.date(2024, 1, 2))
    later = NewsArticlePageFactory(
        parent=news, title="圩洋村公开栏", date=datetime.date(2024, 3, 2)
    )
    hidden = NewsArticlePageFactory(parent=news, title="未发布稿", live=False)
    for article in (live, later, hidden):
        NewsArticleVillage.objects.create(page=article, village=xuyang)
    listed = soup(client.get(xuyang.url)).select("[aria-labelledby=dc-articles] li a")
    assert [a.get_text() for a in listed] == ["圩洋村公开栏", "圩洋村换届"]


def publish_quarter(village, category, year=2024, number=1):
    if category == "finance":
        return finance_disclosure(village)
    page = DisclosurePageFactory(
        parent=village,
        category=category,
        title=f"{year}年第{number}季度{category}",
        period_year=year,
        period_number=number,
        opening_balance=None,
        total_income=None,
        total_expenditure=None,
        closing_balance=None,
    )
    page.save_revision().publish()
    return page


def test_township_shows_every_villages_status_at_a_glance(client, monkeypatch):
    _index, _county, township, (on_time, due, late) = hierarchy(("按期村", "到期村", "逾期村"))
    for category in ("party", "village", "finance", "service"):
        publish_quarter(on_time, category)
    due.tracking_since = datetime.date(2024, 1, 1)  # Q4 2023 is not required of it
    due.save_revision().publish()
    # Early April 2024: the first quarter is due by mid-April, the last quarter of 2023 is late.
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2024, 4, 3))
    html = soup(client.get(township.url))
    rows = {
        li.select_one(".dc-village-link").get_text(): [
            badge.get_text() for badge in li.select(".dc-status-row .dc-badge")
        ]
        for li in html.select(".dc-villages > li")
    }
    assert rows == {
        "按期村": ["按期"] * 4,
        "到期村": ["本月到期"] * 4,
        "逾期村": ["逾期"] * 4,
    }
    due_row = html.select(".dc-villages > li")[1].get_text(" ", strip=True)
    assert "党务 本月到期 4月" in due_row and "日前" in due_row
    glance = html.select_one(".dc-glance").get_text(" ", strip=True)
    assert "共 3 个村（社区）" in glance
    assert "按期 4 项" in glance and "本月到期 4 项" in glance and "逾期 4 项" in glance


def test_village_articles_records_are_checked_before_anything_is_imported(
    tmp_path, capsys, villages
):
    import json

    from django.core.management import call_command
    from django.core.management.base import CommandError

    news = NewsIndexPageFactory(parent=home_page())
    article = NewsArticlePageFactory(parent=news, title="圩洋村换届")
    from importing.pages import remember

    remember("news-xuyang", article)
    lines = [
        {"id": "t-1", "type": "village_articles", "township": "新洋街道", "village": "圩洋村",
         "articles": ["news-xuyang"]},
        {"id": "t-2", "type": "village_articles", "township": "新洋街道", "village": "无此村",
         "articles": ["nope"]},
    ]  # fmt: skip
    path = tmp_path / "ties.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    with pytest.raises(CommandError, match="未导入任何内容"):
        call_command("import_content", str(path))
    err = capsys.readouterr().err
    assert "ties.jsonl:2: articles 中的 'nope' 不是本批或已导入的新闻或典型案例" in err
    assert "ties.jsonl:2: 找不到新洋街道无此村" in err
    assert not NewsArticleVillage.objects.exists()
    path.write_text(json.dumps(lines[0], ensure_ascii=False), encoding="utf-8")
    call_command("import_content", str(path))
    call_command("import_content", str(path))
    assert [link.village for link in NewsArticleVillage.objects.all()] == [villages[0]]
