"""Documents found by their names, short names, issuing bodies and numbers in any written form,
and the search page's own examples, run as a reader would."""

import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from search.analysis import Analyzer
from search.engine.known import title_names
from search.tests.factories import authority, policy_doc

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(chinese_backend):
    council = authority("国务院")
    office = authority("国务院办公厅")
    pages = {
        "civil": policy_doc(
            "中华人民共和国民法典",
            body="第一条 为了保护民事主体的合法权益，制定本法。",
        ),
        "village": policy_doc(
            "中华人民共和国村民委员会组织法",
            body="第一条 为了保障农村村民实行自治，制定本法。",
        ),
        "disclosure": policy_doc(
            "中华人民共和国政府信息公开条例",
            body="第一条 为了保障公民、法人和其他组织依法获取政府信息，制定本条例。",
            issuing_authorities=[council],
        ),
        # Mentions 信息公开 and 条例 more often than the 条例 itself.
        "report": policy_doc(
            "关于政务公开工作的报告",
            body="信息公开条例实施以来，信息公开工作稳步推进。贯彻信息公开条例，落实信息公开。",
        ),
        "rules": policy_doc(
            "国务院关于印发《国务院工作规则》的通知",
            body="现将《国务院工作规则》印发给你们。",
            doc_number="国发〔2004〕18号",
            issuing_authorities=[council],
        ),
        "media": policy_doc(
            "关于推进政务新媒体健康有序发展的意见",
            body="政务新媒体是移动互联网时代党和政府联系群众的重要渠道。",
            doc_number="国办发〔2018〕123号",
            published_date=datetime.date(2018, 12, 7),
            issuing_authorities=[office],
        ),
        # No number: only its 发文机关 says who issued it.
        "care": policy_doc(
            "关于推进养老服务发展的意见",
            body="养老服务关系亿万群众福祉。",
            issuing_authorities=[office],
        ),
    }
    call_command("search_load_vocabulary", verbosity=0)
    return pages


def first_result(client, query):
    data = client.get("/api/search/", {"q": query}).json()
    return data["results"][0]["title"] if data["results"] else None


def test_titles_give_their_names():
    assert "村民委员会组织法" in title_names("中华人民共和国村民委员会组织法")
    assert "国务院工作规则" in title_names("国务院关于印发《国务院工作规则》的通知")
    assert "志愿服务记录与证明出具办法" in title_names("志愿服务记录与证明出具办法（试行）")


@pytest.mark.parametrize(
    "query, key",
    [
        ("《民法典》", "civil"),
        ("民法典", "civil"),
        ("村委会组织法", "village"),
        ("《村委会组织法》", "village"),
        ("信息公开条例", "disclosure"),
        ("《信息公开条例》", "disclosure"),
        ("国务院工作规则", "rules"),
    ],
)
def test_short_names_find_the_document_first(client, library, query, key):
    assert first_result(client, query) == library[key].title


@pytest.mark.parametrize(
    "query, key",
    [
        ("国务院办公厅", "care"),
        ("国办", "care"),
        ("国办 养老服务", "care"),
        ("国办 政务新媒体", "media"),
    ],
)
def test_issuing_body_and_its_abbreviation_find_its_documents(client, library, query, key):
    titles = [r["title"] for r in client.get("/api/search/", {"q": query}).json()["results"]]
    # The body's name is not in the text: it is found as the document's 发文机关.
    assert library[key].title in titles[:2]
    if " " in query:
        assert titles[0] == library[key].title


@pytest.mark.parametrize(
    "query",
    [
        "国办发〔2018〕123号",
        "国办发[2018]123号",
        "国办发(2018)123号",
        "国办发（2018）123号",
        "国办发【2018】123号",
        "国办发〔2018〕第123号",
        "国办发［２０１８］１２３号",
        "国办发2018年123号",
        "国办发〔二〇一八〕123号",
        "國辦發〔2018〕123號",
    ],
)
def test_exact_doc_number_in_any_form_jumps(client, library, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == library["media"].url


def test_doc_number_written_with_a_chinese_year_is_one_number():
    plan = Analyzer().parse_query("国发〔二〇一九〕5号")
    assert plan.only_doc_number == "国发〔2019〕5号"
    assert Analyzer().parse_query("2019年5号文件").doc_numbers == []


@pytest.fixture
def demo(chinese_backend):
    call_command(
        "import_content",
        str(ROOT / "home" / "demo" / "seeds.jsonl"),
        str(ROOT / "policies" / "demo" / "corpus-sample.jsonl"),
    )
    call_command("search_load_vocabulary", verbosity=0)


def test_every_hint_example_on_the_page_works(client, demo):
    html = BeautifulSoup(client.get("/search/").content.decode(), "html.parser")
    links = html.select(".search-hint a.hint-example")
    assert len(links) >= 6
    for link in links:
        query = parse_qs(urlparse(link["href"]).query)["q"][0]
        assert query == link.get_text()
        response = client.get("/search/", {"q": query})
        if response.status_code == 302:  # a number: straight to the document
            assert client.get(response["Location"]).status_code == 200, query
            continue
        page = BeautifulSoup(response.content.decode(), "html.parser")
        results = page.select(".result")
        assert results, query
        assert not results[0].select(".partial"), query
