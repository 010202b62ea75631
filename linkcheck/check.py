"""The check of one address: external ones over HTTP (``fetch``), the site's own in-process."""

from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.test import Client

from . import fetch
from .models import Outcome


@dataclass
class Result:
    outcome: str
    status_code: int | None = None
    message: str = ""


def _status_message(status):
    if status == 404:
        return "页面不存在（404）。"
    if status == 410:
        return "页面已删除（410）。"
    if status >= 500:
        return f"服务器出错（{status}）。"
    return f"服务器拒绝访问（{status}）。"


def from_status(status):
    if status < 400:
        return Result(Outcome.OK, status)
    return Result(Outcome.DEAD, status, _status_message(status))


def check_external(url, polite):
    try:
        if not polite.may_fetch(url):
            return Result(Outcome.SKIPPED, None, "该网站的 robots.txt 不允许检查此地址。")
        answer = fetch.follow(url, polite.wait)
    except fetch.Refused as exc:
        return Result(Outcome.REFUSED, None, str(exc))
    except fetch.Failed as exc:
        return Result(Outcome.DEAD, None, str(exc))
    return from_status(answer.status)


def _media_file(path):
    media = settings.MEDIA_URL
    if not media.startswith("/") or not path.startswith(media):
        return None
    return unquote(path[len(media) :])


def check_internal(url, client=None):
    """The site's own address, asked in-process (no network): pages, documents, images."""
    parts = urlsplit(url)
    path = parts.path or "/"
    name = _media_file(path)
    if name is not None:
        if default_storage.exists(name):
            return Result(Outcome.OK, 200)
        return Result(Outcome.DEAD, 404, "文件不存在（404）。")
    client = client or Client(raise_request_exception=False)
    extra = {"HTTP_HOST": parts.netloc} if parts.netloc else {}
    try:
        query = dict(parse_qsl(parts.query))
        response = client.get(path, data=query, follow=True, **extra)
    except Exception:  # a broken view must not stop the run
        return Result(Outcome.DEAD, 500, "服务器出错（500）。")
    return from_status(response.status_code)
