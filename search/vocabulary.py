"""The shipped vocabulary: everyday words → official words (search/vocabulary/everyday.tsv) and
short names → full names of documents and issuing bodies (search/vocabulary/shortnames.tsv).

Each row becomes a one-way synonym group in the admin (片段 → 检索同义词) with its source in
the note, so editors can change or disable any entry. Loading is idempotent: rows already
present (same terms) are left as editors left them.
"""

from pathlib import Path

VOCABULARY_FILE = Path(__file__).resolve().parent / "vocabulary" / "everyday.tsv"
NOTE_PREFIX = "常用说法→文件用语；来源："
SHORT_NAMES_FILE = VOCABULARY_FILE.with_name("shortnames.tsv")
SHORT_NAMES_NOTE = "简称→全称；来源："
# Issue 31: how people describe their situation (爹妈都不在了 → 孤儿) and dialect words
# (娃娃 → 儿童), each with its source.
SITUATIONS_FILE = VOCABULARY_FILE.with_name("situations.tsv")
SITUATIONS_NOTE = "生活情形→政策用语；来源："
SPOKEN_FILE = VOCABULARY_FILE.with_name("spoken.tsv")
SPOKEN_NOTE = "方言口语→书面用语；来源："


def read_vocabulary(path=VOCABULARY_FILE):
    """[(everyday word, [official words], source)] from the TSV file."""
    rows = []
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in raw.split("\t")]
        if len(parts) != 3 or not all(parts):
            raise ValueError(f"{path}:{number}: 需要三列（常用说法、文件用语、来源），以制表符分隔")
        word, official, source = parts
        rows.append((word, [t.strip() for t in official.split("、") if t.strip()], source))
    return rows


def load_vocabulary(synonym_model, path=VOCABULARY_FILE, note_prefix=NOTE_PREFIX):
    """Create the missing one-way groups; returns how many were added."""
    added = 0
    for word, official, source in read_vocabulary(path):
        terms = "，".join([word, *[t for t in official if t != word]])
        if "，" not in terms or synonym_model.objects.filter(terms=terms).exists():
            continue
        note = (note_prefix + source)[:200]
        synonym_model.objects.create(terms=terms, note=note, one_way=True)
        added += 1
    return added


def load_short_names(synonym_model):
    return load_vocabulary(synonym_model, SHORT_NAMES_FILE, SHORT_NAMES_NOTE)


def load_spoken(synonym_model):
    """Situations and dialect words (issue 31); returns how many groups were added."""
    return load_vocabulary(synonym_model, SITUATIONS_FILE, SITUATIONS_NOTE) + load_vocabulary(
        synonym_model, SPOKEN_FILE, SPOKEN_NOTE
    )
