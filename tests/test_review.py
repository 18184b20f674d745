"""Review files end to end: `rightskit review`, `check` on stale ids, and the review in every report format."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from harness import skip_or_fail

from rightskit import pipeline
from rightskit.cli import main

ROOT = Path(__file__).resolve().parents[1]
PROPOSAL = ROOT / "reports" / "csar-proposal-2022"
#: A valid one-measure assessment (the review fixtures share it).
BASE = ROOT / "tests" / "fixtures" / "invalid" / "review-stale-finding" / "assessment.yaml"

REVIEW = """\
findings:
  scan/legality/basis:
    status: accepted
    reviewer: A. Reviewer
    date: 2026-11-30
    comment: No law provides for the scanning.
  scan/suitability/evidence:
    status: disputed
    reviewer: B. <Adviser>
    date: 2026-12-01
    comment: The pilot's figures show it works.
    override:
      status: satisfied
      reasons: [The pilot report gives recall and precision.]
  scan/necessity/alternatives:
    status: needs-evidence
    reviewer: A. Reviewer
    date: 2026-11-30
sign_off:
  by: C. Counsel
  role: Legal adviser
  date: 2026-12-02
  inputs: {hash}
actions:
  scan/necessity/alternatives:
    owner: Policy unit
    due: 2027-03-31
