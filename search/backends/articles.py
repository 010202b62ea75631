"""The best article: how much of the query one numbered article (第X条) of a document holds.

A regulation whose 第十四条 names 特困人员 and 无劳动能力 together answers 特困人员 无劳动能力
better than a document that mentions the words pages apart. Articles are read from the indexed
words in reading order: a 第X条 word starts an article when it is the next number (第一条,
第二条…), so a citation inside the text (依照第三条) does not. The last article ends no later than
the longest other one, before the index's extra tokens (sub-words, single characters).
"""

import re

_ARTICLE = re.compile(r"第([一二三四五六七八九十百千零〇两]+)条")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text):
    """一百二十三 → 123, 十四 → 14."""
    total = digit = 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:
            total += (digit or 1) * _UNITS[char]
            digit = 0
    return total + digit


def article_spans(tokens):
    """The token lists of a document's numbered articles, in order ([] for fewer than two)."""
    starts, number = [], 0
    for index, token in enumerate(tokens):
        match = _ARTICLE.fullmatch(token)
        if match and chinese_number(match.group(1)) == number + 1:
            starts.append(index)
            number += 1
    if len(starts) < 2:
        return []
    spans = [tokens[a:b] for a, b in zip(starts, starts[1:], strict=False)]
    longest = max(len(span) for span in spans)
    spans.append(tokens[starts[-1] : starts[-1] + longest])
    return spans


def _holds(group, present):
    return any(
        not alt.loose and alt.tokens and all(t in present for t in alt.tokens)
        for alt in group.alternatives
    )


def best_article_share(plan, tokens, weights):
    """The largest share of the query's weight that one article holds (0 without articles)."""
    total = sum(weights) or 1.0
    best = 0.0
    for span in article_spans(tokens):
        present = set(span)
        held = sum(w for g, w in zip(plan.groups, weights, strict=True) if _holds(g, present))
        best = max(best, held / total)
    return best
