"""Proximity: does a document write the query's neighbouring words side by side?

A document that writes 专项附加扣除 answers 子女教育专项附加扣除 better than one holding 专项, 附加
and 扣除 on different pages. The indexed text lists a document's words in reading order first,
so neighbouring positions there are neighbouring words of the text.
"""


def _positions(tokens, wanted):
    found = {}
    for index, token in enumerate(tokens):
        if token in wanted:
            found.setdefault(token, []).append(index)
    return found


def _group_positions(group, found):
    """Positions where a tight alternative of the group starts."""
    return {
        pos
        for alt in group.alternatives
        if not alt.loose and alt.tokens
        for pos in found.get(alt.tokens[0], ())
    }


def adjacent_share(plan, tokens, weights):
    """Share of the weight of the query's neighbouring word pairs (专项|附加, 附加|扣除) that the
    document writes next to each other, as the query does."""
    if len(plan.groups) < 2 or not tokens:
        return 0.0
    wanted = {t for g in plan.groups for a in g.alternatives if not a.loose for t in a.tokens}
    found = _positions(tokens, wanted)
    starts = [_group_positions(group, found) for group in plan.groups]
    ends = [_group_ends(group, found) for group in plan.groups]
    held = total = 0.0
    for i in range(len(plan.groups) - 1):
        weight = weights[i] + weights[i + 1]
        total += weight
        if any(end in starts[i + 1] for end in ends[i]):
            held += weight
    return held / total if total else 0.0


def _group_ends(group, found):
    """Positions just after a tight alternative of the group written as consecutive tokens."""
    out = set()
    for alt in group.alternatives:
        if alt.loose or not alt.tokens:
            continue
        size = len(alt.tokens)
        sets = [set(found.get(t, ())) for t in alt.tokens]
        for pos in found.get(alt.tokens[0], ()):
            if all(pos + k in sets[k] for k in range(1, size)):
                out.add(pos + size)
    return out
