"""Editors keep topics, regions and issuing authorities as snippets in the admin."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse

from taxonomy.models import IssuingAuthority, Region, RegionLevel, Topic


class TaxonomyAdminTests(TestCase):
    def setUp(self):
        self.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
        self.client.force_login(self.admin)

    def test_add_a_region_and_an_authority_in_it(self):
        response = self.client.post(
            reverse("wagtailsnippets_taxonomy_region:add"),
            {"name": "简阳市", "level": RegionLevel.COUNTY, "parent": ""},
        )
        assert response.status_code == 302
        region = Region.objects.get(name="简阳市")
        response = self.client.post(
            reverse("wagtailsnippets_taxonomy_issuingauthority:add"),
            {"name": "简阳市人民政府", "level": RegionLevel.COUNTY, "region": region.pk},
        )
        assert response.status_code == 302
        assert IssuingAuthority.objects.get(name="简阳市人民政府").region == region

    def test_a_topic_without_slug_gets_one_and_is_listed(self):
        Topic.objects.create(name="乡村振兴")
        response = self.client.get(reverse("wagtailsnippets_taxonomy_topic:list"))
        assert response.status_code == 200
        assert "乡村振兴" in response.content.decode()
        assert Topic.objects.get().slug == "乡村振兴"

    def test_an_editor_with_the_permission_may_change_topics(self):
        editor = get_user_model().objects.create_user("editor", password="x")
        group = Group.objects.create(name="分类管理")
        group.permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(content_type__app_label="taxonomy", codename="change_topic"),
        )
        editor.groups.add(group)
        topic = Topic.objects.create(name="社区治理")
        self.client.force_login(editor)
        edit = reverse("wagtailsnippets_taxonomy_topic:edit", args=[topic.pk])
        assert self.client.get(edit).status_code == 200
        add = reverse("wagtailsnippets_taxonomy_region:add")
        assert self.client.get(add).status_code in (302, 403)
