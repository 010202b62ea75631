"""受理机关: the forms offer this government's own bodies, never the policies' issuing
authorities; villages take messages, not disclosure requests; the list is kept in the admin."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from enquiries.models import Addressee, AddresseeKind, Enquiry
from taxonomy.models import IssuingAuthority

from .factories import AddresseeFactory, resident_id

pytestmark = pytest.mark.django_db
DEMO = "enquiries/demo/addressees.jsonl"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def offered(client, name):
    soup = BeautifulSoup(client.get(reverse(name)).content.decode(), "html.parser")
    select = soup.select_one("#id_department")
    groups = {g["label"]: [o.get_text() for o in g.select("option")] for g in select("optgroup")}
    return select.select_one("option").get_text(), groups


def test_forms_offer_addressees_grouped_by_kind_and_no_issuing_authority(client):
    IssuingAuthority.objects.create(name="国务院")
    IssuingAuthority.objects.create(name="中共中央")
    AddresseeFactory(name="测试区民政局")
    AddresseeFactory(name="测试镇人民政府", kind=AddresseeKind.TOWNSHIP)
    AddresseeFactory(name="幸福村村民委员会", kind=AddresseeKind.VILLAGE, takes_requests=False)
    AddresseeFactory(name="已撤并的局", active=False)

    first, groups = offered(client, "enquiries:ask_request")
    assert first == "不清楚，由本网站转交"
    assert groups == {"政府部门": ["测试区民政局"], "乡镇（街道）": ["测试镇人民政府"]}
    _first, groups = offered(client, "enquiries:ask_message")
    assert groups["村（社区）"] == ["幸福村村民委员会"]
    page = client.get(reverse("enquiries:ask_message")).content.decode()
    assert "国务院" not in page and "中共中央" not in page and "已撤并的局" not in page


def test_a_village_cannot_receive_a_request_and_says_so_in_chinese(client):
    village = AddresseeFactory(name="幸福村村民委员会", kind=AddresseeKind.VILLAGE)
    village.takes_requests = False
    village.save()
    data = {
        "asker_type": "person", "asker_name": "李四", "id_type": "resident_id",
        "id_number": resident_id(), "phone": "13912345678", "title": "村道修缮合同",
        "body": "请提供合同。", "preferred_form": "electronic", "delivery": "online",
        "department": str(village.pk),
    }  # fmt: skip
    response = client.post(reverse("enquiries:ask_request"), data)
    assert response.status_code == 400
    assert "所选机关不存在或已不受理申请，请重新选择" in response.content.decode()
    assert not Enquiry.objects.exists()
    data["department"] = str(AddresseeFactory(name="测试区民政局").pk)
    assert client.post(reverse("enquiries:ask_request"), data).status_code == 302
    assert Enquiry.objects.get().department.name == "测试区民政局"


def test_demo_list_imports_again_without_duplicates():
    call_command("import_content", DEMO, verbosity=0)
    call_command("import_content", DEMO, verbosity=0)
    kinds = set(Addressee.objects.values_list("kind", flat=True))
    assert kinds == {"government", "department", "township", "village"}
    assert Addressee.objects.filter(demo_label="示例数据").count() == Addressee.objects.count()
    assert not Addressee.objects.filter(kind="village", takes_requests=True).exists()


def test_staff_keep_the_list_in_the_admin_in_chinese(admin_client):
    AddresseeFactory(name="测试区民政局")
    page = admin_client.get(reverse("wagtailsnippets_enquiries_addressee:list")).content.decode()
    assert "测试区民政局" in page and "受理机关" in page
    response = admin_client.post(
        reverse("wagtailsnippets_enquiries_addressee:add"),
        {"name": "测试区财政局", "kind": "department", "takes_requests": "on",
         "takes_messages": "on", "active": "on", "sort_order": "20"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Addressee.objects.filter(name="测试区财政局", takes_requests=True).exists()
    duplicate = admin_client.post(
        reverse("wagtailsnippets_enquiries_addressee:add"),
        {"name": "测试区财政局", "kind": "department", "sort_order": "1"},
    )
    assert duplicate.status_code == 200 and "已存在" in duplicate.content.decode()
