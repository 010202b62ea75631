import datetime

import pytest

from policies.models import PolicyVersion, RelationType, Validity

from .factories import make_interpretation, make_package, make_policy, relate

pytestmark = pytest.mark.django_db


def html(client, page, suffix=""):
    response = client.get(page.url + suffix)
    assert response.status_code == 200
    return response.content.decode()


def test_articles_have_permalinks_toc_and_cite(client):
    page = make_policy(
        "城乡社区发展治理促进办法",
        doc_number="成委发〔2017〕27号",
        authorities=["中共成都市委"],
    )
    content = html(client, page)
    assert 'id="article-12"' in content
    assert 'href="#article-12"' in content and "复制链接" in content
    assert 'id="chapter-1"' in content and "第一章 总则" in content
    # The TOC links every article.
    assert content.count('href="#article-3"') >= 2
    # Items keep their labels.
    assert "（一）</span>宣传和贯彻执行党的路线方针政策" in content
    # The cite block names authority, title and document number, and each article
    # carries its own citation shown when reached through its link.
    assert "中共成都市委，《城乡社区发展治理促进办法》，成委发〔2017〕27号" in content
    assert "成委发〔2017〕27号，第十二条。" in content
    assert f"{page.full_url}#article-12" in content
    assert "policies/css/policy-print.css" in content


def test_traditional_articles_render(client):
    text = "第十一條　社區應建立資料。\n第十二條　社區發展協會應訂定計畫：\n（一）新建活動中心。"
    page = make_policy("社區發展工作綱要", text=text)
    content = html(client, page)
    assert 'id="article-12"' in content and "第十二條" in content


def test_free_form_body_without_articles_keeps_text_and_has_no_toc(client):
    text = "一、总体要求\n以社区为单位推进治理。\n二、保障措施\n加强组织领导。"
    page = make_policy("关于加强社区治理的意见", text=text)
    content = html(client, page)
    assert "以社区为单位推进治理。" in content and "加强组织领导。" in content
    assert "policy-toc" not in content
    assert not page.has_articles


def test_summary_pages_say_so(client):
    page = make_policy("简阳市社会企业培育扶持办法", text="报道称……", is_summary=True)
    assert "并非文件原文" in html(client, page)


def test_repeal_shows_on_both_pages_with_banner(client):
    old = make_policy("成都市社区志愿服务管理办法（2012）")
    new = make_policy("成都市社区志愿服务管理办法（2020）")
    relate(new, RelationType.REPEALS, old, date=datetime.date(2020, 5, 1))
    old_html = html(client, old)
    link = f'<a href="{new.url}">《成都市社区志愿服务管理办法（2020）》</a>'
    assert f"本文件已于2020年5月1日被{link}废止" in old_html
    assert "policy-validity-banner" in old_html
    new_html = html(client, new)
    assert "本文件废止" in new_html and "《成都市社区志愿服务管理办法（2012）》" in new_html
    assert "policy-validity-banner" not in new_html
    # The banner is on every view of the repealed document, the history included.
    assert "policy-validity-banner" in html(client, old, "history/")


def test_amendment_shows_in_reverse(client):
    base = make_policy("社区工作者管理办法")
    amending = make_policy("关于修改《社区工作者管理办法》的决定")
    relate(amending, RelationType.AMENDS, base)
    content = html(client, base)
    assert "本文件已于2018年1月1日被<a" in content and "修订" in content
    assert base.amended_by()[0].page.pk == amending.pk


def test_expired_and_repealed_validity_banners(client):
    expired = make_policy(
        "三年行动计划", expiry_date=datetime.date(2020, 12, 31), validity=Validity.VALID
    )
    assert "本文件已于2020年12月31日失效" in html(client, expired)
    repealed = make_policy("旧办法", validity=Validity.REPEALED)
    assert "本文件已废止" in html(client, repealed)
    valid = make_policy("现行办法")
    assert "policy-validity-banner" not in html(client, valid)


def test_package_structure_and_membership_both_ways(client):
    core = make_policy("简阳市“1+6+N”核心文件", is_summary=True)
    support = make_policy("简阳市社会企业培育扶持办法", is_summary=True)
    implement = make_policy("实施方案")
    package = make_package(
        "简阳市“1+6+N”政策体系",
        [(core, "core"), (support, "supporting"), (implement, "implementing")],
    )
    content = html(client, package)
    assert content.index("核心文件") < content.index("配套文件") < content.index("实施文件")
    assert "《简阳市社会企业培育扶持办法》" in content and "报道摘要" in content
    # The structure is plain nested lists (readable without JavaScript or CSS).
    tree = content[content.index('class="package-tree"') :]
    assert tree.index("package-root") < tree.index("package-role") < tree.index("package-member")
    member = html(client, support)
    assert "本文件是政策体系" in member and "《简阳市“1+6+N”政策体系》</a>的配套文件" in member
    assert "《简阳市“1+6+N”核心文件》" in member and "《实施方案》" in member


def test_interpretation_links_both_ways(client):
    policy = make_policy("城乡社区发展治理30条")
    interpretation = make_interpretation(policy, title="城乡社区发展治理体制机制改革")
    assert "城乡社区发展治理体制机制改革" in html(client, policy)
    assert "解读文件：" in html(client, interpretation)
    draft = make_interpretation(policy, title="未发布的解读", live=False)
    assert draft.title not in html(client, policy)


def test_first_publication_creates_version_one(client):
    page = make_policy("办法")
    version = PolicyVersion.objects.get(page=page)
    assert version.number == 1 and version.change_note == "首次发布"
    assert any(u["key"] == "article-12" for u in version.units)
    assert "第1版" in html(client, page, "history/")


def test_unknown_history_version_is_a_404(client):
    page = make_policy("办法")
    assert client.get(page.url + "history/99/").status_code == 404


def test_query_count_does_not_grow_with_articles(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    few = make_policy("三条", text="第一条　甲。\n第二条　乙。\n第三条　丙。")
    text = "\n".join(f"第{n}条　内容{n}。" for n in range(1, 61))
    many = make_policy("六十条", text=text)
    counts = []
    for page in (few, many):
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_attachments_are_listed(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from policies.models import PolicyAttachment

    document = get_document_model().objects.create(
        title="成委发〔2017〕27号 正式文本", file=ContentFile(b"%PDF-1.4", name="wenjian.pdf")
    )
    page = make_policy("带附件的文件")
    page.attachments = [PolicyAttachment(document=document)]
    page.change_note = "增加附件"
    page.save_revision().publish()
    content = html(client, page)
    assert "成委发〔2017〕27号 正式文本" in content and "（PDF）" in content


class TestRoutes:
    def test_history_routes_are_routable(self, client):
        page = make_policy("办法")
        assert client.get(page.url + "history/").status_code == 200
        assert client.get(page.url + "history/1/").status_code == 200
        assert client.get(page.url + "history/abc/").status_code == 404
