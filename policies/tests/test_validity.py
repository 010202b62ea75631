"""A repeal or amendment takes effect on its date, and every view of the old document agrees."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from listings import fragments
from policies.library import run_library_query
from policies.models import PolicyPage, PolicyRelation, RelationType
from policies.validity import annotate_validity
from search.engine import SearchRequest, get_engine
from search.tests.conftest import CHINESE_BACKEND

from .factories import make_policy, relate

pytestmark = pytest.mark.django_db


def cn(day):
    return f"{day.year}年{day.month}月{day.day}日"


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def library_facet(params=None):
    result = run_library_query(PolicyPage.objects.live(), params or {})
    counts = {f.key: {v.value: v.count for v in f.values} for f in result.facets}
    return result, counts["validity"]


def search_validity(q, **params):
    resp = get_engine("database").search(SearchRequest.from_params({"q": q, **params}))
    facets = {k: {v: c for v, _label, c in vals} for k, vals in resp.facets.items()}
    return facets.get("validity", {}), {hit.title for hit in resp.hits}


def make_pair(relation_type, when):
    old = make_policy("社区志愿服务管理办法（旧）")
    new = make_policy("社区志愿服务管理办法（新）")
    relate(new, relation_type, old, date=when)
    return old, new


def test_repeal_dated_yesterday_is_in_force_everywhere(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = CHINESE_BACKEND
    settings.SEARCH_BACKEND = "database"
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    old, new = make_pair(RelationType.REPEALS, yesterday)
    old = PolicyPage.objects.get(pk=old.pk)
    assert old.validity == "有效"  # the stored field is untouched …
    assert old.current_validity == "已废止"  # … the relation decides
    assert old.out_of_force

    html = page_html(client, old)
    assert "<dt>有效性</dt><dd>已废止</dd>" in html
    assert f'本文件已于{cn(yesterday)}被<a href="{new.url}">《{new.title}》</a>废止' in html
    assert "policy-validity-pending" not in html

    result, facet = library_facet({"validity": "有效"})
    assert [p.title for p in result.page.object_list] == [new.title]
    assert facet == {"有效": 1, "已废止": 1}
    result, _ = library_facet({"validity": "已废止"})
    assert [p.title for p in result.page.object_list] == [old.title]
    listing = client.get(old.get_parent().url, {"validity": "已废止"}).content.decode()
    assert 'class="validity validity-已废止">已废止' in listing

    detail = client.get(f"/api/v2/policies/{old.pk}/").json()
    assert detail["validity"] == "已废止" and detail["validity_recorded"] == "有效"
    assert (
        detail["validity_banner_text"]
        == f"本文件已于{cn(yesterday)}被《{new.title}》废止，仅供查阅。"
    )
    valid = client.get("/api/v2/policies/", {"validity": "有效"}).json()["items"]
    assert [i["title"] for i in valid] == [new.title]
    repealed = client.get("/api/v2/policies/", {"validity": "已废止"}).json()["items"]
    assert [(i["title"], i["validity"]) for i in repealed] == [(old.title, "已废止")]

    facet, _ = search_validity("社区志愿服务")
    assert facet == {"有效": 1, "已废止": 1}
    _, hits = search_validity("社区志愿服务", validity="有效")
    assert hits == {new.title}


def test_repeal_dated_next_month_is_still_valid_with_notice(client):
    next_month = timezone.localdate() + datetime.timedelta(days=31)
    old, new = make_pair(RelationType.REPEALS, next_month)
    old = PolicyPage.objects.get(pk=old.pk)
    assert old.current_validity == "有效" and not old.out_of_force
    assert old.validity_on(next_month) == "已废止"
    assert (
        annotate_validity(PolicyPage.objects.filter(pk=old.pk), next_month).get().validity_in_force
        == "已废止"
    )

    html = page_html(client, old)
    assert "<dt>有效性</dt><dd>有效</dd>" in html
    assert "policy-validity-banner" not in html
    assert f'本文件将于{cn(next_month)}废止，见<a href="{new.url}">《{new.title}》</a>' in html

    result, facet = library_facet({"validity": "有效"})
    assert {p.title for p in result.page.object_list} == {old.title, new.title}
    assert facet == {"有效": 2}

    detail = client.get(f"/api/v2/policies/{old.pk}/").json()
    assert detail["validity"] == "有效" and detail["out_of_force"] is False
    assert detail["validity_banner_text"] == ""
    assert detail["pending_validity_changes"][0]["date"] == next_month.isoformat()
    repealed = client.get("/api/v2/policies/", {"validity": "已废止"}).json()["items"]
    assert repealed == []


def legal_force(client, page):
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', page_html(client, page)
    )
    return json.loads(found.group(1))["@graph"][0].get("legislationLegalForce")


def test_structured_data_follows_dated_repeals(client):
    """JSON-LD's legislationLegalForce says what the page says, not the stored field."""
    today = timezone.localdate()
    old, new = make_pair(RelationType.REPEALS, today - datetime.timedelta(days=1))
    pending = make_policy("社区议事规则（旧）")
    relate(new, RelationType.REPEALS, pending, date=today + datetime.timedelta(days=31))
    assert PolicyPage.objects.get(pk=old.pk).validity == "有效"
    assert legal_force(client, old) == "NotInForce"
    assert legal_force(client, pending) == "InForce"
    assert legal_force(client, new) == "InForce"


def test_amendment_follows_its_date(client):
    today = timezone.localdate()
    old, new = make_pair(RelationType.AMENDS, today + datetime.timedelta(days=10))
    old = PolicyPage.objects.get(pk=old.pk)
    assert old.current_validity == "有效"
    assert "将于" in page_html(client, old) and "修订，见<a" in page_html(client, old)

    _, facet = library_facet()
    assert facet == {"有效": 2}

    PolicyRelation.objects.filter(page=new).update(date=today)
    # As if the day had come (rendered fragments key on the date): a new generation.
    fragments.bump()
    old = PolicyPage.objects.get(pk=old.pk)
    assert old.current_validity == "已修订"
    html = page_html(client, old)
    assert "<dt>有效性</dt><dd>已修订</dd>" in html
    assert f'本文件已于{cn(today)}被<a href="{new.url}">《{new.title}》</a>修订' in html
    _, facet = library_facet()
    assert facet == {"有效": 1, "已修订": 1}
    detail = client.get(f"/api/v2/policies/{old.pk}/").json()
    assert detail["validity"] == "已修订"


def test_blank_relation_date_is_the_new_documents_effective_date(client):
    later = timezone.localdate() + datetime.timedelta(days=40)
    old = make_policy("旧规定")
    new = make_policy("新规定", effective_date=later)
    relate(new, RelationType.REPEALS, old)
    old = PolicyPage.objects.get(pk=old.pk)
    assert old.current_validity == "有效"
    assert old.validity_on(later) == "已废止"
    assert f"本文件将于{cn(later)}废止" in page_html(client, old)
    _, facet = library_facet()
    assert facet == {"有效": 2}


def test_unpublished_repealer_changes_nothing(client):
    old = make_policy("旧规定")
    new = make_policy("新规定")
    relate(new, RelationType.REPEALS, old, date=datetime.date(2020, 1, 1))
    new.unpublish()
    old = PolicyPage.objects.get(pk=old.pk)
    assert old.current_validity == "有效"
    assert library_facet()[1] == {"有效": 1}
