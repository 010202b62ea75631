"""Import record type `collection`: a 专题页 with its criteria, by names and record ids.

    {"id": "special-x", "type": "collection", "title": "…", "intro": "…",
     "content_types": ["policy", "interpretation"], "topics": ["社区发展治理"],
     "authorities": ["四川省民政厅"], "regions": ["四川省"], "packages": ["package-…"],
     "validity": ["有效"], "tags": ["简阳"], "date_from": "2018-01-01", "date_to": "…",
     "search_query": "…", "sort": "newest", "page_size": 20, "pinned": ["seed-…"],
     "show_on_home": true, "show_in_menus": false, "staleness_days": 180,
     "parent": "index" | "home"}

Topics, authorities and regions are names that exist or that records of the same batch create;
packages and pinned pages are record ids. Collections are saved last, after what they list.
"""

from django.core.exceptions import ValidationError

from importing import RecordType, register
from importing.pages import ensure_index, home_page, lookup, save_page
from importing.records import check_date, check_string_list
from policies.models import PolicyPackagePage
from taxonomy.models import IssuingAuthority, Region, Topic

from .models import CollectionIndexPage, CollectionPage, CollectionPin, Sort
from .sources import by_key
from .validation import VALIDITY_VALUES, criteria_errors

LISTS = ("content_types", "topics", "authorities", "regions", "packages", "validity", "tags")
NAMED = {
    "topics": (Topic, ("topics", "themes")),
    "authorities": (IssuingAuthority, ("issuing_authorities",)),
    "regions": (Region, ("region",)),
}


def _batch_names(batch, keys):
    """The names the batch's other records create under `keys`, collected once per batch."""

    def collect(records):
        names = set()
        for other in records:
            if other.type == "collection":
                continue  # a collection names topics; it does not create them
            for key in keys:
                value = other.get(key)
                if isinstance(value, str):
                    names.add(value.strip())
                elif isinstance(value, list):
                    names |= {v.strip() for v in value if isinstance(v, str)}
        return names

    return batch.index(("names", keys), collect)


def _check_ids(record, batch, key, wanted_type=None):
    problems = []
    for record_id in record.get(key) or []:
        other = batch.record(record_id)
        if other is not None:
            if wanted_type and other.type != wanted_type:
                problems.append(f"{key} 中的 {record_id!r} 不是 {wanted_type} 记录")
        elif lookup(record_id) is None:
            problems.append(f"{key} 中的记录 {record_id!r} 不存在")
    return problems


@register
class CollectionRecord(RecordType):
    name = "collection"
    order = 900
    required_fields = ("title",)

    def validate(self, record, batch):
        problems = [p for key in (*LISTS, "pinned") for p in check_string_list(record, key)]
        if problems:
            return problems
        known = by_key()
        unknown = [k for k in record.get("content_types") or [] if k not in known]
        if unknown:
            problems.append(f"content_types 中有未知类型 {unknown}（可用：{'、'.join(known)}）")
        bad = [v for v in record.get("validity") or [] if v not in VALIDITY_VALUES]
        if bad:
            problems.append(f"validity 只能是 {'/'.join(VALIDITY_VALUES)}，实际有 {bad}")
        for key, (model, batch_keys) in NAMED.items():
            known = set(model.objects.values_list("name", flat=True))
            known |= _batch_names(batch, batch_keys)
            missing = [n for n in record.get(key) or [] if n.strip() not in known]
            if missing:
                problems.append(f"{key} 中的 {'、'.join(missing)} 不存在")
        problems += _check_ids(record, batch, "packages", "package")
        problems += _check_ids(record, batch, "pinned")
        for key in ("date_from", "date_to"):
            problems += check_date(record, key)
        if record.get("sort", "newest") not in Sort.values:
            problems.append(f"sort 只能是 {'/'.join(Sort.values)}")
        for key in ("page_size", "staleness_days"):
            value = record.get(key)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                problems.append(f"{key} 应为整数")
        if record.get("parent", "index") not in ("index", "home"):
            problems.append("parent 只能是 index（专题专栏）或 home（首页）")
        return problems

    def save(self, record, batch):
        parent = (
            home_page()
            if record.get("parent") == "home"
            else ensure_index(CollectionIndexPage, "zhuanti", "专题专栏")
        )
        fields = {
            "intro": record.text("intro"),
            "content_types": list(record.get("content_types") or []),
            "topic_ids": _ids(Topic, record.get("topics")),
            "authority_ids": _ids(IssuingAuthority, record.get("authorities")),
            "region_ids": _ids(Region, record.get("regions")),
            "package_ids": [
                _saved(batch, rid).pk
                for rid in record.get("packages") or []
                if isinstance(_saved(batch, rid), PolicyPackagePage)
            ],
            "validity": list(record.get("validity") or []),
            "tags": "、".join(record.get("tags") or []),
            "date_from": record.date("date_from"),
            "date_to": record.date("date_to"),
            "search_query": record.text("search_query"),
            "sort": record.get("sort") or Sort.NEWEST,
            "page_size": record.get("page_size") or 20,
            "show_on_home": bool(record.get("show_on_home")),
            "show_in_menus": bool(record.get("show_in_menus")),
            "staleness_days": record.get("staleness_days") or 180,
        }

        def prepare(page):
            page.pins = [
                CollectionPin(page=_saved(batch, rid)) for rid in record.get("pinned") or []
            ]
            errors = criteria_errors(page)
            if errors:
                raise ValidationError(errors)

        return save_page(record, CollectionPage, parent, fields, batch, prepare=prepare)


def _ids(model, names):
    by_name = dict(model.objects.filter(name__in=names or []).values_list("name", "pk"))
    return [by_name[n] for n in names or [] if n in by_name]


def _saved(batch, record_id):
    page = batch.saved.get(record_id) or lookup(record_id)
    return getattr(page, "specific", page)
