"""A local HTTP server on an ephemeral loopback port: live, dead and redirecting links."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROUTES = {
    "/ok": (200, {}),
    "/image.png": (200, {}),
    "/gone": (404, {}),
    "/broken": (500, {}),
    "/moved": (302, {"Location": "/ok"}),
    "/to-private": (302, {"Location": "http://10.0.0.1/admin"}),
    "/loop": (302, {"Location": "/loop"}),
    "/no-head": (200, {}),
    "/robots.txt": (200, {}),
}
ROBOTS = b"User-agent: *\nDisallow: /secret\n"


class Handler(BaseHTTPRequestHandler):
    requests = []

    def _answer(self, body):
        path = self.path.split("?", 1)[0]
        Handler.requests.append((self.command, path))
        if self.command == "HEAD" and path == "/no-head":
            status, headers = 405, {}
        else:
            status, headers = ROUTES.get(path, (404, {}))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        data = ROBOTS if path == "/robots.txt" else b"ok"
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def do_HEAD(self):  # noqa: N802
        self._answer(False)

    def do_GET(self):  # noqa: N802
        self._answer(True)

    def log_message(self, *args):
        pass


def start():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
