"""What the home page lists: the sections each app registers for it.

An app adds sections with the Wagtail hook ``register_home_sections``: a function taking the
home page and returning ``{template variable: items}`` for home/home_page.html. The home app
names none of its siblings; a section whose app is not installed is simply absent.
"""

from wagtail import hooks

HOOK = "register_home_sections"


def home_sections(home):
    context = {}
    for section in hooks.get_hooks(HOOK):
        context.update(section(home))
    return context


class LazySections:
    """``home_sections(home)``, asked for only when the template reads a section: a home page
    rendered from its fragment cache runs no section query."""

    def __init__(self, home):
        self.home = home
        self._sections = None

    def __getitem__(self, name):
        if self._sections is None:
            self._sections = home_sections(self.home)
        return self._sections[name]
