"""Rule 'proportionality': residual burden against the weight of the aim, with the arithmetic shown."""

from __future__ import annotations

from typing import Any

import pytest
from test_engine_support import EDGE_CASES, child_aim, edge_result, finding, measure, new, scan, well_formed

EXPECTED = {
    "no-interferences": "satisfied", "no-aims": "undetermined", "feeds-cycle": "satisfied",
    "idle-safeguard": "satisfied", "alternative-unknown-effectiveness": "satisfied",
    "before-lapse": "satisfied", "after-lapse": "satisfied",
}


@pytest.mark.parametrize("case", EDGE_CASES)
def test_edge_cases(case: str) -> None:
    assert edge_result(case).steps["proportionality"].status == EXPECTED[case]


def test_arithmetic_is_explained() -> None:
    a = new()
    child_aim(a)
    well_formed(a)
    f = finding(measure(a), "scan/proportionality/balance")
    text = " ".join(f.reasons)
    # art-7 serious − human review (strong, 2) − two moderate safeguards (1 each) → floored at moderate (2),
    # doubled for a general measure reaching 10 million people → serious (4). Benefit: high (4) · very-high
    # (8) · plausible (1/2) = 16. W = 8 / 16 = 1/2: the benefit prevails.
    assert "highest residual severity moderate on" in text and "→ moderate (2)" in text
    assert "the measure is general and 10,000,000 people are affected: intensity doubled → serious (4)" in text
    assert "'Protect children from sexual abuse' (very-high): 8" in text and "plausible (1/2)" in text
    assert "W = (4 · 2 · 1) / (4 · 8 · 1/2) = 8 / 16 = 1/2" in text
    assert f.status == "satisfied" and "outweighs" in f.message
    assert {"safeguard:review", "safeguard:deletion", "safeguard:error-cap", "aim:protect-children"} <= set(f.nodes)


@pytest.mark.parametrize(("importance", "level", "status"), [
    ("very-high", "high", "satisfied"),     # W = 8 / (4·8·½) = 1/2
    ("very-high", "medium", "satisfied"),   # W = 8 / (2·8·½) = 1: a stalemate, within the margin
    ("high", "medium", "concern"),          # W = 8 / (2·4·½) = 2
    ("medium", "low", "not-satisfied"),     # W = 8 / (1·2·½) = 8: crime in general cannot justify this
])
def test_weighing(importance: str, level: str, status: str) -> None:
    a = new()
    child_aim(a, importance=importance)
    well_formed(a, effectiveness={"level": level, "statement": "x", "cite": ["study"]})
    m = measure(a)
    f = finding(m, "scan/proportionality/balance")
    assert f.status == status
    if status == "not-satisfied":
        assert f.ground == "balance-negative"
    if status == "concern":
        assert any("until the benefit prevails" in c for c in m.conditions)


def test_reliability_of_the_evidence_moves_the_balance() -> None:
    a = new()
    child_aim(a)
    well_formed(a, effectiveness={"level": "high", "statement": "x", "cite": ["study"], "reliability": "certain"})
    f = finding(measure(a), "scan/proportionality/balance")
    assert f.status == "satisfied" and "W = 1/4" in f.message      # 8 / (4·8·1)
    b = new()
    child_aim(b)
    well_formed(b, effectiveness={"level": "high", "statement": "x", "cite": []})
    f = finding(measure(b), "scan/proportionality/balance")
    assert f.status == "satisfied" and "stalemate" in f.message       # 8 / (4·8·¼) = 1
    assert "not-evidently-false (1/4)" in " ".join(f.reasons)


def test_missing_evidence_lowers_reliability_instead_of_freezing_the_step() -> None:
    a = new()
    child_aim(a)
    well_formed(a, effectiveness=None)
    f = finding(measure(a), "scan/proportionality/balance")
    # No evidence at all: moderate advance at the lowest reliability, 8 / (2·8·¼) = 2: the balance leans
    # against the measure and the step still decides (a concern, not undetermined).
    assert f.status == "concern"
    assert "not given (taken as moderate)" in " ".join(f.reasons)


def test_unknown_population_is_taken_as_mass_scale() -> None:
    a = new()
    child_aim(a, importance="high")
    well_formed(a, affected=None, effectiveness={"level": "medium", "statement": "x", "cite": ["study"]})
    f = finding(measure(a), "scan/proportionality/balance")
    assert f.status == "concern"                                      # 8 / (2·4·½) = 2
    assert any("its reach is not given (taken as mass scale)" in r for r in f.reasons)


def test_targeted_small_measure() -> None:
    a = new()
    child_aim(a, importance="high")
    s = scan(a, scope="targeted", affected={"description": "One suspect", "count": 1,
                                            "suspicion": "reasonable-suspicion"},
             effectiveness={"level": "medium", "statement": "x", "cite": ["study"]})
    s.interferes("eu-charter/art-7", severity="serious", rationale="x")
    f = finding(measure(a), "scan/proportionality/balance")
    assert f.status == "concern"  # no safeguard: (4·2) / (2·4·½) = 2
    assert any("not counted, because it is targeted (1 person is affected)" in r for r in f.reasons)
    a.safeguard("judge", "Judicial authorisation", type="safeguards/prior-authorisation",
                source="reg-mini/art-3").mitigates(s, "eu-charter/art-7", strength="strong")
    assert finding(measure(a), "scan/proportionality/balance").status == "satisfied"  # (1·2) / 4 = 1/2


@pytest.mark.parametrize("setting", [{"general_scope_penalty": 0}, {"mass_scale_threshold": 100_000_000}])
def test_settings_change_the_burden(setting: dict[str, Any]) -> None:
    def balance(settings: dict[str, Any] | None) -> str:
        a = new(settings=settings)
        child_aim(a, importance="high")
        well_formed(a, effectiveness={"level": "medium", "statement": "x", "cite": ["study"]})
        return str(finding(measure(a), "scan/proportionality/balance").status)
    # Without breadth the intensity stays moderate (2): (2·2) / (2·4·½) = 1 instead of (4·2) / 4 = 2.
    assert balance(None) == "concern"
    assert balance(setting) == "satisfied"


def test_ineffective_safeguard_counts_nothing() -> None:
    a = new()
    child_aim(a)
    s = well_formed(a)
    a.safeguard("paper", "On paper only", effective=False).mitigates(s, "eu-charter/art-8", strength="strong")
    m = measure(a)
    art8 = next(i for i in m.interferences if i.right == "eu-charter/art-8")
    paper = next(x for x in art8.mitigations if x.safeguard == "paper")
    assert paper.levels == 0 and not paper.effective
    assert "recorded as ineffective" in art8.explanation
