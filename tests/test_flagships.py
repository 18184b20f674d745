"""End to end: every flagship in reports/ checks, evaluates and yields schema-valid results; the diff
Interim Regulation → Commission proposal → Parliament mandate runs and reports the id carry-over."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from rightskit.cli import main
from rightskit.load import ASSESSMENT_NAMES

REPORTS = Path(__file__).resolve().parent.parent / "reports"
FLAGSHIPS = sorted(p for p in REPORTS.iterdir() if p.is_dir() and any((p / n).is_file() for n in ASSESSMENT_NAMES))
INTERIM = REPORTS / "interim-regulation-2021-1232"
PROPOSAL = REPORTS / "csar-proposal-2022"
EP = REPORTS / "csar-ep-position-2023"

#: Measure ids that are part of the CSA Regulation assessments' interface (issue 7).
CSAR_MEASURES = [
    "age-verification", "blocking-order", "detection-order-known", "detection-order-new",
    "detection-order-solicitation", "eu-centre-forwarding", "removal-order", "reporting", "risk-assessment",
    "risk-mitigation",
]
DETECTION_RENAMES = ["detect-known=detection-order-known", "detect-new=detection-order-new",
                     "detect-solicitation=detection-order-solicitation"]


def test_the_flagships_are_there() -> None:
    assert {p.name for p in FLAGSHIPS} >= {INTERIM.name, PROPOSAL.name, EP.name}


@pytest.mark.parametrize("flagship", FLAGSHIPS, ids=lambda p: p.name)
def test_flagship_checks_clean(flagship: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(flagship)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("✓ ")


@pytest.mark.parametrize("flagship", FLAGSHIPS, ids=lambda p: p.name)
def test_flagship_evaluates_to_schema_valid_results(flagship: Path) -> None:
    from rightskit.export import schema_json
    from rightskit.pipeline import evaluate

    bundle = evaluate(flagship)
    data = json.loads(bundle.results.model_dump_json())
    jsonschema.validate(data, json.loads(schema_json(results=True)))
    assert set(data["measures"]) == {m.id for m in bundle.resolved.assessment.measures}
    assert data["measures"], "a flagship without measures"


@pytest.mark.parametrize("flagship", [PROPOSAL, EP], ids=lambda p: p.name)
def test_csar_assessments_keep_the_interface_ids(flagship: Path) -> None:
    from rightskit.pipeline import load

    assert sorted(m.id for m in load(flagship).assessment.measures) == CSAR_MEASURES


@pytest.mark.parametrize("flagship", [PROPOSAL, EP], ids=lambda p: p.name)
def test_a_draft_is_assessed_as_if_adopted(flagship: Path) -> None:
    """Ex ante: no measure fails legality because the text is a draft; the finding says so as a note."""
    from rightskit.pipeline import evaluate

    results = evaluate(flagship).results
    assert results.mode == "ex-ante"
    for mid, m in results.measures.items():
        basis = next(f for f in m.steps["legality"].findings if f.id == f"{mid}/legality/basis")
        assert basis.status == "satisfied" and "as if adopted" in basis.message, (mid, basis.message)


@pytest.mark.parametrize("flagship", [INTERIM, PROPOSAL, EP], ids=lambda p: p.name)
def test_verdicts_differ_between_measures_and_name_their_ground(flagship: Path) -> None:
    from rightskit.pipeline import evaluate

    results = evaluate(flagship).results
    verdicts = {m.verdict for m in results.measures.values()}
    assert len(verdicts) > 1, verdicts
    for mid, m in results.measures.items():
        if m.verdict in ("disproportionate", "essence-violated"):
            assert (m.ground and m.verdict_reason.startswith("Decisive ground")) or m.ground == "essence", mid
        if m.verdict == "proportionate-with-conditions":
            assert m.conditions, mid


def test_csar_risk_assessment_is_not_judged_like_grooming_detection() -> None:
    from rightskit.pipeline import evaluate

    results = evaluate(PROPOSAL).results.measures
    assert results["detection-order-solicitation"].verdict == "disproportionate"
    for mid in ("risk-assessment", "reporting"):
        assert results[mid].verdict == "proportionate-with-conditions", (mid, results[mid].verdict_reason)


def _diff(a: Path, b: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, ["diff", str(a), str(b), "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    data: dict = json.loads(result.stdout)  # type: ignore[type-arg]
    return data


def test_diff_interim_to_proposal_reports_carry_over() -> None:
    d = _diff(INTERIM, PROPOSAL)
    assert d["a"]["id"] == INTERIM.name and d["b"]["id"] == PROPOSAL.name
    assert d["carried_over"]["measures"] == ["reporting"]
    assert d["carried_over"]["aims"] == ["combat-crime", "protect-children"]
    assert {"abuse-prevention", "complaints", "error-limits", "human-oversight", "least-intrusive"} <= set(
        d["carried_over"]["safeguards"])
    added = {c["key"][0] for c in d["changes"] if c["kind"] == "measure" and c["status"] == "added"}
    assert {"detection-order-known", "eu-centre-forwarding", "age-verification"} <= added
    reporting = next(c for c in d["changes"] if c["kind"] == "measure" and c["key"] == ["reporting"])
    assert any(f["field"] == "mandatory" and f["before"] is False and f["after"] is True for f in reporting["changes"])


def test_diff_interim_to_proposal_with_renames_pairs_voluntary_and_ordered_detection() -> None:
    args = [x for r in DETECTION_RENAMES for x in ("--rename", r)]
    d = _diff(INTERIM, PROPOSAL, *args)
    assert {"detection-order-known", "detection-order-new", "detection-order-solicitation", "reporting"} <= set(
        d["carried_over"]["measures"])
    known = next(c for c in d["changes"] if c["kind"] == "measure" and c["key"] == ["detection-order-known"])
    fields = {f["field"]: f for f in known["changes"]}
    assert (fields["mandatory"]["before"], fields["mandatory"]["after"]) == (False, True)
    assert (fields["end_to_end_encrypted"]["before"], fields["end_to_end_encrypted"]["after"]) == (False, True)


def test_diff_proposal_to_ep_carries_every_measure_over() -> None:
    d = _diff(PROPOSAL, EP)
    assert d["carried_over"]["measures"] == CSAR_MEASURES
    assert not [c for c in d["changes"] if c["kind"] == "measure" and c["status"] != "changed"]
    added_safeguards = {c["key"][0] for c in d["changes"] if c["kind"] == "safeguard" and c["status"] == "added"}
    assert {"e2ee-exclusion", "last-resort", "technology-audit"} <= added_safeguards
    known = next(c for c in d["changes"] if c["kind"] == "measure" and c["key"] == ["detection-order-known"])
    fields = {f["field"]: f for f in known["changes"]}
    assert (fields["scope"]["before"], fields["scope"]["after"]) == ("general", "targeted")
    assert (fields["end_to_end_encrypted"]["before"], fields["end_to_end_encrypted"]["after"]) == (True, False)
    if d["results"] is not None:
        rights = {r["right"]: r for r in d["results"]["rights"]}
        assert rights["eprivacy/confidentiality"]["direction"] == "better"


def test_diff_output_is_reproducible(tmp_path: Path) -> None:
    runner = CliRunner()
    outputs = []
    for name in ("one.html", "two.html"):
        out = tmp_path / name
        result = runner.invoke(main, ["diff", str(PROPOSAL), str(EP), "--format", "html", "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    text = runner.invoke(main, ["diff", str(PROPOSAL), str(EP)]).stdout
    assert "Carried over (same id in A and B):" in text and "detection-order-known" in text
