import pytest

from .factories import make_interpretation, make_package, make_policy

pytestmark = pytest.mark.django_db


def test_policy_endpoint_exposes_metadata(client):
    policy = make_policy(
        "城乡社区发展治理30条",
        doc_number="成委发〔2017〕27号",
        authorities=["中共成都市委"],
        topics=["城乡社区治理"],
    )
    data = client.get("/api/v2/policies/").json()
    item = next(i for i in data["items"] if i["id"] == policy.pk)
    assert item["doc_number"] == "成委发〔2017〕27号"
    assert item["issuing_authorities_list"] == ["中共成都市委"]
    assert item["validity"] == "有效"
    detail = client.get(f"/api/v2/policies/{policy.pk}/").json()
    assert detail["articles"][-1]["anchor"] == "article-12"
    assert detail["topics_list"] == ["城乡社区治理"]


def test_package_and_interpretation_endpoints(client):
    policy = make_policy("核心文件")
    package = make_package("政策体系", [(policy, "core")])
    interpretation = make_interpretation(policy, title="解读")
    packages = client.get("/api/v2/policy-packages/").json()["items"]
    assert packages[0]["member_list"][0]["role"] == "core"
    assert packages[0]["id"] == package.pk
    interpretations = client.get("/api/v2/policy-interpretations/").json()["items"]
    assert interpretations[0]["interprets_id"] == policy.pk
    assert interpretations[0]["id"] == interpretation.pk
    detail = client.get(f"/api/v2/policies/{policy.pk}/").json()
    assert detail["interpretation_ids"] == [interpretation.pk]
    assert detail["package_ids"] == [package.pk]


def test_api_filters_by_field(client):
    make_policy("有效文件")
    make_policy("废止文件", validity="已废止")
    items = client.get("/api/v2/policies/", {"validity": "已废止"}).json()["items"]
    assert [i["title"] for i in items] == ["废止文件"]


def test_api_reports_repeal_in_force_state(client):
    from policies.models import RelationType

    from .factories import relate

    old = make_policy("旧办法")
    new = make_policy("新办法")
    relate(new, RelationType.REPEALS, old)
    detail = client.get(f"/api/v2/policies/{old.pk}/").json()
    assert detail["out_of_force"] is True
    assert detail["validity_banner_text"] == "本文件已于2018年1月1日被《新办法》废止，仅供查阅。"
    assert detail["relations"] == [
        {"type": "repeals", "direction": "incoming", "id": new.pk, "title": "新办法"}
    ]
