"""Site URLs: the admin, the API, each app's own routes, then Wagtail's page tree."""

from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from .api import api_router
from .preferences import set_preferences

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("preferences/", set_preferences, name="preferences"),
    path("", include("gongkai.pagecache.urls")),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
# Apps with public routes outside the page tree, each from its own urls.py.
urlpatterns += [
    path("", include("news.urls")),  # feeds of news, cases, photos, policies, topics
    path("", include("search.urls")),  # /search/, /api/search/
    path("", include("media.urls")),  # /photographers/
    path("", include("disclosures.urls")),  # /siwu-data/
    path("", include("specials.urls")),  # feeds of the special collections
    path("", include("enquiries.urls")),  # /hudong/
    path("", include("alerts.urls")),  # email alerts and their feeds
    path("", include("govinfo.urls")),  # /zhengwu/: 公开指南, 公开目录, 机构, 办事指南, 网站年报
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
