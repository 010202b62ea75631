"""What a citizen can read without an account: their own item by tracking number and the
last four phone digits (one message for every miss, limited), and public answers only in
their masked copies."""

import pytest
from django.urls import reverse

from enquiries import rules
from enquiries.views.public import NOT_FOUND, TOO_MANY

from .factories import EnquiryFactory, resident_id

pytestmark = pytest.mark.django_db
URL = "enquiries:status"


def look_up(client, number, tail):
    return client.post(reverse(URL), {"tracking_number": number, "phone_tail": tail})


@pytest.fixture
def mine():
    return EnquiryFactory(title="我的申请标题", phone="13812345678")


@pytest.mark.parametrize(
    "typed",
    [
        "{n}",
        "{n_lower}",
        "{dashed}",
        " {spaced} ",
        "{full_width}",
    ],
)
def test_the_tracking_number_is_accepted_as_people_type_it(client, mine, typed):
    n = mine.tracking_number
    number = typed.format(
        n=n,
        n_lower=n.lower(),
        dashed=mine.display_tracking_number,
        spaced=" ".join(n[i : i + 4] for i in range(0, 12, 4)),
        full_width="".join(chr(ord(c) + 0xFEE0) for c in n),
    )
    response = look_up(client, number, "5678")
    assert response.status_code == 200
    page = response.content.decode()
    assert "我的申请标题" in page and "2026年3月30日前" in page


@pytest.mark.parametrize(
    "number,tail",
    [
        ("{real}", "0000"),  # the right number, the wrong phone
        ("ABCDEFGHJKMN", "5678"),  # a made-up number, the right digits
        ("{other}", "5678"),  # someone else's number with my digits
        ("{real}1", "5678"),  # one character too many
        ("-----", "5678"),  # nothing left after cleaning
    ],
)
def test_every_miss_gets_the_same_message_and_reveals_nothing(client, mine, number, tail):
    other = EnquiryFactory(title="别人的申请", phone="13900001111")
    typed = number.format(real=mine.tracking_number, other=other.tracking_number)
    response = look_up(client, typed, tail)
    assert response.status_code == 404
    page = response.content.decode()
    assert NOT_FOUND in page
    for secret in ("我的申请标题", "别人的申请", "张三丰", "2026年3月30日"):
        assert secret not in page


@pytest.mark.parametrize(
    "number,tail,message",
    [
        ("", "5678", "请填写查询码"),
        ("{real}", "", "请填写手机号码后四位"),
        ("{real}", "56a8", "请填写 4 位数字"),
        ("{real}", "٥٦٧٨", "请填写 4 位数字"),  # Arabic-Indic digits are not phone digits
        ("{real}", "56789", "请填写 4 位数字"),
    ],
)
def test_incomplete_lookups_say_what_is_missing(client, mine, number, tail, message):
    response = look_up(client, number.format(real=mine.tracking_number), tail)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "我的申请标题" not in response.content.decode()


def test_full_width_digits_from_a_chinese_keyboard_are_the_same_digits(client, mine):
    """A phone keyboard in Chinese mode types ５６７８; it once crashed the lookup (500)."""
    response = look_up(client, mine.tracking_number, "５６７８")
    assert response.status_code == 200 and "我的申请标题" in response.content.decode()
    assert look_up(client, mine.tracking_number, "０００１").status_code == 404


def test_the_status_page_names_the_phone_of_a_landline_by_its_last_digits(client):
    message = EnquiryFactory(kind=rules.MESSAGE, phone="0515-88881234", title="座机留言")
    assert look_up(client, message.tracking_number, "1234").status_code == 200


def test_guessing_one_number_locks_it_but_not_other_numbers(client, mine):
    other = EnquiryFactory(title="另一件申请", phone="13900001111")
    for tail in ("0001", "0002", "0003", "0004", "0005"):
        assert look_up(client, mine.tracking_number, tail).status_code == 404
    locked = look_up(client, mine.tracking_number, "5678")
    assert locked.status_code == 429 and TOO_MANY in locked.content.decode()
    assert "我的申请标题" not in locked.content.decode()
    assert look_up(client, other.tracking_number, "1111").status_code == 200


