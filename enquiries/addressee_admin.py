"""Admin: the list of 受理机关 (who receives requests and messages), as a snippet."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Addressee


class AddresseeViewSet(SnippetViewSet):
    model = Addressee
    icon = "group"
    menu_label = "受理机关"
    add_to_admin_menu = True
    menu_order = 251  # right below 依申请公开与留言
    list_display = ["name", "kind", "receives", "offered", "sort_order"]  # no True/False
    list_filter = ["kind", "active"]
    search_backend_name = None  # a plain database search on the name
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


def register_addressees():
    register_snippet(AddresseeViewSet)
