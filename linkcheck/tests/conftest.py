import pytest

from linkcheck.tests.server import Handler, start


@pytest.fixture(scope="module")
def live_server_url():
    server = start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def loopback(settings, live_server_url):
    """Only the tests may reach loopback (their own server); quick, polite intervals."""
    settings.LINKCHECK_ALLOW_LOOPBACK = True
    settings.LINKCHECK_MIN_INTERVAL = 0.05
    Handler.requests.clear()
    return live_server_url
