"""Text as people type it on phones, mapped back to where each character came from."""

INVISIBLE = frozenset(
    "\u00ad\u034f\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
)
FULL_WIDTH_FIRST, FULL_WIDTH_LAST = 0xFF01, 0xFF5E
FULL_WIDTH_OFFSET = 0xFEE0
IDEOGRAPHIC_SPACE = "\u3000"


def fold_char(char):
    """One character as its half-width twin: ３ → 3, ＠ → @, ＋ → +, the ideographic space → ' '."""
    code = ord(char)
    if FULL_WIDTH_FIRST <= code <= FULL_WIDTH_LAST:
        return chr(code - FULL_WIDTH_OFFSET)
    if char == IDEOGRAPHIC_SPACE:
        return " "
    return char


def normalise(text):
    """(folded text, origins): ``origins[i]`` is the index in ``text`` of folded character i.

    Invisible characters are dropped; ``origins`` has one extra entry, ``len(text)``, so the end
    of a match maps back too.
    """
    folded, origins = [], []
    for index, char in enumerate(text or ""):
        if char in INVISIBLE:
            continue
        folded.append(fold_char(char))
        origins.append(index)
    origins.append(len(text or ""))
    return "".join(folded), origins


def original_span(origins, start, end):
    """The span of ``text`` that folded characters ``start``…``end`` came from."""
    return origins[start], origins[end - 1] + 1
