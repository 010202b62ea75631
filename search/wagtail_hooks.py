"""Admin: the synonym groups as a snippet."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = "检索同义词"
    menu_order = 800
    add_to_admin_menu = False
    list_display = ["__str__", "note", "enabled", "updated_at"]
    list_filter = ["enabled"]


register_snippet(SynonymViewSet)
