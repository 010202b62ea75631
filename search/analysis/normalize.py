"""Character-level normalization applied before any segmentation.

Order matters: NFKC width folding, control characters, pinyin-annotation noise, hard line breaks
inside Chinese sentences, then simplified/traditional folding.
"""

import re
import unicodedata
from functools import lru_cache

import opencc

# Tone-marked vowels used in Hanyu Pinyin (after NFC). A syllable in an annotation must carry one.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_CHARS = "a-zü" + _TONED
# "區(qū)": a parenthesised pinyin syllable (with a tone mark) glued to the preceding character.
# Scraped pages that annotate rare characters also leave mojibake such as "F(xiàn)", so any
# non-space, non-bracket character may precede it; the tone mark keeps real brackets such as
# "(2017-2020年)" or "(一)" untouched.
_PINYIN_NOISE = re.compile(
    rf"(?<=[^\s()（）])\((?=[{_PINYIN_CHARS}]*[{_TONED}])[{_PINYIN_CHARS}]{{1,7}}\)"
)
# A line break between two Han characters is a hard wrap in the middle of a word or sentence.
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HARD_WRAP = re.compile(rf"(?<=[{_HAN}])[ \t]*\r?\n[ \t]*(?=[{_HAN}])")
_HAN_RE = re.compile(rf"[{_HAN}]")


def is_han(char):
    """True for a CJK ideograph (basic block, extensions, compatibility)."""
    return bool(_HAN_RE.match(char))


def strip_controls(text):
    """Remove NUL, control and format characters and lone surrogates; tabs become spaces."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Zl", "Zp"):
            out.append(" " if ch in "\t\r\x0b\x0c\u2028\u2029\x85" else "")
        elif cat in ("Cf", "Cs", "Cn"):
            continue
        else:
            out.append(ch)
    return "".join(out)


def strip_pinyin_noise(text):
    """Drop pinyin annotations such as the "(qū)" in "區(qū)"."""
    return _PINYIN_NOISE.sub("", text)


def join_hard_wraps(text):
    """Join lines that were wrapped in the middle of Chinese text."""
    return _HARD_WRAP.sub("", text)


@lru_cache(maxsize=1)
def _t2s():
    return opencc.OpenCC("t2s")


def to_simplified(text):
    """Fold traditional characters to simplified with OpenCC (the converter is created once)."""
    if not text:
        return ""
    return _t2s().convert(text)


def clean(text):
    """Display-safe cleaning: width, controls and pinyin noise; the original script is kept."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    text = strip_controls(text)
    return strip_pinyin_noise(text)


def fold(text):
    """Full folding used for matching: clean(), hard wraps joined, simplified script, lower case."""
    return to_simplified(join_hard_wraps(clean(text))).lower()
