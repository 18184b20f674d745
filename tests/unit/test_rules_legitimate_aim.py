"""Rule 'legitimate-aim': at least one aim, recognised and sourced."""

from __future__ import annotations

import pytest
from test_engine_support import EDGE_CASES, child_aim, edge_result, finding, measure, new, well_formed


@pytest.mark.parametrize("case", EDGE_CASES)
def test_edge_cases(case: str) -> None:
    step = edge_result(case).steps["legitimate-aim"]
    assert step.status == ("not-satisfied" if case == "no-aims" else "satisfied")


def test_no_aim() -> None:
    a = new()
    well_formed(a, aims=[])
    f = finding(measure(a), "scan/legitimate-aim/no-aim")
    assert f.status == "not-satisfied" and f.nodes == ["measure:scan"]


def test_sourced_aim_is_satisfied_and_traced() -> None:
    a = new()
    child_aim(a)
    well_formed(a)
    f = finding(measure(a), "scan/legitimate-aim/aim:protect-children")
    assert f.status == "satisfied"
    assert f.nodes == ["measure:scan", "aim:protect-children", "right:eu-charter/art-24"]
    assert [c.ref for c in f.cite] == ["study"]


def test_only_unsourced_aims_are_undetermined() -> None:
    a = new()
    child_aim(a, cited=False)
    well_formed(a)
    m = measure(a)
    assert finding(m, "scan/legitimate-aim/aim:protect-children").status == "undetermined"
    assert m.verdict == "undetermined"


def test_unsourced_aim_beside_a_sourced_one_is_a_concern() -> None:
    a = new()
    child_aim(a)
    a.aim("deterrence", "Deter offenders", kind="general-interest", importance="medium")
    well_formed(a, aims=["protect-children", "deterrence"])
    m = measure(a)
    assert finding(m, "scan/legitimate-aim/aim:deterrence").status == "concern"
    assert m.steps["legitimate-aim"].status == "concern"
