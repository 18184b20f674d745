"""The evidence the experts used (frameworks/expert/evidence.yaml), as the CSAR flagships cite it.

The framework loads; every evidence/<id> a flagship cites exists; a contested detection figure is shown in
the Markdown and HTML reports as a range whose two ends each name their own sources; and citing the
evidence moved no verdict of the three flagships (issue 16, item 5).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from rightskit.model import Estimate
from rightskit.model.ref_index import walk_citations
from rightskit.pipeline import evaluate, load, render

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
FLAGSHIPS = [REPORTS / "csar-proposal-2022", REPORTS / "csar-ep-position-2023",
             REPORTS / "interim-regulation-2021-1232"]
PREFIX = "evidence/"

#: The verdicts before the evidence was cited (December 2026). Citing evidence adds sources to the
#: statements the engine reads; it must not move a verdict. Change an entry only with a reason in the
#: commit that changes it.
VERDICTS = {
    "csar-proposal-2022": {
        "age-verification": "disproportionate", "blocking-order": "proportionate-with-conditions",
        "detection-order-known": "disproportionate", "detection-order-new": "disproportionate",
        "detection-order-solicitation": "disproportionate", "eu-centre-forwarding": "proportionate-with-conditions",
        "removal-order": "proportionate-with-conditions", "reporting": "proportionate-with-conditions",
        "risk-assessment": "proportionate-with-conditions", "risk-mitigation": "proportionate-with-conditions",
    },
    "csar-ep-position-2023": {
        "age-verification": "disproportionate", "blocking-order": "proportionate-with-conditions",
        "detection-order-known": "proportionate-with-conditions", "detection-order-new": "disproportionate",
        "detection-order-solicitation": "disproportionate", "eu-centre-forwarding": "proportionate-with-conditions",
        "removal-order": "proportionate-with-conditions", "reporting": "proportionate-with-conditions",
        "risk-assessment": "proportionate-with-conditions", "risk-mitigation": "proportionate-with-conditions",
    },
    "interim-regulation-2021-1232": {
        "detect-known": "disproportionate", "detect-new": "disproportionate", "detect-solicitation": "disproportionate",
        "removal-blocking": "proportionate-with-conditions", "reporting": "proportionate-with-conditions",
        "retention": "proportionate-with-conditions",
    },
}


@pytest.mark.parametrize("flagship", FLAGSHIPS, ids=lambda p: p.name)
def test_every_flagship_cites_the_evidence(flagship: Path) -> None:
    assessment = load(flagship).assessment
    assert "evidence" in {f.id for f in assessment.frameworks}
    # Loading resolves every citation, so an unknown evidence/… reference has already failed above.
    cited = {c.ref for _, c in walk_citations(assessment) if c.ref.startswith(PREFIX)}
    assert cited, f"{flagship.name} cites no evidence"


def _contested(flagship: Path) -> list[Estimate]:
    """Every detection figure whose ends carry their own sources."""
    figures = [m.detection for m in load(flagship).assessment.measures if m.detection is not None]
    return [e for f in figures for e in (getattr(f, name) for name in type(f).model_fields)
            if isinstance(e, Estimate) and e.low_cite and e.high_cite]


def _anchors(estimate: Estimate, end: str) -> list[str]:
    return [f"#bib-{c.ref}" for c in getattr(estimate, f"{end}_cite")]


@pytest.mark.parametrize("flagship", FLAGSHIPS, ids=lambda p: p.name)
def test_a_contested_figure_renders_as_a_range_with_the_sources_of_both_ends(flagship: Path, tmp_path: Path) -> None:
    contested = _contested(flagship)
    assert contested, f"{flagship.name} has no contested detection figure"
    render(flagship, tmp_path, ["md", "html"])
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    page = html.unescape((tmp_path / "index.html").read_text(encoding="utf-8"))
    # Markdown: the range cell reads "<low> – <high> (Low: <sources>; High: <sources>)".
    md_cells = re.findall(r"– [^|]*\(Low: (.*?); High: (.*?)\) \|", md)
    # HTML: the range cell holds the range, then one line of sources per end.
    html_cells = re.findall(r'<td class="small">[^<]* – [^<]*<br><span class="cites">Low: (.*?)</span>'
                            r'<br><span class="cites">High: (.*?)</span></td>', page)
    for estimate in contested:
        low, high = _anchors(estimate, "low"), _anchors(estimate, "high")
        for cells in (md_cells, html_cells):
            assert any(all(a in lo for a in low) and all(a in hi for a in high) for lo, hi in cells), (low, high)


@pytest.mark.parametrize("flagship", FLAGSHIPS, ids=lambda p: p.name)
def test_citing_the_evidence_moved_no_verdict(flagship: Path) -> None:
    results = evaluate(flagship).results
    assert {mid: m.verdict for mid, m in results.measures.items()} == VERDICTS[flagship.name]
