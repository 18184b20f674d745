"""Rule 'necessity': less intrusive alternatives and the scope of the measure."""

from __future__ import annotations

from typing import Any

import pytest
from test_engine_support import EDGE_CASES, child_aim, edge_result, finding, measure, new, scan, well_formed

EXPECTED = {
    "no-interferences": "concern", "no-aims": "not-satisfied", "feeds-cycle": "concern",
    "idle-safeguard": "concern", "alternative-unknown-effectiveness": "concern",
    "before-lapse": "concern", "after-lapse": "concern",
}


@pytest.mark.parametrize("case", EDGE_CASES)
def test_edge_cases(case: str) -> None:
    assert edge_result(case).steps["necessity"].status == EXPECTED[case]


def test_alternative_without_effectiveness_never_passes_silently() -> None:
    m = edge_result("alternative-unknown-effectiveness")
    f = finding(m, "scan/necessity/alternative:user-reports")
    # An alternative of unknown effectiveness does not defeat the measure, but the gap becomes a condition.
    assert f.status == "concern" and "necessity is not shown" in f.message
    assert "alternative:user-reports" in f.nodes
    assert m.verdict == "proportionate-with-conditions"
    assert any("'User reporting only' would not serve the aim as well" in c for c in m.conditions)


def _with_alternative(level: str | None, severity: str = "minor", **alt: Any) -> Any:
    a = new()
    child_aim(a)
    well_formed(a)
    fields: dict[str, Any] = {"replaces": ["scan"], "aims": ["protect-children"],
                              "interferes": [{"right": "eu-charter/art-7", "severity": severity}], **alt}
    if level is not None:
        fields["effectiveness"] = {"level": level, "statement": "Measured.", "cite": ["study"]}
    a.alternative("alt", "An alternative", **fields)
    return finding(measure(a), "scan/necessity/alternative:alt")


@pytest.mark.parametrize(("level", "severity", "status"), [
    ("high", "minor", "not-satisfied"),       # less intrusive, as effective: not strictly necessary
    ("medium", "minor", "satisfied"),         # less intrusive but less effective: does not defeat necessity
    ("high", "serious", "not-satisfied"),     # same top severity but art-8 untouched: lighter on every right
    ("high", "very-serious", "satisfied"),    # more intrusive
])
def test_alternatives(level: str, severity: str, status: str) -> None:
    assert _with_alternative(level, severity).status == status


def test_alternative_as_heavy_on_every_right_is_not_less_intrusive() -> None:
    f = _with_alternative("high", "serious", interferes=[{"right": "eu-charter/art-7", "severity": "serious"},
                                                         {"right": "eu-charter/art-8", "severity": "moderate"}])
    assert f.status == "satisfied" and "not less intrusive" in f.message


def test_alternative_for_other_aims_is_no_alternative() -> None:
    a = new()
    child_aim(a)
    a.aim("other", "Another aim", kind="general-interest", cite=["study"])
    well_formed(a)
    a.alternative("alt", "Alt", replaces=["scan"], aims=["other"],
                  effectiveness={"level": "high", "statement": "x", "cite": ["study"]})
    assert finding(measure(a), "scan/necessity/alternative:alt").status == "satisfied"


def test_no_alternatives_is_a_concern() -> None:
    a = new()
    child_aim(a)
    well_formed(a)
    assert finding(measure(a), "scan/necessity/alternatives").status == "concern"


@pytest.mark.parametrize(("fields", "severity", "status"), [
    ({"scope": "targeted"}, "serious", "satisfied"),
    ({"affected": {"description": "Users of services at risk", "suspicion": "risk-based"}}, "serious", "concern"),
    ({}, "moderate", "concern"),                                   # general but not serious
    ({}, "serious", "concern"),                                    # very-high aim, limited in time: exception
    ({"max_duration_months": None}, "serious", "not-satisfied"),   # not limited in time
])
def test_scope(fields: dict[str, Any], severity: str, status: str) -> None:
    a = new()
    child_aim(a)
    s = scan(a, **fields)
    s.interferes("eu-charter/art-7", severity=severity, rationale="x")
    assert finding(measure(a), "scan/necessity/scope").status == status


def test_general_serious_measure_for_an_ordinary_aim_fails() -> None:
    a = new()
    child_aim(a, importance="high")
    s = scan(a)
    s.interferes("eu-charter/art-7", severity="serious", rationale="x")
    f = finding(measure(a), "scan/necessity/scope")
    assert f.status == "not-satisfied" and "strictly necessary" in f.message
