"""Every photo in a photo feature carries its own photographer credit: import and admin."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.tests.factories import home_page
from media.models import PhotoFeaturePage
from media.tests.factories import credited_image, photo_feature

pytestmark = pytest.mark.django_db


def feature(credits):
    return {
        "id": "credit-test",
        "type": "photo_feature",
        "title": "议事会两张照片",
        "date": "2024-05-01",
        "photos": [
            {"placeholder": True, "alt": f"第{n}张", **({"credit": c} if c is not None else {})}
            for n, c in enumerate(credits, start=1)
        ],
    }


def run_import(tmp_path, record, stderr=None):
    path = tmp_path / "photos.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("import_content", str(path), verbosity=0, stderr=stderr or StringIO())


def test_import_refuses_a_photo_without_its_own_credit(tmp_path):
    home_page()
    errors = StringIO()
    with pytest.raises(CommandError):
        run_import(tmp_path, feature(["钟良", None]), stderr=errors)
    assert "photos 第 2 项 缺少摄影者 credit" in errors.getvalue()
    assert "photos 第 1 项" not in errors.getvalue()
    assert not PhotoFeaturePage.objects.filter(title="议事会两张照片").exists()


def test_import_with_a_credit_per_photo(tmp_path, client):
    home_page()
    run_import(tmp_path, feature(["钟良", "梁晓"]))
    page = PhotoFeaturePage.objects.get(title="议事会两张照片")
    assert page.photographers() == ["钟良", "梁晓"]


def test_admin_refuses_a_photo_whose_image_has_no_credit(client):
    user = get_user_model().objects.create_superuser("编辑", "e@example.org", "x-9Pw-long")
    client.force_login(user)
    credited = credited_image()
    uncredited = credited_image()
    uncredited.credit = ""
    uncredited.save()
    parent = photo_feature().get_parent()
    data = nested_form_data(
        {
            "title": "两张照片",
            "slug": "two-photos",
            "date": "2024-05-01",
            "photos": inline_formset([{"image": credited.pk}, {"image": uncredited.pk}]),
            "tags": "",
        }
    )
    url = f"/admin/pages/add/media/photofeaturepage/{parent.pk}/"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "每张图片都要有自己的署名" in response.content.decode()
    assert not PhotoFeaturePage.objects.filter(slug="two-photos").exists()
    data["photos-1-image"] = credited.pk
    response = client.post(url, data)
    assert response.status_code == 302
    assert PhotoFeaturePage.objects.filter(slug="two-photos").exists()
