"""One external address checked over HTTP(S), safely.

The host is resolved first and every address it resolves to must be public: loopback, private,
link-local, shared, reserved and multicast addresses are refused (``LINKCHECK_ALLOW_LOOPBACK``
lets the tests reach their own loopback server). The connection then goes to the address that
was checked (no second lookup), redirects are followed by hand and each hop is checked again.
"""

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings

USER_AGENT = "GongkaiLinkChecker/1.0"
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
TIMEOUT = 10
PRIVATE = "地址解析到内网、本机或保留地址，出于安全未检查。"


class Refused(Exception):
    """The address must not be fetched."""


class Failed(Exception):
    """The address did not answer; the message (Chinese) says why."""


@dataclass
class Answer:
    status: int
    location: str = ""
    body: bytes = b""


def timeout():
    return getattr(settings, "LINKCHECK_TIMEOUT", TIMEOUT)


def allowed(ip):
    address = ipaddress.ip_address(ip.split("%", 1)[0])
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_loopback and getattr(settings, "LINKCHECK_ALLOW_LOOPBACK", False):
        return True
    return address.is_global and not address.is_multicast


def resolve(host, port):
    """The first address of host, when every address it resolves to may be fetched."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Failed("域名无法解析。") from exc
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses or not all(allowed(a) for a in addresses):
        raise Refused(PRIVATE)
    return addresses[0]


class _Pinned(http.client.HTTPConnection):
    def __init__(self, host, ip, port):
        super().__init__(host, port, timeout=timeout())
        self.ip = ip

    def connect(self):
        self.sock = socket.create_connection((self.ip, self.port), self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    def __init__(self, host, ip, port):
        super().__init__(host, port, timeout=timeout(), context=ssl.create_default_context())
        self.ip = ip

    def connect(self):
        sock = socket.create_connection((self.ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _target(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Failed("不是有效的网址。")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except (UnicodeError, ValueError) as exc:
        raise Failed("不是有效的网址。") from exc
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    path = quote(path, safe="/%?=&;:@!$'()*+,~-._")
    return parts.scheme, host, port, path


def request(url, method="HEAD", read=0):
    """One request, no redirect followed."""
    scheme, host, port, path = _target(url)
    ip = resolve(host, port)
    connection = (_PinnedTLS if scheme == "https" else _Pinned)(host, ip, port)
    try:
        connection.request(method, path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        response = connection.getresponse()
        body = response.read(read) if read else b""
        return Answer(response.status, response.getheader("Location") or "", body)
    except TimeoutError as exc:
        raise Failed("连接超时。") from exc
    except ssl.SSLError as exc:
        raise Failed("加密连接失败（证书无效或不受信任）。") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise Failed("无法连接到服务器。") from exc
    except (ValueError, UnicodeError) as exc:
        raise Failed("不是有效的网址。") from exc
    finally:
        connection.close()


def follow(url, wait, method="HEAD"):
    """The final answer after redirects; ``wait(host)`` is called before every request."""
    for _hop in range(MAX_REDIRECTS + 1):
        wait(urlsplit(url).hostname or "")
        answer = request(url, method)
        if method == "HEAD" and answer.status in (400, 403, 405, 501):
            wait(urlsplit(url).hostname or "")
            answer = request(url, "GET")
        if answer.status not in REDIRECTS or not answer.location:
            return answer
        url = urljoin(url, answer.location)
        if urlsplit(url).scheme not in ("http", "https"):
            raise Failed("重定向到了不支持的地址。")
    raise Failed("重定向次数过多。")