"""


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    """A folder assessment with a review file signed off for its current inputs."""
    folder = tmp_path / "assessment"
    folder.mkdir()
    shutil.copy(BASE, folder / "assessment.yaml")
    digest = pipeline.evaluate(folder).input_hash
    (folder / "review.yaml").write_text(REVIEW.format(hash=digest), encoding="utf-8")
    return folder


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output + result.stderr
    return result.exit_code, result.stdout, result.stderr


# --- the command -------------------------------------------------------------------------------------


def test_review_lists_open_disputed_needs_evidence_and_the_sign_off(reviewed: Path) -> None:
    code, out, _ = _run("review", str(reviewed))
    assert code == 0
    assert "3 of 14 findings reviewed; 11 not yet reviewed (open)" in out
    assert "signed off by C. Counsel (Legal adviser) on 2026-12-02, for the current inputs" in out
    assert "disputed (1):\n  scan/suitability/evidence  [B. <Adviser>, 2026-12-01]" in out
    assert "needs-evidence (1):\n  scan/necessity/alternatives" in out
    assert "stale (0):" in out
    assert "scan: disproportionate → disproportionate" in out  # a concern satisfied cannot cure a structural ground


def test_review_json_on_the_flagship() -> None:
    code, out, _ = _run("review", str(PROPOSAL), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["review_file"].endswith("csar-proposal-2022/review.yaml")
    assert [x["id"] for x in data["disputed"]] == [
        "detection-order-known/safeguards/weak:safeguards/sunset-clause",
        "eu-centre-forwarding/safeguards/missing:safeguards/redress"]
    assert data["stale"] == [] and data["refused_overrides"] == []
    # Satisfying one of the two essential-safeguard failures leaves the other deciding.
    assert data["verdicts"]["detection-order-known"] == {
        **data["verdicts"]["detection-order-known"], "engine": "disproportionate", "reviewer": "disproportionate"}
    assert data["sign_off"]["by"] == "C. Counsel"


def test_stale_ids_are_listed_by_review_and_refused_by_check(reviewed: Path) -> None:
    review = reviewed / "review.yaml"
    review.write_text(review.read_text(encoding="utf-8").replace("scan/legality/basis:", "scan/legality/basic:"),
                      encoding="utf-8")
    code, out, _ = _run("review", str(reviewed))
    assert code == 0
    assert "stale (1):" in out
    where = reviewed / "review.yaml"
    assert f"{where}:2:3: finding scan/legality/basic — nearest existing id: scan/legality/basis" in out
    code, _, err = _run("check", str(reviewed))
    assert code == 1
    assert err.startswith(f"{reviewed / 'review.yaml'}:2:3: stale finding id 'scan/legality/basic'")
    assert "did you mean 'scan/legality/basis'?" in err


def test_a_single_file_assessment_has_its_review_beside_it(tmp_path: Path) -> None:
    shutil.copy(BASE, tmp_path / "scan.yaml")
    (tmp_path / "scan.review.yaml").write_text(
        "findings:\n  scan/legality/bassis: {status: open, reviewer: A, date: 2026-11-30}\n", encoding="utf-8")
    code, _, err = _run("check", str(tmp_path / "scan.yaml"))
    assert code == 1
    assert err.startswith(f"{tmp_path / 'scan.review.yaml'}:2:3: stale finding id 'scan/legality/bassis'")


def test_the_review_file_is_not_part_of_the_provenance_hash(reviewed: Path) -> None:
    before = pipeline.evaluate(reviewed).input_hash
    assert pipeline.review(reviewed).input_hash == before
    assert pipeline.review(reviewed).reviewed.signed_current


# --- the reports -------------------------------------------------------------------------------------


def _render(folder: Path, out: Path, formats: str) -> Path:
    code, _, err = _run("render", str(folder), "-o", str(out), "--format", formats)
    assert code == 0, err
    return out


def test_html_and_markdown_show_review_state_sign_off_and_action_plan(reviewed: Path, tmp_path: Path) -> None:
    out = _render(reviewed, tmp_path / "out", "html,md")
    html = (out / "index.html").read_text(encoding="utf-8")
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "<strong>Review:</strong> ✗ Disputed (B. &lt;Adviser&gt;, 2026-12-01)." in html  # escaped
    assert "Reviewer&#39;s status: Satisfied (the engine&#39;s: Concern)." in html
    assert "Signed off by C. Counsel (Legal adviser) on 2026-12-02." in html
    assert "Action plan" in html and "Policy unit" in html and "2027-03-31" in html
    assert "**Review:** ✓ Accepted \\(A. Reviewer, 2026-11-30\\)." in md
    assert "## 8 Review and sign-off" in md and "the inputs of this report" in md
    assert "| Policy unit | 2027-03-31 | scan/necessity/alternatives |" in md
    assert "**Reviewer's view: Disproportionate.**" in md


def test_a_report_without_a_review_says_not_signed_off(tmp_path: Path) -> None:
    shutil.copy(BASE, tmp_path / "assessment.yaml")
    out = _render(tmp_path, tmp_path / "out", "md")
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "**Not signed off.** No review file records a sign-off" in md
    assert "| not assigned | — | scan/necessity/alternatives |" in md


def test_a_sign_off_for_other_inputs_is_flagged(reviewed: Path, tmp_path: Path) -> None:
    review = reviewed / "review.yaml"
    text = review.read_text(encoding="utf-8")
    digest = pipeline.evaluate(reviewed).input_hash
    review.write_text(text.replace(digest, "f" * 64), encoding="utf-8")
    md = (_render(reviewed, tmp_path / "out", "md") / "report.md").read_text(encoding="utf-8")
    assert f"this report was made from other inputs \\({digest}\\): the sign-off does not cover it" in md


@pytest.mark.slow
def test_docx_shows_review_state_sign_off_and_action_plan(reviewed: Path, tmp_path: Path) -> None:
    import docx

    out = _render(reviewed, tmp_path / "out", "docx")
    d = docx.Document(str(out / "report.docx"))  # read back what was written
    text = "\n".join(p.text for p in d.paragraphs)
    cells = "\n".join(c.text for t in d.tables for row in t.rows for c in row.cells)
    assert "Signed off by C. Counsel (Legal adviser) on 2026-12-02." in text
    assert "Review and sign-off" in text and "Action plan" in text
    assert "Review: ✗ Disputed (B. <Adviser>, 2026-12-01)." in cells  # the annexed trace
    assert "Policy unit" in cells and "2027-03-31" in cells


@pytest.mark.slow
def test_pdf_shows_review_state_sign_off_and_action_plan(reviewed: Path, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext (poppler-utils) is not installed")
    out = _render(reviewed, tmp_path / "out", "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out / "report.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert "Signed off by C. Counsel (Legal adviser) on 2026-12-02." in flat
    assert "Review: ✗ Disputed (B. <Adviser>, 2026-12-01)." in flat
    assert "Action plan" in flat and "Policy unit" in flat


def test_check_summarises_a_valid_review(reviewed: Path) -> None:
    code, out, _ = _run("check", str(reviewed))
    assert code == 0
    assert out.rstrip().splitlines()[-1] == (
        f"  review: {reviewed / 'review.yaml'}: 3 finding records (2 open, disputed or needing evidence), "
        f"{len(pipeline.review(reviewed).reviewed.plan)} actions, signed off by C. Counsel on 2026-12-02")
