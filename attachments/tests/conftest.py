import pytest

CHINESE_BACKEND = {"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}}


@pytest.fixture
def chinese_backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = CHINESE_BACKEND
    settings.SEARCH_BACKEND = "database"
    return settings
