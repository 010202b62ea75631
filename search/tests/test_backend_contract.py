"""One contract for every search engine: the same pages, the same queries, the same answers.

The database engine runs on whatever database the test settings use (SQLite by default; set
DATABASE_URL=postgres://… to run it on PostgreSQL). The Elasticsearch engine runs only when
ELASTICSEARCH_URL is set.
"""

import datetime
import os

import pytest
from django.db import connection

from search.engine import SearchRequest, get_engine
from search.tests.factories import authority, case_page, news_page, policy_doc

pytestmark = pytest.mark.django_db

ENGINES = [
    pytest.param("database", id="database"),
    pytest.param(
        "elasticsearch",
        id="elasticsearch",
        marks=pytest.mark.skipif(
            not os.environ.get("ELASTICSEARCH_URL"),
            reason="Elasticsearch contract run needs ELASTICSEARCH_URL (see README, compose file)",
        ),
    ),
]

TRADITIONAL_BODY = (
    "青羊區(qū)深入推進城鄉社區(qū)發(fā)展治理，成都市設立城鄉社區發展治理委員會"
    "(以下簡稱社治委)。堅持“四務”公開。"
)


@pytest.fixture
def corpus(chinese_backend, django_db_setup):
    city = authority("中共成都市委")
    pages = {
        "policy": policy_doc(
            "关于深入推进城乡社区发展治理建设高品质和谐宜居生活社区的意见",
            body="统筹推进城乡社区发展治理，构建15分钟社区生活服务圈。",
            doc_number="成委发〔2017〕27号",
            published_date=datetime.date(2017, 9, 2),
            validity="有效",
            issuing_authorities=[city],
        ),
        "repealed": policy_doc(
            "成都市社区志愿服务管理办法",
            body="规范社区志愿服务活动，保障志愿者合法权益。",
            doc_number="成办发〔2012〕3号",
            published_date=datetime.date(2012, 3, 1),
            validity="已废止",
            issuing_authorities=[city],
        ),
        "traditional": news_page(
            "青羊區三提三增三營造",
            body=TRADITIONAL_BODY,
            date=datetime.date(2018, 10, 10),
        ),
        "jianyang": case_page(
            "简阳市党建引领城乡社区治理",
            body="简阳市出台“1+6+N”政策体系，推行“1+3+N”警务模式，网格员走街串户。",
            date=datetime.date(2021, 5, 6),
        ),
        "draft": news_page(
            "咸宁市社区治理草稿",
            body="咸宁 草稿 不应出现",
            live=False,
        ),
    }
    return pages


def run(engine_name, q, **params):
    engine = get_engine(engine_name)
    if engine_name == "elasticsearch":
        engine.rebuild()
    return engine.search(SearchRequest.from_params({"q": q, **params}))


def titles(resp):
    return {hit.title for hit in resp.hits}


@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize(
    "query, expected",
    [
        ("社区发展治理", {"policy", "traditional"}),
        ("社區發展治理", {"policy", "traditional"}),
        ("城乡社区", {"policy", "traditional", "jianyang"}),
        ("简阳", {"jianyang"}),
        ("簡陽", {"jianyang"}),
        ("1+3+N", {"jianyang"}),
        ("四务公开", {"traditional"}),
        ("社治委", {"traditional"}),
        ("15分钟", {"policy"}),
        ("志愿服务", {"repealed"}),
        ("咸宁", set()),
    ],
)
def test_words_in_either_script_find_their_pages(corpus, engine_name, query, expected):
    resp = run(engine_name, query)
    assert titles(resp) == {corpus[key].title for key in expected}, query


@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize("variant", ["成委发〔2017〕27号", "成委发[2017]27号", "成委发(2017)27号"])
def test_doc_number_jumps_to_the_document(corpus, engine_name, variant):
    resp = run(engine_name, variant)
    assert resp.jump_url == corpus["policy"].url
    assert titles(resp) == {corpus["policy"].title}


@pytest.mark.parametrize("engine_name", ENGINES)
def test_title_matches_rank_first(corpus, engine_name):
    news_page("一篇提到简阳的稿件", body="正文里没有那个地名。")
    resp = run(engine_name, "简阳市")
    assert resp.hits[0].title == corpus["jianyang"].title


@pytest.mark.parametrize("engine_name", ENGINES)
def test_highlights_are_marked_and_escaped(corpus, engine_name):
    news_page("<b>网格员</b>的一天", body="<script>alert(1)</script>网格员上门")
    resp = run(engine_name, "网格员")
    for hit in resp.hits:
        assert "<script>" not in hit.snippet and "<b>" not in hit.title_html
        assert "<mark>网格员</mark>" in hit.snippet


@pytest.mark.parametrize("engine_name", ENGINES)
def test_facets_filters_and_sort(corpus, engine_name):
    resp = run(engine_name, "社区")
    facets = {k: {v: c for v, _label, c in vals} for k, vals in resp.facets.items()}
    assert facets["validity"] == {"有效": 1, "已废止": 1}
    assert facets["authority"] == {"中共成都市委": 2}
    assert facets["year"][2017] == 1 and facets["year"][2018] == 1
    assert facets["type"]["policypage"] == 2
    only_valid = run(engine_name, "社区", validity="有效")
    assert titles(only_valid) == {corpus["policy"].title}
    by_year = run(engine_name, "社区", year="2012")
    assert titles(by_year) == {corpus["repealed"].title}
    newest = run(engine_name, "社区", sort="newest")
    dates = [h.date for h in newest.hits]
    assert dates == sorted(dates, reverse=True)
    oldest = run(engine_name, "社区", sort="oldest")
    assert [h.date for h in oldest.hits] == sorted(dates)


