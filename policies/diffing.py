"""Article-level comparison of two versions of a policy text."""

from dataclasses import dataclass, field
from difflib import SequenceMatcher

__all__ = ["ArticleChange", "diff_articles", "inline_diff"]


@dataclass
class ArticleChange:
    status: str  # "added", "removed", "changed" or "unchanged"
    key: str
    label: str
    old_text: str = ""
    new_text: str = ""
    segments: list = field(default_factory=list)

    @property
    def is_change(self):
        return self.status != "unchanged"


def inline_diff(old, new):
    """Character-level diff as a list of (op, text) with op in equal/delete/insert."""
    segments = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("equal", old[i1:i2]))
            continue
        if i2 > i1:
            segments.append(("delete", old[i1:i2]))
        if j2 > j1:
            segments.append(("insert", new[j1:j2]))
    return segments


def diff_articles(old, new):
    """Compare two lists of units ``{"key", "label", "text"}`` (articles, headings, free text).

    Units are matched by key (e.g. the article anchor), so a renumbered or reworded article
    shows as a change of that article rather than as a change of the whole document.
    """
    old_by_key = {u["key"]: u for u in old}
    new_by_key = {u["key"]: u for u in new}
    old_keys = [u["key"] for u in old]
    new_keys = [u["key"] for u in new]
    changes = []
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            keys = new_keys[j1:j2]
        else:
            keys = []
            for key in old_keys[i1:i2]:
                if key not in new_by_key:
                    unit = old_by_key[key]
                    changes.append(ArticleChange("removed", key, unit["label"], unit["text"]))
            keys = new_keys[j1:j2]
        for key in keys:
            unit = new_by_key[key]
            before = old_by_key.get(key)
            if before is None:
                changes.append(ArticleChange("added", key, unit["label"], "", unit["text"]))
            elif before["text"] == unit["text"] and before["label"] == unit["label"]:
                changes.append(
                    ArticleChange("unchanged", key, unit["label"], before["text"], unit["text"])
                )
            else:
                changes.append(
                    ArticleChange(
                        "changed",
                        key,
                        unit["label"],
                        before["text"],
                        unit["text"],
                        inline_diff(before["text"], unit["text"]),
                    )
                )
    return changes
