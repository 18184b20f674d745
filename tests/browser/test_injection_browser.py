"""Hostile reports in a real browser (Playwright driving Debian's Chromium): nothing the author wrote runs.

The report and its diagrams are built from tests/fixtures/security/hostile.py, whose payloads try to set
``window.__pwned``, call ``alert``, change ``document.title`` and load https://evil.example. Each page is
opened twice: as shipped (with the report's Content-Security-Policy), and with the CSP bypassed, so the
markup itself must be inert and the CSP is only a second line of defence. In both:

* no dialog opens, no script of the author's runs (``window.__pwned`` unset, the title unchanged);
* no request leaves file:// (no image, frame, stylesheet or font fetched);
* hovering and clicking every element triggers nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from harness import hostile, serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]



@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from rightskit.pipeline import evaluate
    from rightskit.render import render_formats

    folder = tmp_path_factory.mktemp("hostile-browser")
    bundle = evaluate(hostile().write_hostile(folder / "input"))
    out = folder / "out"
    render_formats(bundle, ["html", "svg"], out)
    return out


@dataclass
class Visit:
    page: Any
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    title: str = ""


@pytest.fixture(params=["with-csp", "csp-bypassed"])
def visit(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    context = browser.new_context(java_script_enabled=True, bypass_csp=request.param == "csp-bypassed")
    # Belt and braces: anything that is not a local file is recorded, then refused.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                  else route.abort())
    opened: list[Visit] = []

    def open_page(path: Path) -> Visit:
        page = context.new_page()
        v = Visit(page)
        page.on("dialog", lambda d: (v.dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        page.on("request", lambda r: v.requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        v.title = page.title()
        opened.append(v)
        return v

    yield open_page
    context.close()


def _pwned(page: Any) -> Any:
    """window.__pwned, read through the DevTools protocol (works whatever the page's CSP says)."""
    session = page.context.new_cdp_session(page)
    try:
        result = session.send("Runtime.evaluate", {"expression": "typeof window.__pwned === 'undefined' ? null : "
                                                                 "String(window.__pwned)", "returnByValue": True})
    finally:
        session.detach()
    return result.get("result", {}).get("value")


def _poke_everything(page: Any, limit: int = 40) -> None:
    """Hover elements as a reader would (links, tooltips, headings, diagram nodes), through real mouse input."""
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")  # the annexes
    for selector in ("a", "[title]", "h1, h2, h3", "svg g.node"):
        for handle in page.query_selector_all(selector)[:limit]:
            try:
                handle.hover(timeout=500, force=True)
            except Exception:  # an element out of view or zero-sized: nothing to hover
                continue


def _assert_inert(v: Visit, expected_title: str | None = None) -> None:
    assert not v.dialogs, v.dialogs
    assert _pwned(v.page) is None, "an injected script ran"
    assert v.page.title() != "pwned"  # the payload's document.title='pwned' did not run
    if expected_title is not None:
        assert v.page.title() == expected_title
    outside = [u for u in v.requests if not u.startswith("file://")]
    assert not outside, outside


def test_hostile_report_runs_nothing_and_fetches_nothing(visit: Any, hostile_report: Path) -> None:
    v = visit(hostile_report / "index.html")
    assert "<script>window.__pwned=1" in v.page.inner_text("h1")  # the payload is shown, as text
    title = v.page.title()
    _poke_everything(v.page)
    v.page.wait_for_timeout(200)
    _assert_inert(v, expected_title=title)


def test_hostile_diagrams_run_nothing_and_fetch_nothing(visit: Any, hostile_report: Path) -> None:
    files = sorted((hostile_report / "diagrams").glob("*.svg"))
    assert files
    for file in files:
        v = visit(file)
        _poke_everything(v.page, limit=10)
        _assert_inert(v)


def test_every_external_link_opens_without_opener(visit: Any, hostile_report: Path) -> None:
    v = visit(hostile_report / "index.html")
    links = v.page.query_selector_all("a[href^='http']")
    assert links
    for link in links:
        rel = (link.get_attribute("rel") or "").split()
        assert "noopener" in rel and "noreferrer" in rel, link.get_attribute("href")
        assert "evil.example" not in (link.get_attribute("href") or "")
    assert not v.page.query_selector_all("a[href^='javascript'], a[href^='data'], [src], iframe, object, embed")


@pytest.fixture(scope="module")
def hostile_viewer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from rightskit.pipeline import Options
    from rightskit.serve import make_server

    source = hostile().write_hostile(tmp_path_factory.mktemp("hostile-viewer") / "input")
    with serving(make_server(source, Options(), port=0, watch=False)) as server:
        yield server


def test_hostile_assessment_in_the_live_viewer(browser: Any, hostile_viewer: Any) -> None:
    """The viewer builds its page from the assessment's diagrams and details: clicking through runs nothing."""
    context = browser.new_context(java_script_enabled=True)
    origin = hostile_viewer.url.rstrip("/")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin)
                  else route.abort())
    page = context.new_page()
    v = Visit(page)
    page.on("dialog", lambda d: (v.dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    page.on("request", lambda r: v.requests.append(r.url))
    try:
        page.goto(hostile_viewer.url)
        page.wait_for_selector("#canvas svg g.node", timeout=15_000)
        title = page.title()
        for node in page.query_selector_all("#canvas g.node")[:12]:
            try:
                node.click(timeout=1_000, force=True)
            except Exception:  # a node hidden under another: nothing to click
                continue
        page.wait_for_timeout(200)
        assert page.inner_text("#panel").strip()  # the details are shown (as text: nothing ran, see below)
        assert not v.dialogs, v.dialogs
        assert _pwned(page) is None
        assert page.title() == title
        outside = [u for u in v.requests if not u.startswith(origin)]
        assert not outside, outside
    finally:
        context.close()
