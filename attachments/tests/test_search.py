"""A word found only inside an attached PDF or DOCX finds the page, and says where it was."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Collection, CollectionViewRestriction

from attachments.samples import docx_bytes, pdf_bytes
from attachments.tests.helpers import document
from policies.models import PolicyAttachment
from search.tests.factories import policy_doc

pytestmark = pytest.mark.django_db


def attach(page, *documents):
    for doc in documents:
        page.attachments.add(PolicyAttachment(document=doc))
    page.save_revision().publish()
    return page


@pytest.fixture
def policy(chinese_backend):
    page = policy_doc("关于做好高原农牧区补助工作的通知", body="各乡镇按本通知执行。")
    pdf = document("细则.pdf", pdf_bytes(["青稞晾晒场建设补助实施细则"]), title="补助实施细则")
    docx = document("办法.docx", docx_bytes(["牦牛保险理赔办法"]), title="理赔办法")
    return attach(page, pdf, docx), pdf, docx


def results(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser").select("li.result")


def test_word_only_in_the_attached_pdf_finds_the_page(client, policy):
    page, pdf, _docx = policy
    found = results(client, "青稞晾晒场")
    assert [r.h3.a.get_text() for r in found] == [page.title]
    snippet = found[0].select_one(".snippet")
    assert snippet.get_text().startswith("附件《补助实施细则》：")
    assert snippet.a["href"] == pdf.url
    assert "".join(m.get_text() for m in snippet.select("mark")) == "青稞晾晒场"


def test_word_only_in_the_attached_docx_finds_the_page(client, policy):
    page, _pdf, docx = policy
    found = results(client, "牦牛保险理赔")
    assert [r.h3.a.get_text() for r in found] == [page.title]
    snippet = found[0].select_one(".snippet")
    assert snippet.get_text().startswith("附件《理赔办法》：")
    assert snippet.a["href"] == docx.url


def test_the_api_names_the_attachment(client, policy):
    _page, pdf, _docx = policy
    data = client.get("/api/search/", {"q": "青稞晾晒场"}).json()
    assert data["results"][0]["attachment"] == {"title": "补助实施细则", "url": pdf.url}


def test_a_word_in_the_page_itself_gets_the_page_snippet(client, policy):
    found = results(client, "各乡镇")
    assert not found[0].select_one(".snippet").get_text().startswith("附件")


def test_a_document_in_a_private_collection_lends_no_text(client, chinese_backend):
    private = Collection.get_first_root_node().add_child(name="内部材料")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type="login", password=""
    )
    secret = document("内部.pdf", pdf_bytes(["内部审计底稿"]))
    secret.collection = private
    secret.save()
    attach(policy_doc("公开的通知", body="正文。"), secret)
    assert results(client, "审计底稿") == []


def test_text_read_after_publication_reaches_the_index(client, chinese_backend):
    from attachments.models import AttachmentText

    doc = document("迟到.pdf", pdf_bytes(["雪灾应急物资储备目录"]), title="储备目录")
    AttachmentText.objects.filter(document=doc).update(status="pending", text="")
    page = attach(policy_doc("应急物资通知", body="正文。"), doc)
    assert [r.h3.a.get_text() for r in results(client, "雪灾应急物资")] == [page.title]


def test_demo_attachments_are_found_by_their_words(client, chinese_backend):
    from django.core.management import call_command

    from policies.management.commands.policies_demo_attachments import POLICY

    page = policy_doc(POLICY, body="消费扶贫。")
    call_command("policies_demo_attachments")
    call_command("policies_demo_attachments")  # idempotent
    assert page.attachments.count() == 2
    for query, name in (("青稞晾晒场", "实施细则"), ("牦牛养殖保险", "理赔流程")):
        found = results(client, query)
        assert [r.h3.a.get_text() for r in found] == [POLICY]
        assert name in found[0].select_one(".snippet a").get_text()


def test_elasticsearch_document_carries_the_attachments():
    from search.documents import mapping, to_document
    from search.engine.es_query import _token
    from search.runtime import get_analyzer

    rec = {
        "id": 1,
        "title": "通知",
        "doc_number": "",
        "body": "正文",
        "sections": [],
        "url": "/p/",
        "type": "policypage",
        "type_label": "政策文件",
        "authority": [],
        "validity": "",
        "year": None,
        "date": None,
        "attachments": [{"title": "细则", "url": "/documents/1/a.pdf", "text": "青稞晾晒场"}],
    }
    doc = to_document(rec, get_analyzer()).to_dict()
    assert "青稞" in doc["attachments_tokens"].split()
    assert doc["attachments"] == rec["attachments"]
    assert mapping()["properties"]["attachments"] == {"type": "object", "enabled": False}
    fields = [next(iter(c["term"])) for c in _token("青稞")["bool"]["should"]]
    assert "attachments_tokens" in fields


def test_a_document_linked_in_a_notices_rich_text_is_searched_with_it(client, chinese_backend):
    from notices.tests.factories import NoticePageFactory, notice_index

    doc = document("名单.docx", docx_bytes(["藏香猪养殖户名单"]), title="养殖户名单")
    body = f'<p>详见<a linktype="document" id="{doc.pk}">附件</a>。</p>'
    page = NoticePageFactory(parent=notice_index(), body=body, list_text="", publish=True)
    found = results(client, "藏香猪")
    assert [r.h3.a.get_text() for r in found] == [page.title]
    assert found[0].select_one(".snippet a")["href"] == doc.url


def test_a_long_attachment_is_indexed_up_to_the_cap(client, chinese_backend):
    import random

    rng = random.Random(29)
    filler = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(150_000))
    lines = ["冬虫夏草采挖证办理须知", filler, "末尾才出现的雪莲花保护条款"]
    doc = document("长文.docx", docx_bytes(lines), title="长篇附件")
    page = attach(policy_doc("长附件的通知", body="正文。"), doc)
    assert [r.h3.a.get_text() for r in results(client, "冬虫夏草采挖证")] == [page.title]
    assert results(client, "雪莲花保护条款") == []
