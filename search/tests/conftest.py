"""Search tests run with the Chinese database backend whatever the settings say."""

import os

import pytest
from hypothesis import settings as hypothesis_settings

# Hypothesis profiles for the fuzz tests: a quick random run by hand, a large derandomized run
# in CI (no flaky failures: the same examples every time). HYPOTHESIS_PROFILE overrides.
hypothesis_settings.register_profile("dev", max_examples=60)
hypothesis_settings.register_profile("ci", max_examples=400, derandomize=True)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

CHINESE_BACKEND = {"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}}


@pytest.fixture
def chinese_backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = CHINESE_BACKEND
    settings.SEARCH_BACKEND = "database"
    return settings
