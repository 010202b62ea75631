"""Render a QueryPlan for each engine. Tokens contain only letters and digits, so quoting them
is enough to neutralise every operator of the target syntax."""

from ..analysis.analyzer import unigrams


def _fts5_alternative(alt):
    quoted = [f'"{t}"' for t in alt.tokens]
    if alt.phrase:
        return "(" + " + ".join(quoted) + ")"
    return quoted[0] if len(quoted) == 1 else "(" + " AND ".join(quoted) + ")"


def fts5_group(group):
    """One group: any of its alternatives."""
    alts = [_fts5_alternative(a) for a in group.alternatives if a.tokens]
    if not alts:
        return ""
    return alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"


def _groups(plan, tight):
    return [group.tight() if tight else group for group in plan.groups]


def fts5(plan, any_group=False, tight=False):
    """FTS5 MATCH expression, e.g. ``("社区" OR ("社" AND "区")) AND "治理"``.

    ``any_group=True`` joins the groups with OR: documents holding some of the query.
    ``tight=True`` leaves out the loose alternatives (a word's parts anywhere in the text).
    """
    groups = [g for g in (fts5_group(group) for group in _groups(plan, tight)) if g]
    return (" OR " if any_group else " AND ").join(groups)


def _ts_lexeme(token, prefix=False):
    return f"'{token}'" + (":*" if prefix else "")


def _ts_alternative(alt):
    lexemes = [_ts_lexeme(t) for t in alt.tokens]
    joiner = " <-> " if alt.phrase else " & "
    return lexemes[0] if len(lexemes) == 1 else "(" + joiner.join(lexemes) + ")"


def tsquery_group(group):
    alts = [_ts_alternative(a) for a in group.alternatives if a.tokens]
    if not alts:
        return ""
    return alts[0] if len(alts) == 1 else "(" + " | ".join(alts) + ")"


def tsquery(plan, any_group=False, tight=False):
    """PostgreSQL to_tsquery() text, e.g. ``('社区' | ('社' & '区')) & '治理'``."""
    groups = [g for g in (tsquery_group(group) for group in _groups(plan, tight)) if g]
    return (" | " if any_group else " & ").join(groups)


def autocomplete_tokens(analyzer, text):
    """Tokens of a partly typed title: Han characters one by one, the last word as a prefix."""
    tokens = unigrams(analyzer.phrase_tokens(text))
    return tokens


def fts5_autocomplete(tokens):
    if not tokens:
        return ""
    parts = [f'"{t}"' for t in tokens]
    if not tokens[-1][0].isascii() or not tokens[-1].isalnum():
        return " + ".join(parts)
    return " + ".join(parts[:-1] + [parts[-1] + " *"]) if len(parts) > 1 else parts[-1] + " *"


def tsquery_autocomplete(tokens):
    if not tokens:
        return ""
    lexemes = [_ts_lexeme(t) for t in tokens[:-1]]
    last = tokens[-1]
    lexemes.append(_ts_lexeme(last, prefix=last.isascii()))
    return " <-> ".join(lexemes)
