"""Screenshots of the first page of each format of the default assessment, for the README.

    .venv/bin/python docs/screenshots/capture.py      # needs Chromium, LibreOffice and pdftoppm

Renders reports/interim-regulation-2021-1232 into a scratch folder, then: the HTML's first screen
(Playwright, system Chromium), the PDF's first page (pdftoppm), the DOCX's first page (LibreOffice
headless to PDF, then pdftoppm). Writes html.png, pdf.png and docx.png next to this file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ASSESSMENT = ROOT / "reports" / "interim-regulation-2021-1232"
DPI = "60"


def first_page_png(pdf: Path, out: Path) -> None:
    """Page 1 of ``pdf`` as ``out`` (PNG)."""
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", DPI, "-png", "-singlefile", str(pdf),
                    str(out.with_suffix(""))], check=True)


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run([sys.executable, "-m", "rightskit", "render", str(ASSESSMENT), "--format", "html,pdf,docx",
                        "-o", str(work / "out")], check=True, stdout=subprocess.DEVNULL)
        first_page_png(work / "out" / "report.pdf", HERE / "pdf.png")
        subprocess.run([shutil.which("soffice") or "soffice", "--headless", "--convert-to", "pdf", "--outdir",
                        str(work / "docx"), str(work / "out" / "report.docx")], check=True, stdout=subprocess.DEVNULL)
        first_page_png(work / "docx" / "report.pdf", HERE / "docx.png")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                         args=["--no-sandbox", "--headless"])
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.goto((work / "out" / "index.html").as_uri())
            page.screenshot(path=str(HERE / "html.png"))
            browser.close()
    for name in ("html.png", "pdf.png", "docx.png"):
        print(HERE / name, (HERE / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