def test_one_address_may_look_up_ten_times_in_ten_minutes(client, mine):
    for _ in range(10):
        assert look_up(client, mine.tracking_number, "5678").status_code == 200
    eleventh = look_up(client, mine.tracking_number, "5678")
    assert eleventh.status_code == 429
    assert "查询次数过多，请 15 分钟后再试。" in eleventh.content.decode()
    # Another address is not affected.
    other = client.post(
        reverse(URL),
        {"tracking_number": mine.tracking_number, "phone_tail": "5678"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert other.status_code == 200


def test_the_status_page_shows_the_reply_and_no_deadline_once_answered(client):
    answered = EnquiryFactory(
        status="answered",
        outcome="unable",
        ground="not_held",
        replied_on="2026-03-20",
        reply="本机关不掌握该信息。",
        answered_by="区财政局",
    )
    page = look_up(client, answered.tracking_number, "5678").content.decode()
    assert "无法提供" in page and "本机关不掌握相关政府信息" in page
    assert "2026年3月20日" in page and "区财政局" in page and "本机关不掌握该信息。" in page
    assert "答复期限" not in page


# ---- public pages: masked copies only -------------------------------------------------------

SECRET_BODY = (
    f"我是张三丰，电话13812345678，身份证{resident_id()}，邮箱zsf@example.com，住幸福路8号。"
)


def public_message(**fields):
    values = dict(
        kind=rules.MESSAGE,
        title="张三丰问养老服务站开放时间",
        body=SECRET_BODY,
        reply="张三丰您好：周末上午开放。",
        status="answered",
        outcome="answer",
        replied_on="2026-03-05",
        allow_public=True,
        moderation="approved",
    )
    values.update(fields)
    return EnquiryFactory(**values)


SECRETS = ("张三丰", "13812345678", resident_id(), "zsf@example.com", "8号")


def test_list_detail_and_api_show_only_the_masked_text(client):
    item = public_message()
    pages = {
        "list": client.get(reverse("enquiries:qa_list")).content.decode(),
        "detail": client.get(reverse("enquiries:qa_detail", args=[item.pk])).content.decode(),
        "api": client.get("/api/v2/answers/").content.decode(),
        "api detail": client.get(f"/api/v2/answers/{item.pk}/").content.decode(),
    }
    for where, page in pages.items():
        for secret in SECRETS:
            assert secret not in page, (where, secret)
        assert "张**" in page, where
        assert "周末上午开放" in page, where
    assert "138****5678" in pages["detail"]


def test_the_name_is_shown_when_the_asker_agreed(client):
    item = public_message(show_name=True)
    page = client.get(reverse("enquiries:qa_detail", args=[item.pk])).content.decode()
    assert "张三丰" in page and "13812345678" not in page and resident_id() not in page


@pytest.mark.parametrize(
    "fields",
    [
        {"allow_public": False},  # the asker did not agree
        {"moderation": "pending"},  # staff have not approved
        {"moderation": "hidden"},
        {"status": "processing", "outcome": "", "replied_on": None},  # not answered yet
        {"kind": rules.REQUEST, "outcome": "disclose"},  # requests are only counted
    ],
)
def test_items_not_meant_for_the_public_are_nowhere_public(client, fields):
    item = public_message(**fields)
    assert client.get(reverse("enquiries:qa_detail", args=[item.pk])).status_code == 404
    assert "养老服务站" not in client.get(reverse("enquiries:qa_list")).content.decode()
    assert client.get(f"/api/v2/answers/{item.pk}/").status_code == 404


def test_the_public_list_counts_requests_without_showing_them(client):
    EnquiryFactory(title="申请甲")
    EnquiryFactory(title="申请乙", status="answered", outcome="disclose", replied_on="2026-03-09")
    EnquiryFactory(title="申请丙", status="closed", outcome="other", replied_on="2026-03-09")
    page = client.get(reverse("enquiries:qa_list")).content.decode()
    assert "共收到申请 3 件，已答复 1 件" in page
    assert not any(title in page for title in ("申请甲", "申请乙", "申请丙"))
