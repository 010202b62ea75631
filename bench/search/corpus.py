"""Synthetic corpora built from the demo text: seed articles and the public policy corpus."""

import json
import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
_SENTENCE_END = re.compile(r"(?<=[。！？；])")


def _paragraphs():
    paragraphs = []
    for path in sorted((SHARED / "seeds").glob("0*.txt")):
        paragraphs.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n"))
    corpus = SHARED / "corpora" / "policy-corpus.jsonl"
    if corpus.exists():
        for line in corpus.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                paragraphs.extend(p.strip() for p in record.get("body", "").split("\n"))
    return [p for p in paragraphs if len(p) >= 20]


def _sentences(paragraphs):
    out = []
    for p in paragraphs:
        out.extend(s.strip() for s in _SENTENCE_END.split(p) if 8 <= len(s.strip()) <= 40)
    return out


def _policy_lengths():
    corpus = SHARED / "corpora" / "policy-corpus.jsonl"
    lengths = [
        len(json.loads(line).get("body", ""))
        for line in corpus.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [n for n in lengths if n] or [400]


def documents(count, seed=20211121, realistic=False):
    """``count`` (title, body) pairs: a sentence as title, 3–6 paragraphs as body.

    ``realistic=True`` (the million-document run): each body's length is drawn from the policy
    corpus's body lengths (median about 3,300 characters) and filled with sentences drawn from
    the corpus, two to five to a paragraph, so the vocabulary and its frequencies are the
    corpus's own while no two documents are the same.
    """
    rng = random.Random(seed)
    paragraphs = _paragraphs()
    sentences = _sentences(paragraphs)
    lengths = _policy_lengths() if realistic else None
    for _ in range(count):
        title = rng.choice(sentences).rstrip("。；！？")
        if lengths is None:
            body = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(3, 6)))
        else:
            body = _filled(rng, sentences, rng.choice(lengths))
        yield title, body


def _filled(rng, sentences, length):
    out, size = [], 0
    while size < length:
        paragraph = "".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
        out.append(paragraph)
        size += len(paragraph)
    return "\n\n".join(out)


QUERIES = [
    "社区发展治理",
    "社區發展治理",
    "城乡社区",
    "志愿服务",
    "简阳",
    "咸宁",
    "网格员",
    "党群服务中心",
    "1+3+N",
    "社会救助",
    "村务公开",
    "基层治理",
    "政府信息公开",
    "乡村振兴",
    "社会组织",
    "物业服务",
    "居民委员会",
    "慈善",
    "信访",
    "15分钟",
]
