"""Search requests and responses shared by every engine (database, Elasticsearch)."""

import datetime
import math
from dataclasses import dataclass, field

from listings.params import parse_listing

PER_PAGE = 10
MAX_PAGE = 100
SORTS = {"relevance": "相关度", "newest": "最新", "oldest": "最早"}
FACETS = {"type": "内容类型", "authority": "发文机关", "year": "年份", "validity": "有效性"}


class BadRequest(ValueError):
    """A request parameter that cannot be honoured; the message is shown to the reader."""


@dataclass
class SearchRequest:
    q: str = ""
    type: str = ""
    authority: str = ""
    year: int | None = None
    validity: str = ""
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    messages: list = field(default_factory=list)
    # True: search the words as typed (no pinyin reading, no conditions taken from the text).
    literal: bool = False

    @classmethod
    def from_params(cls, params):
        """Build from a QueryDict; invalid values are dropped with a message (never an error)."""
        req = cls(q=str(params.get("q", "") or "")[:5000])
        req.type = str(params.get("type", "") or "")[:50]
        req.authority = str(params.get("authority", "") or "")[:200]
        req.validity = str(params.get("validity", "") or "")[:20]
        req.literal = str(params.get("literal", "") or "") == "1"
        listing = parse_listing(params, sorts=SORTS, default_sort="relevance")
        req.year, req.sort = listing.year, listing.sort
        req.page = min(listing.page, MAX_PAGE)
        req.messages += listing.notes
        return req

    def filters(self):
        return {
            key: value
            for key, value in (
                ("type", self.type),
                ("authority", self.authority),
                ("year", self.year),
                ("validity", self.validity),
            )
            if value not in ("", None)
        }


@dataclass
class Hit:
    id: int
    title: str
    url: str
    type: str
    type_label: str
    date: datetime.date | None
    title_html: str = ""
    snippet: str = ""
    score: float = 0.0
    section: str = ""
    partial: bool = False
    # 有效 / 已修改 / 已废止 … for documents that have a validity ("" otherwise).
    validity: str = ""
    # A notice's or consultation's state (公示中，还剩 N 天 …), "" for other pages.
    status: str = ""
    # The attached document the snippet comes from (its title and link), "" when none.
    attachment: str = ""
    attachment_url: str = ""

    @property
    def validity_key(self):
        """A CSS class word for the validity label (the text itself is always shown)."""
        if "废止" in self.validity or "失效" in self.validity:
            return "repealed"
        if "修改" in self.validity or "修订" in self.validity:
            return "amended"
        return "valid" if self.validity else ""


@dataclass
class SearchResponse:
    request: SearchRequest
    plan: object = None
    count: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    jump_url: str = ""
    suggestions: list = field(default_factory=list)
    messages: list = field(default_factory=list)
    # "full": the first results hold every term; "partial": only part of the query matched.
    match: str = ""
    # True when near misses (shared character bigrams, i.e. typos) were added to the results.
    fuzzy: bool = False
    # "您是不是要找": [{"query": corrected query, "count": its results}].
    did_you_mean: list = field(default_factory=list)
    # Conditions read from the query's words and applied as a boost ("2019年", "现行有效").
    applied: list = field(default_factory=list)
    # The text searched when it differs from the query (pinyin written in characters,
    # conditions taken out), and the pinyin read: [(as typed, characters)].
    searched_as: str = ""
    pinyin: list = field(default_factory=list)

    @property
    def also_searched(self):
        """Terms the query was expanded to (everyday words → official words)."""
        return self.plan.also_searched() if self.plan is not None else []

    @property
    def ignored_words(self):
        return list(self.plan.dropped) if self.plan is not None else []

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.request.per_page))

    def as_json(self):
        return {
            "query": self.request.q[:200],
            "count": self.count,
            "page": self.request.page,
            "num_pages": self.num_pages,
            "sort": self.request.sort,
            "match": self.match or None,
            "also_searched": self.also_searched,
            "ignored_words": self.ignored_words,
            "results": [
                {
                    "title": hit.title,
                    "url": hit.url,
                    "type": hit.type,
                    "type_label": hit.type_label,
                    "date": hit.date.isoformat() if hit.date else None,
                    "snippet": str(hit.snippet),
                    "title_html": str(hit.title_html),
                    "match": "partial" if hit.partial else "full",
                    "validity": hit.validity or None,
                    "status": hit.status or None,
                    "attachment": (
                        {"title": hit.attachment, "url": hit.attachment_url}
                        if hit.attachment
                        else None
                    ),
                }
                for hit in self.hits
            ],
            "facets": {
                name: [{"value": v, "label": lbl, "count": c} for v, lbl, c in values]
                for name, values in self.facets.items()
            },
            "redirect": self.jump_url or None,
            "suggestions": self.suggestions,
            "fuzzy": self.fuzzy,
            "did_you_mean": self.did_you_mean,
            "applied": self.applied,
            "searched_as": self.searched_as or None,
            "messages": self.messages,
        }
