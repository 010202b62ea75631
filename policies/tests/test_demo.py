"""The demo: the “30 articles”, its interpretation and the 简阳“1+6+N” package, both ways."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from policies.models import PolicyInterpretationPage, PolicyPackagePage, PolicyPage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "home" / "demo" / "seeds.jsonl"
SAMPLE = ROOT / "policies" / "demo" / "corpus-sample.jsonl"


@pytest.fixture
def demo():
    call_command("import_content", str(SEEDS), str(SAMPLE))


def test_demo_policy_library(client, demo):
    """One import for all checks: importing the demo is the slow part."""
    check_thirty_articles_and_interpretation(client)
    check_jianyang_package(client)
    check_corpus_sample(client)
    check_taiwan_regulations_marked(client)
    check_wrapped_lines_joined(client)
    check_collection_dates_not_publication_dates(client)
    check_summary_report_dates_not_publication_dates(client)


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def meta_facts(soup):
    """What the reader sees in the 文件信息 table, as {label: value}."""
    table = soup.select_one("dl.policy-meta")
    return {d.dt.get_text(strip=True): d.dd.get_text(strip=True) for d in table.find_all("div")}


def dates_in_head(soup):
    """PubDate, article:published_time and the JSON-LD datePublished, as the page gives them."""
    pub = soup.find("meta", attrs={"name": "PubDate"})
    og = soup.find("meta", attrs={"property": "article:published_time"})
    graph = json.loads(soup.find("script", type="application/ld+json").string)["@graph"]
    return {
        "PubDate": pub["content"] if pub else "",
        "og": og["content"] if og else "",
        "ld": graph[0].get("datePublished", ""),
    }


def check_thirty_articles_and_interpretation(client):
    policy = PolicyPage.objects.get(title__contains="城乡社区发展治理30条")
    interpretation = PolicyInterpretationPage.objects.get(interprets=policy)
    policy_html = client.get(policy.url).content.decode()
    assert interpretation.title in policy_html
    assert "并非文件原文" in policy_html  # a summary of press reports, said prominently
    interpretation_html = client.get(interpretation.url).content.decode()
    assert f"《{policy.title}》" in interpretation_html


def check_jianyang_package(client):
    package = PolicyPackagePage.objects.get(title__contains="1+6+N")
    member = package.members.get(role="core").policy
    package_html = client.get(package.url).content.decode()
    assert f"《{member.title}》" in package_html and "报道摘要" in package_html
    member_html = client.get(member.url).content.decode()
    assert f"《{package.title}》</a>的核心文件" in member_html


def check_corpus_sample(client):
    page = PolicyPage.objects.get(doc_number="国发〔2018〕41号")
    content = client.get(page.url).content.decode()
    assert 'id="article-32"' in content and "国务院，《" in content
    library = client.get(page.get_parent().url, {"authority": "国务院", "doc_type": "条例"})
    titles = [p.title for p in library.context["library"].page.object_list]
    assert "中华人民共和国个人所得税法实施条例" in titles


def check_taiwan_regulations_marked(client):
    page = PolicyPage.objects.get(title="政府資訊公開法")
    soup = soup_of(client, page)
    assert meta_facts(soup)["地区"] == "台湾地区"
    assert page.region.get_level_display() == "省级"
    notes = [n.get_text(strip=True) for n in soup.select("header [role=note]")]
    assert any("本文件为台湾地区有关规定，仅供参考" in n for n in notes)
    # Every Taiwan regulation of the demo says so; no State Council document does.
    for other in PolicyPage.objects.filter(title__in=["社區發展工作綱要", "农村再生條例"]):
        assert "台湾地区有关规定" in client.get(other.url).content.decode()
    state_council = PolicyPage.objects.get(doc_number="国发〔2018〕41号")
    assert "台湾地区" not in client.get(state_council.url).content.decode()
    library = client.get(page.get_parent().url, {"region": "台湾地区"})
    titles = {p.title for p in library.context["library"].page.object_list}
    assert "政府資訊公開法" in titles and state_council.title not in titles
    # The library list says where each document comes from, beside its validity.
    items = BeautifulSoup(library.content.decode(), "html.parser").select(".library-list li")
    item = next(li for li in items if "政府資訊公開法" in li.get_text())
    assert "· 台湾地区 ·" in item.select_one(".meta").get_text()


def check_wrapped_lines_joined(client):
    page = PolicyPage.objects.get(title="公寓大廈及社區安全管理辦法")
    soup = soup_of(client, page)
    body = soup.select_one(".policy-body")
    paragraphs = [p.get_text(strip=True) for p in body.select("p.policy-para")]
    assert len(paragraphs) == 39  # one per paragraph or item of the 18 articles
    assert not [p for p in paragraphs if p.startswith(("。", "，", ")"))]
    article_2 = soup.find(id="article-2").get_text(strip=True)
    assert "區分所有建築物。所稱社區係指數幢公寓大廈、住宅" in article_2
    assert "守望相助巡守組織之地區。" in article_2
    # Article 4 keeps its two paragraphs (項), article 7 its six items.
    article_4 = soup.find(id="article-4")
    assert [p.get_text(strip=True)[:5] for p in article_4.select("p.policy-para")] == [
        "直轄市、縣",
        "民間守望相",
    ]
    article_7 = soup.find(id="article-7")
    assert len(article_7.select("p.policy-para")) == 7
    assert len(article_7.select("p.policy-item")) == 6


def check_collection_dates_not_publication_dates(client):
    # gov.cn lists this 1996 document with the day it collected it, 2018-12-24.
    page = PolicyPage.objects.get(doc_number="国办发〔1996〕25号")
    assert page.published_date is None
    soup = soup_of(client, page)
    facts = meta_facts(soup)
    assert "发布日期" not in facts and facts["成文日期"] == "1996年6月29日"
    assert "2018-12-24" not in str(soup) and "2018年12月24日" not in str(soup)
    assert "并非发布日期" in soup.select_one("header [role=note]").get_text()
    assert not any(dates_in_head(soup).values())
    library = client.get(page.get_parent().url, {"q": "侵华日军遗弃化学武器"})
    assert "2018年12月24日" not in library.content.decode()
    # The abolished Taiwan regulation: its repeal day is 失效日期, not 发布日期.
    repealed = PolicyPage.objects.get(title="公寓大廈及社區安全管理辦法")
    facts = meta_facts(soup_of(client, repealed))
    assert facts["发布日期"] == "1999年6月29日" and facts["失效日期"] == "2003年1月8日"
    assert facts["有效性"] == "已废止"
    # A date the source site gives only as its own 实施时间 is not presented as 发布日期 either.
    opinion = PolicyPage.objects.get(title__contains="加强基层治理体系和治理能力现代化建设")
    assert "发布日期" not in meta_facts(soup_of(client, opinion))
    # A document with a real date keeps it everywhere.
    dated = PolicyPage.objects.get(doc_number="国发〔2018〕41号")
    soup = soup_of(client, dated)
    assert meta_facts(soup)["发布日期"] == "2018年12月22日"
    head = dates_in_head(soup)
    assert head["PubDate"] == "2018-12-22" and head["ld"] == "2018-12-22"
    assert head["og"].startswith("2018-12-22")


def check_summary_report_dates_not_publication_dates(client):
    """A summary page's record date is when a report mentioned the document."""
    page = PolicyPage.objects.filter(is_summary=True).exclude(first_published_at=None).first()
    reported = page.first_published_at.date().isoformat()
    soup = soup_of(client, page)
    assert "发布日期" not in meta_facts(soup)
    assert not [v for v in dates_in_head(soup).values() if v.startswith(reported)]
