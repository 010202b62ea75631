"""The public chain-head log: JSON and an Atom feed, one entry per village per day."""

import json

from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from listings.http import bad_request
from listings.params import ParameterError, parse_int

from .anchoring import record_all_heads
from .models import ChainHead

FEED_SIZE = 200
ABOUT = (
    "四务公开链头日志：每个村（社区）每次发布、更正、撤回各追加一条（kind=change），每天另有一条"
    "汇总（kind=daily），按村编号、写入后不再改动。链头是该村每份公开最新版本哈希的 SHA-256，"
    "签名为 HMAC-SHA256。请自行存档，日后可在 /siwu-data/hexiao/ 核验页或用 "
    "verify_disclosures --heads 核对。"
)


def _entries(request):
    entries = ChainHead.objects.all()
    village = parse_int(
        request.GET.get("village"), name="village", label="村页面 ID", minimum=1, maximum=2**31 - 1
    )
    if village:
        entries = entries.filter(village_id=village)
    return entries


@require_GET
def chain_heads_json(request):
    record_all_heads()  # today's entries, once a day
    try:
        entries = _entries(request)
    except ParameterError as error:
        return bad_request(error, json=True)
    data = {"about": ABOUT, "entries": [e.public_dict() for e in entries]}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return HttpResponse(text, content_type="application/json; charset=utf-8")


@require_GET
def chain_heads_feed(request):
    record_all_heads()
    try:
        entries = list(
            _entries(request).order_by("-recorded_at", "-village_id", "-number")[:FEED_SIZE]
        )
    except ParameterError as error:
        return bad_request(error)
    link = request.build_absolute_uri(reverse("disclosures:chain_heads"))
    feed = Atom1Feed(title="四务公开链头日志", link=link, description=ABOUT, language="zh-hans")
    for entry in entries:
        feed.add_item(
            title=f"{entry.village_name} 第 {entry.number} 条 {entry.day:%Y-%m-%d} "
            f"链头 {entry.head[:16]}",
            link=f"{link}?village={entry.village_id}",
            description=json.dumps(entry.public_dict(), ensure_ascii=False),
            unique_id=f"chain-head:{entry.village_id}:{entry.number}",
            pubdate=entry.recorded_at,
        )
    return HttpResponse(feed.writeString("utf-8"), content_type="application/atom+xml")
