"""Real-browser fixtures: Playwright's sync API driving the system Chromium (no downloads, no network)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from harness import golden_fixture, skip_or_fail

OUTPUT = Path(__file__).resolve().parents[1] / "output" / "browser"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--headless"]


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[Any]:
    # Module scope: Playwright's sync API allows one running instance per thread, so each test
    # module starts and stops its own (other modules here may drive Playwright themselves).
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("the playwright package is not installed")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """index.html of the small assessment, through the real engine."""
    from rightskit.render import render_formats

    bundle = golden_fixture().real_bundle()
    out = tmp_path_factory.mktemp("browser-report")
    render_formats(bundle, ["html", "svg"], out)
    return out / "index.html"


@dataclass
class Watched:
    page: Any
    console: list[tuple[str, str]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture()
def watched(browser: Any, report: Path) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=True)
    page = context.new_page()
    w = Watched(page)
    page.on("console", lambda m: w.console.append((m.type, m.text)))
    page.on("request", lambda r: w.requests.append(r.url))
    page.on("pageerror", lambda e: w.errors.append(str(e)))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    yield w
    context.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT
