"""Checking one address: what is recorded for live, dead, redirected and forbidden links."""

import pytest

from linkcheck.check import check_external
from linkcheck.polite import Politeness
from linkcheck.tests.server import Handler


def outcome(url):
    result = check_external(url, Politeness())
    return result.outcome, result.status_code, result.message


def test_live_link(loopback):
    assert outcome(f"{loopback}/ok") == ("ok", 200, "")


def test_dead_link(loopback):
    assert outcome(f"{loopback}/gone") == ("dead", 404, "页面不存在（404）。")
    assert outcome(f"{loopback}/broken") == ("dead", 500, "服务器出错（500）。")


def test_redirect_is_followed(loopback):
    assert outcome(f"{loopback}/moved") == ("ok", 200, "")


def test_head_refused_falls_back_to_get(loopback):
    assert outcome(f"{loopback}/no-head") == ("ok", 200, "")
    assert ("GET", "/no-head") in Handler.requests


def test_redirect_into_a_private_address_is_refused(loopback):
    result, _status, message = outcome(f"{loopback}/to-private")
    assert result == "refused"
    assert message == "地址解析到内网、本机或保留地址，出于安全未检查。"


def test_redirect_loop_is_dead(loopback):
    assert outcome(f"{loopback}/loop") == ("dead", None, "重定向次数过多。")


def test_robots_txt_is_obeyed(loopback):
    assert outcome(f"{loopback}/secret/page")[0] == "skipped"
    assert ("HEAD", "/secret/page") not in Handler.requests


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/",
        "http://localhost/",
        "http://10.1.2.3/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
    ],
)
def test_loopback_private_and_link_local_addresses_are_never_fetched(url, settings):
    settings.LINKCHECK_ALLOW_LOOPBACK = False
    result, _status, message = outcome(url)
    assert result == "refused"
    assert "内网、本机或保留地址" in message


def test_at_most_two_requests_a_second_to_one_host():
    slept, now = [], [100.0]

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    polite = Politeness(sleep=sleep, clock=lambda: now[0])
    for _ in range(5):
        polite.wait("example.org")
    polite.wait("other.example")
    assert slept == [0.5, 0.5, 0.5, 0.5]
