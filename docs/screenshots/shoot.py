"""Screenshots of the first page of a flagship report in French and German, for docs/languages.md.

Run from the repository root: ``.venv/bin/python docs/screenshots/shoot.py``. Renders the flagship
with ``--lang fr`` and ``--lang de`` and photographs the top of each ``index.html`` with Playwright
driving the system Chromium (as tests/browser does), and draws its overview diagram in each language
as a PNG with ``rightskit diagram`` (Graphviz); no network is used.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = ROOT / "reports" / "interim-regulation-2021-1232"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--headless"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for lang in ("fr", "de"):
            out = Path(tmp) / lang
            subprocess.run([sys.executable, "-m", "rightskit", "render", str(FLAGSHIP), "--lang", lang,
                            "--format", "html", "-o", str(out)], check=True, stdout=subprocess.DEVNULL)
            page = browser.new_page(viewport={"width": 1200, "height": 1500})
            page.goto((out / "index.html").as_uri())
            page.screenshot(path=str(Path(__file__).parent / f"report-{lang}.png"))
            page.close()
            subprocess.run([sys.executable, "-m", "rightskit", "diagram", str(FLAGSHIP), "--lang", lang,
                            "--format", "png", "-o", str(Path(__file__).parent / f"diagram-{lang}.png")],
                           check=True, stdout=subprocess.DEVNULL)
        browser.close()


if __name__ == "__main__":
    main()