@pytest.mark.parametrize("engine_name", ENGINES)
def test_exact_phrase(corpus, engine_name):
    assert titles(run(engine_name, '"党建引领城乡"')) == {corpus["jianyang"].title}
    assert titles(run(engine_name, '"城乡党建"')) == set()


@pytest.mark.parametrize("engine_name", ENGINES)
def test_unpublished_and_private_content_never_appears(corpus, engine_name):
    assert titles(run(engine_name, "咸宁")) == set()
    page = corpus["jianyang"]
    page.unpublish()
    assert titles(run(engine_name, "简阳")) == set()


@pytest.mark.parametrize("engine_name", ENGINES)
def test_pagination(corpus, engine_name):
    for i in range(12):
        news_page(f"社区通讯第{i}期", body="社区活动")
    first = run(engine_name, "社区通讯")
    second = run(engine_name, "社区通讯", page="2")
    assert first.count == second.count == 12
    assert len(first.hits) == 10 and len(second.hits) == 2
    assert not titles(first) & titles(second)


def test_database_vendor_is_reported():
    assert connection.vendor in {"sqlite", "postgresql"}


@pytest.fixture
def answers(chinese_backend, django_db_setup):
    return {
        "aid": policy_doc(
            "社会救助暂行办法",
            body="第三十四条　教育救助采取减免相关费用、发放助学金、给予生活补助等方式实施，"
            "保障孩子上学的基本学习、生活需求。",
        ),
        "partly": news_page("村里发放春节补助", body="给困难家庭的孩子发放春节补助。"),
        "all_terms": news_page(
            "孩子上学补助发放通知",
            body="孩子上学可以申请补助。",
        ),
        "unrelated": news_page("网格员培训", body="网格员学习新规定。"),
        # A few more pages on other matters, so term rarity (BM25's IDF) means what it does in
        # a real index rather than in a corpus of four.
        "others": [
            news_page(title, body=body)
            for title, body in (
                ("老旧小区加装电梯", "楼栋议事会讨论加装电梯方案。"),
                ("垃圾分类进社区", "志愿者指导居民垃圾分类。"),
                ("村委会换届选举", "村民依法选举村民委员会成员。"),
                ("社区食堂开张", "老年人在社区食堂用餐。"),
                ("物业服务纠纷调解", "调解员化解物业服务纠纷。"),
                ("河道清淤工程", "村里组织清理河道淤泥。"),
            )
        ],
    }


@pytest.mark.parametrize("engine_name", ENGINES)
def test_question_finds_the_answering_document(answers, engine_name):
    resp = run(engine_name, "孩子上学有什么补助")
    found = [hit.title for hit in resp.hits]
    # The document holding every meaningful word ranks first; the question words 有/什么 are
    # left out instead of being required.
    assert found[0] == answers["all_terms"].title
    assert answers["aid"].title in found
    assert answers["unrelated"].title not in found
    assert resp.match == "full" and not resp.hits[0].partial
    assert set(resp.plan.dropped) == {"有", "什么"}


@pytest.mark.parametrize("engine_name", ENGINES)
def test_every_term_first_then_partial_matches_marked(answers, engine_name):
    resp = run(engine_name, "孩子上学补助")
    hits = {hit.title: hit for hit in resp.hits}
    order = [hit.title for hit in resp.hits]
    assert order.index(answers["all_terms"].title) < order.index(answers["partly"].title)
    assert not hits[answers["all_terms"].title].partial
    assert hits[answers["partly"].title].partial


@pytest.mark.parametrize("engine_name", ENGINES)
def test_thin_hits_are_listed_and_marked_partial(answers, engine_name):
    # Only one of three words (补助) occurs anywhere: the pages holding it are still listed
    # (no share-of-words gate), every one marked partial, so the page says it is no answer.
    resp = run(engine_name, "宠物 狗证 补助")
    assert resp.hits and resp.count == len(resp.hits)
    assert all(hit.partial for hit in resp.hits) and resp.match == "partial"
    assert answers["unrelated"].title not in [hit.title for hit in resp.hits]


@pytest.mark.parametrize("engine_name", ENGINES)
def test_index_number_jumps_to_the_document(corpus, engine_name):
    page = corpus["policy"]
    page.index_number = "000014349/2017-00027"
    page.save_revision().publish()
    for variant in ["000014349/2017-00027", " ０００014349/2017-00027 "]:
        resp = run(engine_name, variant)
        assert resp.jump_url == page.url
        assert resp.hits[0].title == page.title
    assert run(engine_name, "000014349/2017-00028").jump_url == ""


@pytest.mark.parametrize("engine_name", ENGINES)
def test_a_document_asked_for_by_name_leads(corpus, engine_name):
    resp = run(engine_name, "《成都市社区志愿服务管理办法》")
    assert resp.jump_url == ""
    assert resp.hits[0].title == corpus["repealed"].title and not resp.hits[0].partial
