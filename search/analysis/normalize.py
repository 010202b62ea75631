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


def is_han(char):
    """True for a CJK ideograph (basic block, extensions, compatibility)."""
    code = ord(char[0])
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


# C0/C1 controls, surrogates, and the format characters (category Cf) of Unicode 15.
_DROP = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_SPACE = re.compile("[\t\r\x0b\x0c\x85\u2028\u2029]")


def strip_controls(text):
    """Remove NUL, control and format characters and lone surrogates; tabs become spaces."""
    return _DROP.sub("", _SPACE.sub(" ", text))


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
