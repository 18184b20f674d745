"""The live viewer in a real browser (Playwright driving Debian's Chromium): the page loads, a click
shows a node's details, editing the source updates the page, errors show in the page, and the
server refuses traversal and binds to 127.0.0.1 by default."""

from __future__ import annotations

import http.client
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORKS = ROOT / "tests" / "fixtures" / "frameworks-diagram"
SMALL = ROOT / "tests" / "golden" / "diagrams" / "input" / "assessment.yaml"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--headless"]


def _evaluator() -> Any:
    """The real pipeline when the engine is there, else the hand-made results of the diagram tests."""
    try:
        from rightskit.evaluate import evaluate  # noqa: F401
    except ImportError:
        import importlib.util

        spec = importlib.util.spec_from_file_location("diagram_support", SMALL.parents[1] / "support.py")
        assert spec and spec.loader
        support = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(support)
        return support.evaluate_fake
    return None


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "assessment"
    folder.mkdir()
    shutil.copy(SMALL, folder / "assessment.yaml")
    return folder / "assessment.yaml"


@pytest.fixture()
def viewer(source: Path) -> Iterator[Any]:
    from rightskit.pipeline import Options
    from rightskit.serve import make_server

    with serving(make_server(source, Options(frameworks_dirs=[FRAMEWORKS]), port=0, evaluator=_evaluator())) as server:
        yield server


@pytest.fixture()
def page(viewer: Any, chromium_path: str) -> Iterator[Any]:
    from playwright import sync_api

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        tab = context.new_page()
        problems: list[str] = []
        tab.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
        tab.on("pageerror", lambda exc: problems.append(str(exc)))
        tab.problems = problems  # type: ignore[attr-defined]
        yield tab
        context.close()
        browser.close()


def _get(server: Any, path: str, host: str | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", host or f"127.0.0.1:{server.port}")
    conn.endheaders()
    resp = conn.getresponse()
    return resp.status, resp.read()


def _wait_until(condition: Any, timeout: float = 15.0) -> None:
    """Poll from Python: the page's CSP forbids the eval that page.wait_for_function uses."""
    import time

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out waiting for the page")
        time.sleep(0.1)


def _loaded(page: Any, server: Any) -> None:
    page.goto(server.url)
    page.wait_for_selector("#canvas svg g.node", timeout=15_000)


def test_page_loads_the_overview(page: Any, viewer: Any) -> None:
    _loaded(page, viewer)
    assert page.title() == "rightskit viewer"
    assert "Detection, reporting and removal" in page.text_content("#title")
    assert page.locator("#canvas g.node").count() >= 10
    assert page.get_attribute("body", "data-view") == "overview"
    assert page.locator("#measure option").count() == 6  # 'all measures' and five measures
    assert not page.problems  # no CSP violation, no script error


def test_clicking_a_node_shows_its_details(page: Any, viewer: Any) -> None:
    _loaded(page, viewer)
    page.locator("#canvas g.node", has=page.locator("title", has_text="measure/detect-new")).click()
    panel = page.locator("#panel")
    panel.locator("h2", has_text="Classifiers for new material").wait_for(timeout=5_000)
    text = panel.inner_text()
    assert "Verdict" in text and "Art. 52(1) steps" in text and "dg-charter/art-7: residual" in text
    assert page.get_attribute("body", "data-selected") == "measure/detect-new"
    assert page.url.rstrip("/") == viewer.url.rstrip("/")  # the node's report link was not followed
    # The panel offers the measure's own diagram.
    panel.get_by_role("button").click()
    page.wait_for_selector("body[data-view='measure:detect-new']", state="attached", timeout=10_000)
    import re

    step = page.locator("#canvas text", has_text=re.compile(r"^[✓!✗?] prop$"))
    assert step.count() == 1  # the step strip of the measure view


def test_status_filter_dims_measures(page: Any, viewer: Any) -> None:
    _loaded(page, viewer)
    assert page.locator("#canvas g.node.dim").count() == 0
    first = page.locator("#canvas g.node.measure").first.get_attribute("class") or ""
    verdict = first.split()[-1]  # 'node measure <verdict>'
    page.locator(f"input[name=status][value={verdict}]").uncheck()
    dimmed = page.locator("#canvas g.node.dim")
    assert dimmed.count() >= 1
    assert all(verdict in (dimmed.nth(i).get_attribute("class") or "").split() for i in range(dimmed.count()))
    page.locator(f"input[name=status][value={verdict}]").check()
    assert page.locator("#canvas g.node.dim").count() == 0


def test_editing_the_source_updates_the_page(page: Any, viewer: Any, source: Path) -> None:
    _loaded(page, viewer)
    before = int(page.get_attribute("body", "data-version") or 0)
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("title: Removal of material", "title: Takedown of material"), encoding="utf-8")
    _wait_until(lambda: int(page.get_attribute("body", "data-version") or 0) > before)
    page.locator("#canvas text", has_text="Takedown of material").wait_for(timeout=10_000)
    assert not page.is_visible("#errors")

    # A broken file: the located error shows in the page, the last good diagram stays.
    source.write_text(text.replace("kind: removal", "kind: removall"), encoding="utf-8")
    page.locator("#errors").get_by_text("removall").wait_for(timeout=15_000)
    errors = page.text_content("#errors") or ""
    assert "assessment.yaml:" in errors and "did you mean 'removal'" in errors
    assert page.locator("#canvas g.node").count() >= 10

    # Fixed again: the error goes away.
    source.write_text(text, encoding="utf-8")
    page.wait_for_selector("#errors", state="hidden", timeout=15_000)


