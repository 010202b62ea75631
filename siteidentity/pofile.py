"""A small reader for gettext .po catalogues: entries with context, plural and fuzzy flag.

Enough to compare Wagtail's English source catalogue with its Chinese one and with the
project's own (``siteidentity/locale``); writing .mo files is left to Django's compilemessages.
"""

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict = field(default_factory=dict)  # {0: "…"} or {0: …, 1: …} for plurals
    fuzzy: bool = False
    references: list = field(default_factory=list)

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    @property
    def translated(self):
        return not self.fuzzy and bool(self.msgstr) and all(self.msgstr.values())


def _unquote(text):
    return ast.literal_eval(text) if text.startswith('"') else ""


def read_po(path):
    """{(msgctxt, msgid): Entry} for every entry but the header."""
    entries, entry, last = {}, Entry(), None

    def flush():
        nonlocal entry
        if entry.msgid:
            entries[entry.key] = entry
        entry = Entry()

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
            last = None
            continue
        if line.startswith("#,"):
            entry.fuzzy = "fuzzy" in line
        elif line.startswith("#:"):
            entry.references.extend(line[2:].split())
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            if entry.msgid:
                flush()
            entry.msgctxt, last = _unquote(line[8:]), "msgctxt"
        elif line.startswith("msgid_plural "):
            entry.msgid_plural, last = _unquote(line[13:]), "msgid_plural"
        elif line.startswith("msgid "):
            if entry.msgid:
                flush()
            entry.msgid, last = _unquote(line[6:]), "msgid"
        elif line.startswith("msgstr["):
            index, _, rest = line[7:].partition("]")
            last = int(index)
            entry.msgstr[last] = _unquote(rest.strip())
        elif line.startswith("msgstr "):
            entry.msgstr[0], last = _unquote(line[7:]), 0
        elif line.startswith('"'):
            if last == "msgctxt":
                entry.msgctxt += _unquote(line)
            elif last == "msgid":
                entry.msgid += _unquote(line)
            elif last == "msgid_plural":
                entry.msgid_plural += _unquote(line)
            elif isinstance(last, int):
                entry.msgstr[last] += _unquote(line)
    flush()
    return entries
