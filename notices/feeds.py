"""RSS feeds of 公示 and 意见征集, newest first, with their window in each entry."""

from django.contrib.syndication.views import Feed
from django.utils import timezone

from .models import ConsultationPage, NoticePage
from .window import cn_date


class _WindowFeed(Feed):
    model = None

    def items(self):
        return self.model.objects.live().public().order_by("-window_start", "-pk")[:30]

    def item_title(self, item):
        return f"{item.title}（{item.state(timezone.localdate()).label}）"

    def item_description(self, item):
        return f"{cn_date(item.window_start)} 至 {cn_date(item.window_end)}"

    def item_link(self, item):
        return item.full_url or item.url


class NoticeFeed(_WindowFeed):
    model = NoticePage
    title = "公示公告"
    link = "/"
    description = "各级公示及其公示期"


class ConsultationFeed(_WindowFeed):
    model = ConsultationPage
    title = "意见征集"
    link = "/"
    description = "公开征求意见的草案及其征求意见期"
