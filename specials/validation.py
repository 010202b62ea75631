"""Checks on a collection's criteria, each problem a Chinese sentence for the admin form."""

from policies.choices import Validity

from .sources import FACT_LABELS, by_key, sources_for

# Criterion field → (the fact it tests, the model its ids point at).
REFERENCES = {
    "topic_ids": ("topics", "taxonomy.Topic"),
    "authority_ids": ("authorities", "taxonomy.IssuingAuthority"),
    "region_ids": ("region", "taxonomy.Region"),
    "package_ids": ("package", "policies.PolicyPackagePage"),
}
VALIDITY_VALUES = tuple(Validity.values)


def as_ids(value):
    """The whole-number ids in a stored criterion; anything else is left out."""
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, int) and not isinstance(v, bool) and v > 0]


def split_tags(text):
    """Tag names from 'a, b、c，d'."""
    for sep in ("，", "、", ";", "；"):
        text = (text or "").replace(sep, ",")
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


def missing_references(page):
    """{field: [ids]} of stored criteria whose topic/authority/region/package no longer exists."""
    from django.apps import apps

    missing = {}
    for name, (_fact, label) in REFERENCES.items():
        ids = as_ids(getattr(page, name))
        if not ids:
            continue
        found = set(apps.get_model(label).objects.filter(pk__in=ids).values_list("pk", flat=True))
        gone = [i for i in ids if i not in found]
        if gone:
            missing[name] = gone
    return missing


def _fact_values(page):
    values = {fact: as_ids(getattr(page, name)) for name, (fact, _) in REFERENCES.items()}
    values["tags"] = split_tags(page.tags)
    return values


def criteria_errors(page):
    """{field name: [messages]} for criteria that are impossible or contradict each other."""
    errors = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if page.date_from and page.date_to and page.date_from > page.date_to:
        add(
            "date_to",
            f"结束日期（{page.date_to:%Y年%-m月%-d日}）早于开始日期"
            f"（{page.date_from:%Y年%-m月%-d日}），这样的日期范围不会收录任何内容，请检查。",
        )
    keys = page.content_types if isinstance(page.content_types, list) else []
    known = by_key()
    unknown = [k for k in keys if k not in known]
    if unknown:
        add("content_types", f"未知的内容类型：{'、'.join(map(str, unknown))}。")
    bad_validity = [
        v
        for v in (page.validity if isinstance(page.validity, list) else [])
        if v not in VALIDITY_VALUES
    ]
    if bad_validity:
        add("validity", f"未知的有效性：{'、'.join(map(str, bad_validity))}。")
    if page.sort == "relevance" and not (page.search_query or "").strip():
        add("sort", "按检索相关度排序需要填写检索词，请填写检索词或改为按发布时间排序。")
    chosen = sources_for([k for k in keys if k in known])
    field_of = {fact: name for name, (fact, _) in REFERENCES.items()}
    field_of["tags"] = "tags"
    for fact, values in _fact_values(page).items():
        if values and not any(s.carries(fact) for s in chosen):
            carriers = "、".join(s.label for s in known.values() if s.carries(fact))
            types = "、".join(s.label for s in chosen)
            add(
                field_of[fact],
                f"所选内容类型（{types}）没有“{FACT_LABELS[fact]}”，设置此条件后将没有任何内容；"
                f"请增加{carriers}中的类型，或清空此条件。",
            )
    for name, ids in missing_references(page).items():
        label = FACT_LABELS[REFERENCES[name][0]]
        add(name, f"{label}中编号为 {'、'.join(map(str, ids))} 的项目已被删除，请重新选择。")
    return errors
