"""Editors: Chinese page search in the admin, and synonyms that take effect at once."""

import pytest
from django.contrib.auth import get_user_model

from search.engine import SearchRequest, get_engine
from search.models import Synonym
from search.tests.factories import news_page, policy_doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "x-pass-9f2")
    client.force_login(user)
    return client


def test_admin_page_search_finds_chinese_words(editor, chinese_backend):
    news_page("青羊區社區發展治理", body="網格員")
    news_page("简阳市通讯", body="简阳")
    response = editor.get("/admin/pages/search/", {"q": "社区发展治理"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "青羊區社區發展治理" in content and "简阳市通讯" not in content


def test_synonym_added_in_admin_applies_immediately(editor, chinese_backend):
    news_page("全科社工上门", body="社区全科社工为老人服务")
    before = get_engine().search(SearchRequest(q="全能社工"))
    # Only 社工 matches: the page is listed as a partial match, 全能 is not in it.
    assert before.match == "partial" and before.hits[0].partial
    response = editor.post(
        "/admin/snippets/search/synonym/add/",
        {"terms": "全科社工、全能社工", "note": "", "enabled": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert Synonym.objects.filter(terms="全科社工，全能社工").exists()
    after = get_engine().search(SearchRequest(q="全能社工"))
    assert after.count == 1 and after.match == "full"
    assert after.also_searched == ["全科社工"]


def test_synonym_needs_two_terms(editor, chinese_backend):
    response = editor.post(
        "/admin/snippets/search/synonym/add/", {"terms": "社治委", "enabled": "on"}
    )
    assert response.status_code == 200
    assert "请至少填写两个不同的词语" in response.content.decode()
    assert not Synonym.objects.filter(terms="社治委").exists()


def test_default_synonyms_expand_abbreviations(chinese_backend):
    news_page("成都设立城乡社区发展治理委员会", body="机构改革")
    titles = {h.title for h in get_engine().search(SearchRequest(q="社治委")).hits}
    assert titles == {"成都设立城乡社区发展治理委员会"}


def test_shipped_vocabulary_is_in_the_admin_and_expands_everyday_words(editor, chinese_backend):
    row = Synonym.objects.get(terms="低保，最低生活保障")
    assert row.one_way and "社会救助暂行办法" in row.note
    policy_doc("最低生活保障审核确认办法", body="申请最低生活保障")
    resp = get_engine().search(SearchRequest(q="低保怎么申请"))
    assert [h.title for h in resp.hits] == ["最低生活保障审核确认办法"]
    assert resp.also_searched == ["最低生活保障"] and resp.ignored_words == ["怎么"]
    assert str(row) == "低保 → 最低生活保障"
    edit = editor.get(f"/admin/snippets/search/synonym/edit/{row.pk}/")
    assert edit.status_code == 200 and "单向扩展" in edit.content.decode()
