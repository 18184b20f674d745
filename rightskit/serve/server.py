"""The viewer's HTTP server: the standard library's ThreadingHTTPServer and a handful of fixed routes.

Routes (GET and HEAD only)::

    /                       the viewer page
    /api/version            {"version", "ok", "errors", "title", "as_of", "views"}
    /api/views              the views the diagram module offers for this assessment
    /api/details            node name -> details for the side panel
    /diagram/<view>.svg     one diagram; <view> must be one of /api/views
    /report                 the HTML report, rendered in memory

Nothing else is served: there is no file system behind any route. A request whose path is not
plain ASCII, holds a '%' (so no encoded '..', '/' or double encoding), a backslash, or a '.' or
'..' segment is refused with 400 before routing; an unknown path is 404. On a loopback address the
Host header must name this server (a DNS-rebinding page cannot read it).
"""

from __future__ import annotations

import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .page import PAGE_CSP, STATIC_CSP, page
from .state import LiveState

_QUERY = re.compile(r"^[A-Za-z0-9=&_.-]*$")
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


class ViewerServer(ThreadingHTTPServer):
    """A threading HTTP server holding the live state; ``url`` is where to point a browser."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str, port: int, state: LiveState) -> None:
        if ":" in host:
            import socket

            self.address_family = socket.AF_INET6
        self.state = state
        self.host = host
        super().__init__((host.strip("[]"), port), Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        host = f"[{self.host.strip('[]')}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def allowed_hosts(self) -> set[str] | None:
        """Host headers accepted; None (any) when bound to a non-loopback address on purpose."""
        if self.host not in LOOPBACK:
            return None
        names = {"127.0.0.1", "localhost", "[::1]"}
        return names | {f"{n}:{self.port}" for n in names}


class Handler(BaseHTTPRequestHandler):
    server: ViewerServer
    server_version = "rightskit-viewer"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    # -- plumbing --------------------------------------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the viewer is a local tool; errors are shown in the page."""

    def _send(self, status: int, body: bytes, ctype: str, csp: str = STATIC_CSP) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _json(self, data: Any) -> None:
        self._send(200, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _clean_path(self) -> str | None:
        """The request path if it is one we may route, else None (the caller answers 400)."""
        raw = self.path
        if not raw.startswith("/") or raw.startswith("//"):
            return None
        path, _, query = raw.partition("?")
        if not path.isascii() or any(c in path for c in "%\\\x00") or any(ord(c) < 32 for c in path):
            return None
        if any(seg in (".", "..") for seg in path.split("/")):
            return None
        if query and not _QUERY.match(query):
            return None
        return path

    # -- routing ---------------------------------------------------------------------------------

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        allowed = self.server.allowed_hosts()
        if allowed is not None and self.headers.get("Host", "") not in allowed:
            self._text(400, "bad Host header")
            return
        path = self._clean_path()
        if path is None:
            self._text(400, "bad request path")
            return
        try:
            self._route(path)
        except BrokenPipeError:
            pass
        except Exception as exc:  # a bug in a route must not take the viewer down
            print(f"rightskit viewer: {self.path}: {type(exc).__name__}: {exc}", file=sys.stderr)
            self._text(500, "internal error; see the terminal running 'rightskit serve'")

    def _method_not_allowed(self) -> None:
        self.send_response(405)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _method_not_allowed

    def _route(self, path: str) -> None:
        state = self.server.state
        snap = state.current
        if path == "/":
            self._send(200, page(), "text/html; charset=utf-8", PAGE_CSP)
        elif path == "/api/version":
            self._json(snap.status())
        elif path == "/api/views":
            self._json({"views": snap.views})
        elif path == "/api/details":
            from .details import details

            if snap.bundle is None:
                self._json({})
                return
            bundle = snap.bundle
            body = snap.cached("details", lambda: json.dumps(details(bundle), ensure_ascii=False).encode("utf-8"))
            self._send(200, body, "application/json; charset=utf-8")
        elif path.startswith("/diagram/") and path.endswith(".svg"):
            view = path[len("/diagram/"):-len(".svg")]
            if snap.bundle is None or view not in snap.views:
                self._text(404, "no such diagram")
                return
            from ..render.diagram import diagram

            bundle = snap.bundle
            body = snap.cached(f"svg:{view}", lambda: diagram(bundle, view, "svg"))
            self._send(200, body, "image/svg+xml; charset=utf-8")
        elif path == "/report":
            if snap.bundle is None:
                self._text(503, "the assessment has not loaded yet:\n" + "\n".join(snap.errors))
                return
            bundle = snap.bundle
            self._send(200, snap.cached("report", lambda: _report(bundle)), "text/html; charset=utf-8")
        else:
            self._text(404, "not found")


def _report(bundle: Any) -> bytes:
    """The HTML report, rendered in memory; a failure becomes a plain-text page, not a crash."""
    import html

    try:
        from ..render import build_context
        from ..render.html import render_html

        return render_html(build_context(bundle)).encode("utf-8")
    except Exception as exc:
        message = exc.format() if hasattr(exc, "format") else f"{type(exc).__name__}: {exc}"
        return (f"<!doctype html><meta charset='utf-8'><title>report unavailable</title>"
                f"<pre>The report could not be rendered:\n{html.escape(str(message))}</pre>").encode()
