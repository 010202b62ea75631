"""Published disclosures stay public: privacy, expiry, unpublishing by any route are refused,
and verify_disclosures fails when a disclosure was hidden or taken offline anyway."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from disclosures.models import DisclosurePage
from home.models import HomePage

from .factories import finance_disclosure, hierarchy
from .test_admin import make_user, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    index, county, township, (village,) = hierarchy()
    return finance_disclosure(village)


@pytest.fixture
def admin_client(client, settings):
    settings.AXES_ENABLED = False
    client.force_login(make_user("admin", superuser=True))
    return client


def verify_errors(capsys):
    with pytest.raises(CommandError):
        call_command("verify_disclosures")
    return capsys.readouterr().err


def ancestors_of(page):
    return [page, *(p.specific for p in page.get_ancestors().filter(depth__gt=1))]


def test_a_view_restriction_is_refused_on_the_disclosure_and_every_page_above(published):
    for page in ancestors_of(published):
        with pytest.raises(PermissionDenied, match="不能设置访问限制"):
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
            )
    assert not PageViewRestriction.objects.exists()


def test_unrelated_pages_may_still_be_private(published):
    other = HomePage.objects.get().add_child(instance=Page(title="内部通知", slug="neibu"))
    PageViewRestriction.objects.create(page=other, restriction_type="login")
    assert PageViewRestriction.objects.filter(page=other).exists()


def test_admin_privacy_dialog_says_why_and_saves_nothing(admin_client, published):
    village = published.get_parent()
    for page in (published, village):
        url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
        shown = admin_client.get(url).json()["html"]
        assert "不能修改此页面的访问权限" in shown and "撤回此公开" in shown
        admin_client.post(url, {"restriction_type": "password", "password": "x"})
    home = HomePage.objects.get()
    url = reverse("wagtailadmin_pages:set_privacy", args=[home.pk])
    refused = admin_client.post(url, {"restriction_type": "login"})
    assert refused.status_code in (302, 403)  # Wagtail's "no permission" answer; nothing saved
    assert not PageViewRestriction.objects.exists()
    assert admin_client.get(published.url).status_code == 200


def test_expiry_dates_are_refused(published):
    soon = timezone.now() + datetime.timedelta(minutes=1)
    for page in ancestors_of(published):
        page.expire_at = soon
        with pytest.raises(ValidationError, match="不能设置下线时间"):
            page.full_clean() if not isinstance(page, HomePage) else page.save()
    published.refresh_from_db()
    published.expire_at = soon
    with pytest.raises(ValidationError, match="不能设置下线时间"):
        published.save_revision().publish()
    published.refresh_from_db()
    assert published.live and published.expire_at is None


def test_a_new_disclosure_cannot_be_scheduled_to_expire():
    village = hierarchy()[3][0]
    page = finance_disclosure(village, publish=False)
    page.expire_at = timezone.now() + datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError, match="不能设置下线时间"):
        page.full_clean()


def test_admin_expiry_on_the_home_page_is_refused_with_a_message(admin_client, published):
    home = HomePage.objects.get()
    url = reverse("wagtailadmin_pages:edit", args=[home.pk])
    response = admin_client.post(
        url, {"title": home.title, "slug": home.slug, "expire_at": "2030-01-01 00:00"}, follow=True
    )
    assert "不能设置下线时间" in response.content.decode()
    home.refresh_from_db()
    assert home.expire_at is None and home.live


def test_admin_expiry_on_a_disclosure_is_a_form_error(admin_client, published):
    url = reverse("wagtailadmin_pages:edit", args=[published.pk])
    data = post_data(published, change_reason="x", expire_at="2030-01-01 00:00")
    response = admin_client.post(url, {**data, "action-publish": "1"})
    assert "不能设置下线时间" in response.content.decode()
    published.refresh_from_db()
    assert published.expire_at is None


def test_unpublishing_any_page_above_is_refused_by_every_route(admin_client, published):
    for page in ancestors_of(published):
        with pytest.raises(ValidationError, match="不能下线"):
            page.unpublish()
    home = HomePage.objects.get()
    api = f"/admin/api/main/pages/{home.pk}/action/unpublish/"
    response = admin_client.post(api, {"recursive": False}, content_type="application/json")
    assert response.status_code == 400
    assert "不能下线" in response.content.decode()
    assert all(p.live for p in Page.objects.filter(depth__gt=1))


def test_scheduled_expiry_written_behind_the_sites_back_is_refused_and_reported(published, capsys):
    past = timezone.now() - datetime.timedelta(minutes=1)
    DisclosurePage.objects.filter(pk=published.pk).update(expire_at=past)
    with pytest.raises(ValidationError):
        call_command("publish_scheduled")
    published.refresh_from_db()
    assert published.live
    assert "设置了下线时间" in verify_errors(capsys)


def test_verify_fails_on_a_hidden_disclosure(published, capsys):
    call_command("verify_disclosures")  # passes while public
    village = published.get_parent()
    # bulk_create skips the model's signals, as a database writer would
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=village, restriction_type="password", password="x")]
    )
    err = verify_errors(capsys)
    assert f"上级页面“{village.title}”设置了访问限制" in err


def test_verify_fails_on_an_offline_disclosure_or_ancestor(published, capsys):
    Page.objects.filter(pk=published.get_parent().pk).update(live=False)
    assert "已下线" in verify_errors(capsys)
    Page.objects.filter(pk=published.pk).update(live=False)
    assert "页面已下线" in verify_errors(capsys)


def test_publishing_under_a_restriction_is_refused():
    village = hierarchy()[3][0]
    page = finance_disclosure(village, publish=False)
    PageViewRestriction.objects.create(page=village, restriction_type="login")
    with pytest.raises(ValidationError, match="设置了访问限制"):
        page.save_revision().publish()
