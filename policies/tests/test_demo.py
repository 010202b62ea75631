"""The demo: the “30 articles”, its interpretation and the 简阳“1+6+N” package, both ways."""

from pathlib import Path

import pytest
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
