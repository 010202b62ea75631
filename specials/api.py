"""Wagtail API v2 endpoint for collections, with a paged list of each collection's items.

``/api/v2/specials/`` lists collections (criteria, newest item date, item count);
``/api/v2/specials/<id>/`` adds the first page of items; ``/api/v2/specials/<id>/items/?page=2``
pages through all of them with the same order, type and year filters as the HTML page.
"""

from django.http import JsonResponse
from django.urls import path
from wagtail.api.v2.views import PagesAPIViewSet

from listings.api import SafePagesAPIViewSet

from .models import CollectionPage
from .query import item_json


class CollectionAPIViewSet(SafePagesAPIViewSet):
    """Bad query strings (a huge offset, …) get a Chinese 400, as on /api/v2/pages/."""

    name = "specials"
    model = CollectionPage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "intro",
        "criteria",
        "newest_item_date",
        "item_count",
        "feeds",
    ]

    def items_view(self, request, pk):
        page = CollectionPage.objects.live().public().filter(pk=pk).first()
        if page is None:
            return JsonResponse({"message": "没有这个专题。"}, status=404)
        result = page.collection(request.GET)
        return JsonResponse(
            {
                "id": page.pk,
                "title": page.title,
                "count": result.total,
                "page": result.page.number,
                "num_pages": result.paginator.num_pages,
                "newest_item_date": result.newest.isoformat() if result.newest else None,
                "filters": result.filters,
                "messages": result.messages,
                "results": [item_json(item) for item in result.page.object_list],
            },
            json_dumps_params={"ensure_ascii": False},
        )

    @classmethod
    def get_urlpatterns(cls):
        return [
            *super().get_urlpatterns(),
            path("<id:pk>/items/", cls.as_view({"get": "items_view"}), name="items"),
        ]


def register_endpoints(router):
    router.register_endpoint("specials", CollectionAPIViewSet)


__all__ = ["CollectionAPIViewSet", "register_endpoints"]
