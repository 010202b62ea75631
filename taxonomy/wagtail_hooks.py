"""Admin: topics, regions and issuing authorities as snippets, under one menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import IssuingAuthority, Region, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "主题分类"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = "行政区划"
    list_display = ["name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name"]


class IssuingAuthorityViewSet(SnippetViewSet):
    model = IssuingAuthority
    icon = "group"
    menu_label = "发文机关"
    list_display = ["name", "level", "region"]
    list_filter = ["level"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "政策分类"
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (IssuingAuthorityViewSet, TopicViewSet, RegionViewSet)


register_snippet(TaxonomyGroup)
