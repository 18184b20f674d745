"""Rule 'suitability': sourced evidence of effectiveness and, for detection, the error profile."""

from __future__ import annotations

from typing import Any

import pytest
from test_engine_support import EDGE_CASES, child_aim, edge_result, finding, measure, new, well_formed


@pytest.mark.parametrize("case", EDGE_CASES)
def test_edge_cases(case: str) -> None:
    m = edge_result(case)
    step = m.steps["suitability"]
    if case == "feeds-cycle":  # the reporting measure: evidence given, not a detection measure
        assert step.status == "satisfied" and len(step.findings) == 1
    else:
        assert step.status == "satisfied"
        assert {f.id.rsplit("/", 1)[1] for f in step.findings} == {"evidence", "error-profile"}


@pytest.mark.parametrize(("evidence", "status"), [
    (None, "concern"),                                            # a condition, not a freeze
    ({"level": "high", "statement": "Works."}, "concern"),        # no source: lowest reliability
    ({"level": "none", "statement": "Finds nothing.", "cite": ["study"]}, "not-satisfied"),
    ({"level": "low", "statement": "Finds little.", "cite": ["study"]}, "concern"),
    ({"level": "medium", "statement": "Finds some.", "cite": ["study"]}, "satisfied"),
])
def test_evidence(evidence: dict[str, Any] | None, status: str) -> None:
    a = new()
    child_aim(a)
    well_formed(a, effectiveness=evidence)
    assert finding(measure(a), "scan/suitability/evidence").status == status


def _figures(fpr: float | None, prevalence: float | None = 1e-4) -> dict[str, Any]:
    fig: dict[str, Any] = {"items_per_day": {"value": 1e9, "cite": ["study"]}, "true_positive_rate": 0.9}
    if fpr is not None:
        fig["false_positive_rate"] = fpr
    if prevalence is not None:
        fig["prevalence"] = prevalence
    return fig


@pytest.mark.parametrize(("fpr", "status"), [(1e-3, "concern"), (1e-2, "not-satisfied"), (1e-6, "satisfied")])
def test_precision_thresholds(fpr: float, status: str) -> None:
    a = new()
    child_aim(a)
    s = well_formed(a)
    s.data["detection"] = _figures(fpr)
    f = finding(measure(a), "scan/suitability/error-profile")
    assert f.status == status
    assert any("Base rate: at a prevalence of 1 in 10,000" in r for r in f.reasons)


def test_thresholds_come_from_settings() -> None:
    a = new(settings={"precision_concern_below": 0.05, "precision_fail_below": 0.01})
    child_aim(a)
    s = well_formed(a)
    s.data["detection"] = _figures(1e-3)  # precision about 8%
    assert finding(measure(a), "scan/suitability/error-profile").status == "satisfied"


def test_unknown_inputs_leave_precision_undetermined() -> None:
    a = new()
    child_aim(a)
    s = well_formed(a)
    s.data["detection"] = _figures(1e-3, prevalence=None)
    f = finding(measure(a), "scan/suitability/error-profile")
    assert f.status == "concern" and "prevalence" in f.message


def test_detection_measure_without_figures() -> None:
    a = new()
    child_aim(a)
    s = well_formed(a)
    del s.data["detection"]
    f = finding(measure(a), "scan/suitability/error-profile")
    assert f.status == "concern" and "without detection figures" in f.message
    assert any("detection figures" in c.lower() or "error" in c.lower() for c in measure(a).conditions)
