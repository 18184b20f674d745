"""Every internal link in the flagship reports lands on an element of the same report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rightskit.pipeline import render

REPORTS = sorted(p for p in (Path(__file__).resolve().parent.parent / "reports").iterdir() if p.is_dir())


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.name)
def test_internal_links_resolve(report: Path, tmp_path: Path) -> None:
    render(report, tmp_path, ["html", "md"])
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets and not targets - ids, sorted(targets - ids)[:10]
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    md_ids = set(re.findall(r'<a id="([^"]+)"></a>', md))
    md_targets = set(re.findall(r"\]\(#([^)]+)\)", md))
    # Markdown headings get ids from their text on GitHub; our own anchors must all exist.
    own = {t for t in md_targets if t.startswith(("measure-", "right-", "safeguard-", "required-", "bib-"))}
    assert own and not own - md_ids, sorted(own - md_ids)[:10]
