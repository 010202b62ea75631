"""What can be subscribed to, named by a kind and a value from a form or a link.

``resolve(kind, value)`` checks the value and returns a Target with a Chinese label, the model
fields a Subscription stores for it and the feed that carries the same items; a bad value
raises TargetError with a message for the reader.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

from listings.converters import MAX_ID
from listings.params import ParameterError, parse_int

QUERY_MAX = 200
TRACKING_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{3,39}$")


class TargetError(ValueError):
    """A subscription target that does not exist or cannot be used; the message is shown."""


@dataclass
class Target:
    kind: str
    value: str
    label: str
    fields: dict = field(default_factory=dict)
    feed_path: str = ""
    obj: object = None


def _digits(value, what):
    try:
        number = parse_int(value, name="id", label=what, minimum=1, maximum=MAX_ID)
    except ParameterError:
        number = None
    if number is None:
        raise TargetError(f"找不到要订阅的{what}。")
    return number


def _village(value):
    from disclosures.models import VillagePage

    pk = _digits(value, "村（社区）")
    village = VillagePage.objects.live().public().filter(pk=pk).first()
    if village is None:
        raise TargetError("找不到要订阅的村（社区），或该页面已不再公开。")
    return Target(
        "village",
        str(pk),
        f"{village.title}的四务公开",
        {"village": village},
        reverse("alerts:feed-village-rss", args=[pk]),
        village,
    )


def _topic(value):
    from taxonomy.models import Topic

    slug = (value or "").strip()[:100]
    topic = Topic.objects.filter(slug=slug).first() if slug else None
    if topic is None:
        raise TargetError("找不到要订阅的主题分类。")
    return Target(
        "topic",
        topic.slug,
        f"主题“{topic.name}”的政策文件和典型案例",
        {"topic": topic},
        reverse("news:feed-topic-rss", args=[topic.slug]),
        topic,
    )


def _authority(value):
    from taxonomy.models import IssuingAuthority

    pk = _digits(value, "发文机关")
    authority = IssuingAuthority.objects.filter(pk=pk).first()
    if authority is None:
        raise TargetError("找不到要订阅的发文机关。")
    return Target(
        "authority",
        str(pk),
        f"{authority.name}发布的政策文件",
        {"authority": authority},
        reverse("alerts:feed-authority-rss", args=[pk]),
        authority,
    )


def _search(value):
    query = " ".join((value or "").split())
    if not query:
        raise TargetError("请填写要保存的检索词。")
    if len(query) > QUERY_MAX:
        raise TargetError(f"检索词过长，最多 {QUERY_MAX} 个字。")
    return Target(
        "search",
        query,
        f"检索“{query}”的新结果",
        {"query": query},
        reverse("alerts:feed-search-rss") + "?" + urlencode({"q": query}),
    )


def _reply(value):
    number = (value or "").strip()
    if not TRACKING_RE.match(number):
        raise TargetError("查询码格式不正确，请照受理回执上的查询码填写（字母、数字和连字符）。")
    number = number.upper()
    return Target("reply", number, f"查询码 {number} 的答复", {"tracking_number": number})


RESOLVERS = {
    "village": _village,
    "topic": _topic,
    "authority": _authority,
    "search": _search,
    "reply": _reply,
}


def resolve(kind, value):
    """The Target for a kind and value from the query string or a form."""
    resolver = RESOLVERS.get(kind)
    if resolver is None:
        raise TargetError("订阅类型无效。")
    return resolver(value)


def resolve_subscription(subscription):
    """The Target of a stored subscription; a vanished page or query still gets a label."""
    try:
        return resolve(subscription.kind, subscription.target_value)
    except TargetError:
        return Target(subscription.kind, subscription.target_value, "已不再公开的订阅内容")


def from_params(params):
    """The Target named in a query string (``?village=12``, ``?topic=slug``, ``?q=…``), if any."""
    for kind, name in (
        ("village", "village"),
        ("topic", "topic"),
        ("authority", "authority"),
        ("search", "q"),
        ("reply", "tracking"),
    ):
        value = str(params.get(name, "") or "")
        if value.strip():
            return resolve(kind, value[: QUERY_MAX * 2])
    return None
