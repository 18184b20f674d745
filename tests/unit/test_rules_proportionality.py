"""Rule 'proportionality': residual burden against the weight of the aim, with the arithmetic shown."""

from __future__ import annotations

from typing import Any

import pytest
from test_engine_support import EDGE_CASES, child_aim, edge_result, finding, measure, new, scan, well_formed

EXPECTED = {
    "no-interferences": "undetermined", "no-aims": "undetermined", "feeds-cycle": "concern",
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
    # art-7 serious − human review (strong, 2) − two moderate safeguards (1 each) → floored at moderate (2).
    assert "highest residual severity moderate (2)" in text
    assert "+ 1 for general scope" in text
    assert "10,000,000 people affected ≥ 1,000,000: + 1" in text
    assert "very-high (4)" in text and "high (+1) → 5" in text
    assert "Burden 2 + 1 + 1 = 4; margin 5 − 4 = +1 → satisfied" in text
    assert {"safeguard:review", "safeguard:deletion", "safeguard:error-cap", "aim:protect-children"} <= set(f.nodes)


@pytest.mark.parametrize(("importance", "level", "status"), [
    ("very-high", "high", "satisfied"),     # 5 vs 4
    ("very-high", "medium", "concern"),     # 4 vs 4
    ("high", "medium", "not-satisfied"),    # 3 vs 4
    ("medium", "high", "not-satisfied"),    # crime in general cannot justify this
])
def test_weighing(importance: str, level: str, status: str) -> None:
    a = new()
    child_aim(a, importance=importance)
    well_formed(a, effectiveness={"level": level, "statement": "x", "cite": ["study"]})
    assert finding(measure(a), "scan/proportionality/balance").status == status


def test_unknown_population_computes_both_cases() -> None:
    a = new()
    child_aim(a)
    well_formed(a, affected=None, effectiveness={"level": "medium", "statement": "x", "cite": ["study"]})
    f = finding(measure(a), "scan/proportionality/balance")
    # 4 vs 3 without the scale level (satisfied), 4 vs 4 with it (concern): undetermined.
    assert f.status == "undetermined" and "not given" in f.message
    assert any(r.startswith("Without the scale level") for r in f.reasons)


def test_unknown_population_that_cannot_tip_the_balance() -> None:
    a = new()
    child_aim(a)
    well_formed(a, affected=None)
    assert finding(measure(a), "scan/proportionality/balance").status == "satisfied"


def test_targeted_small_measure() -> None:
    a = new()
    child_aim(a, importance="high")
    s = scan(a, scope="targeted", affected={"description": "One suspect", "count": 1,
                                            "suspicion": "reasonable-suspicion"},
             effectiveness={"level": "medium", "statement": "x", "cite": ["study"]})
    s.interferes("eu-charter/art-7", severity="serious", because="x")
    f = finding(measure(a), "scan/proportionality/balance")
    assert f.status == "concern"  # no safeguard: burden serious 3 vs benefit 3, margin 0
    a.safeguard("judge", "Judicial authorisation", type="safeguards/prior-authorisation",
                source="reg-mini/art-3").mitigates(s, "eu-charter/art-7", strength="strong")
    assert finding(measure(a), "scan/proportionality/balance").status == "satisfied"  # minor 1 vs 3


@pytest.mark.parametrize("setting", [{"general_scope_penalty": 0}, {"mass_scale_threshold": 100_000_000}])
def test_settings_change_the_burden(setting: dict[str, Any]) -> None:
    a = new(settings=setting)
    child_aim(a)
    well_formed(a, effectiveness={"level": "medium", "statement": "x", "cite": ["study"]})
    assert finding(measure(a), "scan/proportionality/balance").status == "satisfied"  # 4 vs 3


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
