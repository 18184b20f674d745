"""The live viewer's attack surface, beyond tests/browser/test_viewer.py (which covers plain and %-encoded
'..', a few fixed routes, the security headers, the Host check and the loopback default of serve()).

Here, over raw sockets and without a browser: the command line's --host default; traversal in every
spelling a client can send (double encoding, backslashes encoded or not, '//' prefixes, absolute URLs and
other request-target forms, overlong UTF-8, NUL, CR/LF, a 64 KiB path); methods beyond GET/HEAD; the Host
header in its tricky forms; and that no route ever returns a file from disk: not the assessment, not its
folder, not /etc/passwd.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import serving

ROOT = Path(__file__).resolve().parent
MINIMAL = ROOT / "fixtures" / "security" / "minimal"
SECRET = "secret-canary-9f2c"


@pytest.fixture(scope="module")
def viewer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from rightskit.pipeline import Options
    from rightskit.serve import make_server

    folder = tmp_path_factory.mktemp("serve") / "input"
    folder.mkdir()
    (folder / "assessment.yaml").write_text((MINIMAL / "assessment.yaml").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    (folder / "notes.txt").write_text(SECRET + "\n", encoding="utf-8")  # must never be served
    with serving(make_server(folder / "assessment.yaml", Options(), port=0, watch=False)) as server:
        yield server


def raw(server: Any, request: bytes, timeout: float = 10.0) -> tuple[int, bytes]:
    """Send ``request`` as bytes on a fresh connection; return the status code (0 if none) and the body."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as conn:
        conn.sendall(request)
        conn.shutdown(socket.SHUT_WR)
        data = b""
        while True:
            try:
                chunk = conn.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].split()
    status = int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else 0
    return status, body


def get(server: Any, target: str | bytes, host: str | None = None, method: str = "GET") -> tuple[int, bytes]:
    target_bytes = target.encode("latin-1") if isinstance(target, str) else target
    host_header = (host if host is not None else f"127.0.0.1:{server.port}").encode("latin-1")
    return raw(server, method.encode() + b" " + target_bytes + b" HTTP/1.1\r\nHost: " + host_header
               + b"\r\nConnection: close\r\n\r\n")


def test_the_command_line_binds_to_loopback_by_default() -> None:
    from rightskit.cli import serve

    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_the_server_listens_on_loopback_only(viewer: Any) -> None:
    assert viewer.server_address[0] == "127.0.0.1"
    assert viewer.socket.getsockname()[0] == "127.0.0.1"


def test_the_fixed_routes_answer(viewer: Any) -> None:
    for path in ("/", "/api/version", "/api/views", "/api/details", "/report", "/diagram/overview.svg"):
        status, _ = get(viewer, path)
        assert status == 200, path


TRAVERSALS = [
    "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/%252e%252e%252fetc%252fpasswd", "/%25252e%25252e%25252fetc%25252fpasswd",
    "/..%5c..%5cetc%5cpasswd", "/..%5C..%5Cetc%5Cpasswd", "/..\\..\\etc\\passwd", "//etc/passwd", "///etc/passwd",
    "/diagram//etc/passwd.svg", "/diagram/..%2f..%2fetc%2fpasswd.svg", "/diagram/%2e%2e/notes.txt",
    "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/%e0%80%ae%e0%80%ae/etc/passwd", "/..;/etc/passwd",
    "/report/../notes.txt", "/./notes.txt", "/notes.txt", "/assessment.yaml", "/input/assessment.yaml",
    "/%00../../etc/passwd", "/report%00.html", "/api/version/..", "/api/../notes.txt",
    "/diagram/overview.svg/../../notes.txt", "/\u00ae\u00ae/etc/passwd",
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_traversal_in_every_spelling_is_refused(viewer: Any, target: str) -> None:
    status, body = get(viewer, target)
    assert status in (400, 404), (target, status)
    assert b"root:" not in body and SECRET.encode() not in body


@pytest.mark.parametrize("target", [
    "http://127.0.0.1/etc/passwd", "http://evil.example/../../etc/passwd", "file:///etc/passwd",
    "https://127.0.0.1/notes.txt", "*", "127.0.0.1:80", "etc/passwd", "notes.txt",
])
def test_other_request_target_forms_are_refused(viewer: Any, target: str) -> None:
    """Absolute-form, asterisk-form, authority-form and relative targets: only origin-form paths route."""
    status, body = get(viewer, target)
    assert status in (400, 404), (target, status)
    assert b"root:" not in body and SECRET.encode() not in body


def test_control_characters_and_huge_paths_are_refused(viewer: Any) -> None:
    for target in (b"/report%0d%0aSet-Cookie:%20x=1", b"/report%0aX: y", b"/re\x01port", b"/report\x7f"):
        status, body = get(viewer, target)
        assert status in (400, 404), (target, status)
        assert b"Set-Cookie" not in body
    status, _ = get(viewer, "/" + "a" * 65_536)
    assert status in (0, 400, 404, 414)  # refused (or the connection dropped), and the server lives on
    assert get(viewer, "/api/version")[0] == 200


def test_malformed_requests_do_not_stop_the_server(viewer: Any) -> None:
    for request in (b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\x16\x03\x01\x02\x00\x01",
                    b"GET / HTTP/1.1\r\nHost: " + b"x" * 70_000 + b"\r\n\r\n", b""):
        status, body = raw(viewer, request)
        assert status in (0, 400, 404, 414, 431, 505), (request[:20], status)
        assert SECRET.encode() not in body
    assert get(viewer, "/api/version")[0] == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"])
def test_only_get_and_head(viewer: Any, method: str) -> None:
    status, body = get(viewer, "/report", method=method)
    assert status in (405, 501), (method, status)
    assert SECRET.encode() not in body
    assert get(viewer, "/report", method="HEAD")[0] == 200


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost.evil.example:80",
                                  "127.0.0.1:1", "", "127.0.0.1@evil.example", "[::1]:1"])
def test_foreign_host_headers_are_refused(viewer: Any, host: str) -> None:
    """A page on another origin that rebinds its DNS name to 127.0.0.1 sends its own Host: refused."""
    status, body = get(viewer, "/report", host=host)
    assert status == 400, (host, status)
    assert b"<html" not in body.lower()


def test_a_request_without_host_is_refused(viewer: Any) -> None:
    status, _ = raw(viewer, b"GET /report HTTP/1.0\r\n\r\n")
    assert status == 400


def test_responses_carry_no_file_and_forbid_sniffing(viewer: Any) -> None:
    with socket.create_connection(("127.0.0.1", viewer.port), timeout=10) as conn:
        conn.sendall(f"GET /report HTTP/1.1\r\nHost: 127.0.0.1:{viewer.port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").lower()
    assert "x-content-type-options: nosniff" in head
    assert "content-security-policy: default-src 'none'" in head
    assert "script-src" not in head.split("content-security-policy:", 1)[1].split("\r\n", 1)[0]
    assert SECRET.encode() not in data
