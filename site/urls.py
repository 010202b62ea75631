"""Site URLs: the admin, the API, each app's own routes, then Wagtail's page tree."""

from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from readerprefs.preferences import set_preferences

from .api import api_router
from .media_serving import serve_media
from .sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("preferences/", set_preferences, name="preferences"),
    path("", include("pagecache.urls")),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
# Apps with public routes outside the page tree, each from its own urls.py.
urlpatterns += [
    path("", include("news.urls")),  # feeds of news, cases, topics
    path("", include("policies.urls")),  # the feed of the latest policies
    path("", include("search.urls")),  # /search/, /api/search/
    path("", include("media.urls")),  # /photographers/, the feed of photo features
    path("", include("disclosures.urls")),  # /siwu-data/
    path("", include("specials.urls")),  # feeds of the special collections
    path("", include("enquiries.urls")),  # /hudong/
    path("", include("portal.urls")),  # the hub, HTML site map, open data, 纠错
    path("", include("notices.urls")),  # /gongshi/, /zhengji/
    path("", include("alerts.urls")),  # email alerts and their feeds
    path("", include("govinfo.urls")),  # /zhengwu/: 公开指南, 公开目录, 机构, 办事指南, 网站年报
]

# Uploaded files without nginx (`make demo`, DEBUG): only when GONGKAI_SERVE_MEDIA is on, with
# the recipe's headers and its private-document rule (media_serving.py). Production: nginx.
urlpatterns += [path("media/<path:path>", serve_media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]
