"""Which admin strings still show in English: Wagtail's source catalogue compared with its
zh_Hans catalogue and the project's own (``siteidentity/locale``)."""

from dataclasses import dataclass
from pathlib import Path

import wagtail

from .pofile import read_po

PROJECT_CATALOGUE = Path(__file__).parent / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


@dataclass(frozen=True)
class Missing:
    app: str
    msgctxt: str | None
    msgid: str


def wagtail_catalogues(root=None):
    """(app, English source .po, zh_Hans .po) for every Wagtail app with a catalogue."""
    root = Path(root or Path(wagtail.__file__).parent)
    for source in sorted(root.rglob("locale/en/LC_MESSAGES/django.po")):
        app_dir = source.parents[3]
        app = str(app_dir.relative_to(root)) if app_dir != root else "core"
        yield app, source, app_dir / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def is_installed(app):
    """Whether the Wagtail app ("admin", "contrib/forms", "core") is in INSTALLED_APPS: the
    strings of apps the project does not install never reach an editor."""
    from django.apps import apps

    name = "wagtail" if app == "core" else "wagtail." + app.replace("/", ".")
    return apps.is_installed(name)


def missing_strings(root=None, project=PROJECT_CATALOGUE, installed=is_installed):
    """Wagtail msgids translated neither by Wagtail's zh_Hans nor by the project catalogue."""
    ours = read_po(project) if Path(project).exists() else {}
    found = []
    for app, source, chinese in wagtail_catalogues(root):
        if not installed(app):
            continue
        theirs = read_po(chinese) if chinese.exists() else {}
        for key, entry in read_po(source).items():
            done = theirs.get(key) or ours.get(key)
            if not (done and done.translated):
                found.append(Missing(app, entry.msgctxt, entry.msgid))
    return found