def test_report_route_serves_the_html_report(viewer: Any) -> None:
    status, body = _get(viewer, "/report")
    assert status == 200 and b"<html" in body.lower()


@pytest.mark.parametrize("path", [
    "/../etc/passwd", "/diagram/../../etc/passwd.svg", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
    "/diagram/%2e%2e%2f%2e%2e%2fetc%2fpasswd.svg", "/%252e%252e%252fetc%252fpasswd", "/diagram/..%2fx.svg",
    "/diagram/overview.svg%00", "/..\\..\\etc\\passwd", "/diagram/./overview.svg",
])
def test_traversal_is_rejected(viewer: Any, path: str) -> None:
    status, body = _get(viewer, path)
    assert status in (400, 404), (path, status)
    assert b"root:" not in body


def test_only_fixed_routes_exist(viewer: Any) -> None:
    for path in ("/etc/passwd", "/assessment.yaml", "/diagram/nonsense.svg", "/diagram/overview.png", "/api/x"):
        assert _get(viewer, path)[0] == 404, path
    assert _get(viewer, "/diagram/measure:detect-known.svg")[0] == 200


def test_security_headers_and_host_check(viewer: Any) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", viewer.port, timeout=10)
    conn.request("GET", "/")
    resp = conn.getresponse()
    resp.read()
    csp = resp.getheader("Content-Security-Policy") or ""
    assert "default-src 'none'" in csp and "script-src 'self' 'sha256-" in csp and "unsafe-eval" not in csp
    assert resp.getheader("X-Content-Type-Options") == "nosniff"
    assert _get(viewer, "/", host="evil.example:80")[0] == 400  # DNS rebinding
    conn.request("POST", "/api/version", body=b"x")
    assert conn.getresponse().status == 405


def test_binds_to_loopback_by_default(source: Path) -> None:
    import inspect

    from rightskit.pipeline import Options
    from rightskit.serve import close, make_server, serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(make_server).parameters["host"].default == "127.0.0.1"
    server = make_server(source, Options(frameworks_dirs=[FRAMEWORKS]), port=0, evaluator=_evaluator(),
                         watch=False)
    try:
        assert server.server_address[0] == "127.0.0.1"
        assert server.url.startswith("http://127.0.0.1:")
    finally:
        close(server)


def test_clicking_a_safeguard_in_a_panel_shows_it(page: Any, viewer: Any, source: Path) -> None:
    """Past 16 safeguards the overview lists them per right; a click on a row shows that safeguard."""
    extra = "".join(
        f"  - id: extra-{i:02d}\n    title: Extra safeguard {i}\n    requires: Requirement {i}.\n    mitigates:\n"
        f"      - {{measure: detect-known, right: dg-charter/art-7, strength: strong}}\n" for i in range(14))
    text = source.read_text(encoding="utf-8").replace("alternatives:\n", extra + "alternatives:\n")
    source.write_text(text, encoding="utf-8")
    viewer.state.reload()
    _loaded(page, viewer)
    page.locator("#canvas text", has_text="Extra safeguard 7").click()
    panel = page.locator("#panel")
    panel.locator("h2", has_text="Extra safeguard 7").wait_for(timeout=5_000)
    assert "Requirement 7." in panel.inner_text()
    assert page.get_attribute("body", "data-selected") == "safeguard/extra-07"
