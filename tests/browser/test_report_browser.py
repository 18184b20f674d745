"""The HTML report in a real browser: no network, no console errors, working links, accessible, prints well."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

IN_VIEW = """el => { const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight && r.top >= -2; }"""


def _by_id(page: Any, anchor: str) -> Any:
    return page.locator(f'[id="{anchor}"]')


def test_loads_without_errors_or_network(watched: Any, output_dir: Path) -> None:
    page = watched.page
    assert page.title().endswith("Art. 52(1) assessment")
    assert watched.errors == []
    assert [m for m in watched.console if m[0] in ("error", "warning")] == []
    assert watched.requests, "the page load itself should be seen"
    for url in watched.requests:
        assert url.startswith(("file://", "data:")), f"unexpected request: {url}"
    assert all(url.startswith("file://") for url in watched.requests)
    assert page.locator("script").count() == 0
    page.screenshot(path=str(output_dir / "report-top.png"))
    page.screenshot(path=str(output_dir / "report-full.png"), full_page=True)
    assert (output_dir / "report-full.png").stat().st_size > 10_000


def test_table_of_contents_links_scroll_to_their_sections(watched: Any) -> None:
    page = watched.page
    links = page.locator("nav.toc a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) >= 8
    for i, href in enumerate(hrefs):
        assert href and href.startswith("#")
        target = _by_id(page, href[1:])
        assert target.count() == 1, f"TOC target {href} missing or duplicated"
        page.evaluate("window.scrollTo(0, 0)")
        links.nth(i).click()
        page.wait_for_function("h => location.hash === h", arg=href)
        assert target.evaluate(IN_VIEW), f"{href} is not in view after clicking its TOC entry"


def test_every_internal_link_has_a_target(watched: Any) -> None:
    page = watched.page
    missing = page.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
        .map(a => a.getAttribute('href').slice(1))
        .filter(id => !document.getElementById(id))""")
    assert missing == []
    dupes = page.evaluate("""() => { const seen = {}; const d = [];
        for (const el of document.querySelectorAll('[id]')) { if (seen[el.id]) d.push(el.id); seen[el.id] = 1; }
        return d; }""")
    assert dupes == []


def test_external_links_are_safe(watched: Any) -> None:
    bad = watched.page.evaluate("""() => [...document.querySelectorAll('a[href]')]
        .filter(a => !a.getAttribute('href').startsWith('#'))
        .filter(a => !/^https?:\\/\\//.test(a.getAttribute('href')) || a.rel !== 'noopener noreferrer')
        .map(a => a.outerHTML)""")
    assert bad == []


def test_diagram_nodes_link_to_their_sections(watched: Any) -> None:
    page = watched.page
    nodes = page.locator("#diagram-overview svg a")
    assert page.locator("#diagram-overview").count() == 1
    hrefs = sorted({nodes.nth(i).get_attribute("href") or nodes.nth(i).get_attribute("xlink:href")
                    for i in range(nodes.count())} - {None})
    assert any(h.startswith("#measure-") for h in hrefs)
    for h in hrefs:
        assert _by_id(page, h[1:]).count() == 1, f"diagram link {h} has no section"
    page.locator('nav.toc a[href="#diagram-overview"]').click()  # the overview sits in a collapsed annex
    first = next(i for i in range(nodes.count())
                 if (nodes.nth(i).get_attribute("href") or nodes.nth(i).get_attribute("xlink:href") or "")
                 .startswith("#measure-"))
    href = nodes.nth(first).get_attribute("href") or nodes.nth(first).get_attribute("xlink:href")
    nodes.nth(first).scroll_into_view_if_needed()
    nodes.nth(first).click()
    page.wait_for_function("h => location.hash === h", arg=href)
    assert _by_id(page, href[1:]).evaluate(IN_VIEW)


def test_annexes_are_collapsed_and_a_findings_link_opens_its_annex(watched: Any) -> None:
    """Script-free: following a link into a closed annex opens it (fragment navigation expands <details>)."""
    page = watched.page
    annexes = page.locator("details.annex")
    assert annexes.count() >= 5
    assert page.evaluate("() => [...document.querySelectorAll('details.annex')].every(d => !d.open)")
    link = page.locator('.opinion a[href^="#measure-"]').first  # "All findings for this measure …"
    href = link.get_attribute("href")
    target = _by_id(page, href[1:])
    assert not target.is_visible()
    link.click()
    page.wait_for_function("h => location.hash === h", arg=href)
    assert target.is_visible(), f"{href} stayed hidden in its collapsed annex"
    assert target.evaluate(IN_VIEW)
    assert target.evaluate("el => el.closest('details.annex').open")
    assert page.evaluate("() => [...document.querySelectorAll('details.annex')].filter(d => d.open).length") == 1


def test_a_url_with_a_fragment_opens_its_annex(browser: Any, report: Path) -> None:
    page = browser.new_page()
    try:
        page.goto(report.as_uri() + "#bibliography")
        page.wait_for_load_state("load")
        assert _by_id(page, "bibliography").is_visible()
        assert _by_id(page, "rights").is_visible() is False
    finally:
        page.close()


def test_accessibility_basics(watched: Any) -> None:
    page = watched.page
    assert page.evaluate("document.documentElement.lang") == "en"
    levels = page.evaluate("() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}"
    no_scope = page.evaluate(
        "() => [...document.querySelectorAll('th')].filter(th => !th.getAttribute('scope')).length")
    assert no_scope == 0
    # Colour is never the only signal: every badge has words.
    empty = page.evaluate("() => [...document.querySelectorAll('.badge')].filter(b => !b.textContent.trim()).length")
    assert empty == 0
    assert page.locator(".badge").count() > 20


def test_prints_sensibly(watched: Any) -> None:
    page = watched.page
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('nav.toc')).breakAfter") == "page"
    assert page.evaluate("getComputedStyle(document.querySelector('#measures h2')).breakBefore") == "page"
    assert page.evaluate("getComputedStyle(document.querySelector('thead')).display") == "table-header-group"
    # Every annex prints in full, though none was opened on screen.
    assert page.locator("#bibliography").is_visible() and page.locator("#measures").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('details.annex > summary')).display") == "none"
