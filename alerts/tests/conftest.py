import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters and the digest lock do not leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()
