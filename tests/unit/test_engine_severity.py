"""Residual severity after safeguards, cumulative severity per right, and chains of measures."""

from __future__ import annotations

from typing import Any

import pytest
from test_engine_support import child_aim, edge_case, measure, new, run, scan, well_formed

from rightskit.evaluate.calculus import Calculus
from rightskit.evaluate.severity import Applied, cumulative, residual
from rightskit.model import EngineSettings, Interference

CALC = Calculus.from_settings(EngineSettings())


def _residual(severity: str, *strengths: str, floor: int = 1, types: tuple[str | None, ...] = ()) -> int:
    itf = Interference(right="eu-charter/art-7", severity=severity, rationale="x")  # type: ignore[arg-type]
    applied = [Applied(f"s{i}", types[i] if i < len(types) else None, s, CALC.levels(s), True, True)
               for i, s in enumerate(strengths)]
    return residual(itf, floor, applied, ()).residual


@pytest.mark.parametrize(("severity", "strengths", "expected"), [
    ("very-serious", ("strong",), 2),             # 4 − 2
    ("very-serious", ("moderate", "weak"), 3),    # 4 − 1 − 0
    ("very-serious", ("strong", "strong"), 1),    # floored at minor
    ("serious", (), 3),
    ("minor", ("strong",), 1),                    # never below minor
    ("none", ("strong",), 0),                     # never above the recorded severity
])
def test_levels_and_floor(severity: str, strengths: tuple[str, ...], expected: int) -> None:
    assert _residual(severity, *strengths) == expected


def test_general_content_floor_is_moderate() -> None:
    assert _residual("very-serious", "strong", "strong", floor=2) == 2


def test_one_type_counts_once() -> None:
    assert _residual("very-serious", "strong", "strong", types=("t", "t")) == 2
    assert _residual("very-serious", "strong", "moderate", types=("t", "u")) == 1


def test_floor_in_the_result() -> None:
    a = new()
    child_aim(a)
    s = well_formed(a)
    a.safeguard("more", "More", type="safeguards/sunset-clause", source="reg-mini/art-3").mitigates(
        s, "eu-charter/art-7", strength="strong")
    art7 = next(i for i in measure(a).interferences if i.right == "eu-charter/art-7")
    assert art7.inherent == "serious" and art7.residual == "moderate"
    assert "floored at moderate" in art7.explanation
    assert [m.safeguard for m in art7.mitigations] == ["deletion", "error-cap", "more", "review"]


def test_cumulative_adds_a_level_when_several_measures_are_serious() -> None:
    one = cumulative("r", {"a": 3, "b": 1}, CALC)
    assert one.severity == 3 and "no level added" in one.explanation
    two = cumulative("r", {"b": 3, "a": 3}, CALC)
    assert two.severity == 4 and "+1 level" in two.explanation and list(two.measures) == ["a", "b"]
    top = cumulative("r", {"a": 4, "b": 4}, CALC)
    assert top.severity == 4 and "top of the scale" in top.explanation


def test_rights_results() -> None:
    a = new()
    child_aim(a)
    for mid in ("one", "two"):
        scan(a, mid).interferes("eu-charter/art-7", severity="serious", rationale="x")
    result = run(a)
    art7 = result.rights["eu-charter/art-7"]
    assert art7.title == "Respect for private life and communications"
    assert art7.measures == {"one": "serious", "two": "serious"}
    assert art7.cumulative == "very-serious"


def test_one_serious_measure_adds_no_level() -> None:
    a = new()
    child_aim(a)
    scan(a, "one").interferes("eu-charter/art-7", severity="serious", rationale="x")
    assert run(a).rights["eu-charter/art-7"].cumulative == "serious"


# -- chains ----------------------------------------------------------------------------------------

def test_chain_with_a_cycle_terminates_and_inherits() -> None:
    a, _, _ = edge_case("feeds-cycle")
    result = run(a)
    report = result.measures["report"]
    art8 = report.interferences[0]
    assert art8.inherited_from == ["scan"]
    assert "Upstream measures interfering with the same right: scan" in art8.explanation
    # 'report' states no population: it inherits the scan's 10 million as an upper bound.
    balance = report.steps["proportionality"].findings[0]
    assert any("10,000,000 people are affected (inherited from scan)" in r for r in balance.reasons)
    # 'scan' is downstream of 'remove' through the cycle but never of itself.
    assert result.measures["scan"].interferences[0].inherited_from == []


def test_own_population_wins_over_inherited() -> None:
    a = new()
    child_aim(a)
    s = well_formed(a)
    r: Any = a.measure("report", "Report", kind="reporting", legal_basis=["reg-mini/art-3"], aims=["protect-children"],
                       affected={"description": "Flagged users", "count": 500},
                       effectiveness={"level": "high", "statement": "x", "cite": ["study"]})
    r.interferes("eu-charter/art-8", severity="moderate", rationale="x")
    s.feeds(r)
    balance = measure(a, "report").steps["proportionality"].findings[0]
    assert any("500 people are affected, below mass scale" in reason for reason in balance.reasons)
