"""Document numbers (read by ``taxonomy.doc_numbers``, the one grammar) become one exact token.

成委发[2017]27号, 成委发(2017)27号 and 成委发〔2017〕27号 all canonicalise to 成委发〔2017〕27号,
whose token is ``成委发2017n27号`` (only letters and digits, so every engine keeps it whole).
"""

import re

from taxonomy.doc_numbers import (
    DOC_NUMBER_RE,
    canonical_doc_number,
    doc_number_prefix,
    find_doc_numbers,
)


def doc_number_pattern():
    """The site's one document-number grammar (``taxonomy.doc_numbers``)."""
    return DOC_NUMBER_RE


def canonical(text):
    """Canonical document number or None."""
    try:
        return canonical_doc_number(text)
    except (ValueError, TypeError):
        return None


def find_all(text):
    """Canonical document numbers mentioned in free text, in order."""
    return list(find_doc_numbers(text))


_HAN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
_HAN_YEAR = re.compile(
    r"(?<=[〔［\[（(【﹝])\s*([〇○零一二三四五六七八九]{4})\s*(?=[〕］\]）)】﹞])"
)
_YEAR_WORD = re.compile(r"(?<=[\u4e00-\u9fff])\s*(\d{4})\s*年\s*(?=第?\s*\d{1,6}\s*[号號])")


def written_variants(text):
    """Query text with the other ways people write a number made regular: a year in Chinese
    numerals (〔二〇一九〕) and a year without brackets (国发2019年5号) become 〔2019〕."""
    text = _HAN_YEAR.sub(lambda m: m.group(1).translate(_HAN_DIGITS), text or "")
    return _YEAR_WORD.sub(lambda m: f"〔{m.group(1)}〕", text)


def spans(text):
    """(start, end, canonical) for each document number in text, for queries and highlighting."""
    result = []
    for match in doc_number_pattern().finditer(text or ""):
        numbers = find_all(match.group(0))
        if numbers:
            number = numbers[0]
            prefix = doc_number_prefix(number)
            # Running text before the issuer ("根据") is not part of the number.
            start = match.start()
            found = match.group(0).find(prefix) if prefix else -1
            if found > 0:
                start += found
            result.append((start, match.end(), number))
    return result


def doc_token(number):
    """The index token of a canonical document number."""
    token = number.replace("〔", "").replace("〕", "n")
    return re.sub(r"[^\w]|_", "", token).lower()


def doc_tokens_for_index(number, max_prefix=8):
    """Tokens for a number found in running text: the number with every issuer-prefix suffix.

    "根据成委发〔2017〕27号" must still be found by "成委发〔2017〕27号", so shorter prefixes are
    indexed as well.
    """
    prefix = doc_number_prefix(number)
    rest = number[len(prefix) :]
    tokens = [doc_token(number)]
    for size in range(min(len(prefix) - 1, max_prefix), 1, -1):
        tokens.append(doc_token(prefix[-size:] + rest))
    return tokens
