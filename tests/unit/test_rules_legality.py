"""Rule 'legality': a legal basis in force on the as-of date, of sufficient quality."""

from __future__ import annotations

import pytest
from test_engine_support import EDGE_CASES, child_aim, edge_result, finding, measure, new, well_formed

EXPECTED = {
    "no-interferences": "satisfied", "no-aims": "satisfied", "feeds-cycle": "satisfied",
    "idle-safeguard": "satisfied", "alternative-unknown-effectiveness": "satisfied",
    "before-lapse": "satisfied", "after-lapse": "not-satisfied",
}


@pytest.mark.parametrize("case", EDGE_CASES)
def test_edge_cases(case: str) -> None:
    step = edge_result(case).steps["legality"]
    assert step.status == EXPECTED[case]
    assert all(f.rule == "legality" for f in step.findings)


def test_before_and_after_the_basis_lapses() -> None:
    a = new()
    child_aim(a)
    well_formed(a)
    first = finding(measure(a, as_of="2022-06-01"), "scan/legality/basis")
    assert first.status == "satisfied" and "2021-08-02" in first.reasons[0]
    extended = finding(measure(a, as_of="2026-04-03"), "scan/legality/basis")
    assert extended.status == "satisfied" and "2024-05-15" in extended.reasons[0]
    lapsed = finding(measure(a, as_of="2026-04-04"), "scan/legality/basis")
    assert lapsed.status == "not-satisfied"
    assert "does not apply on 2026-04-04" in lapsed.message
    assert "provision:reg-mini/art-3" in lapsed.nodes
    assert [c.ref for c in lapsed.cite] == ["reg-mini/art-3"]


def test_before_the_regulation_applies() -> None:
    a = new()
    child_aim(a)
    well_formed(a)
    assert finding(measure(a, as_of="2021-08-01"), "scan/legality/basis").status == "not-satisfied"


def test_a_provision_repealed_inside_an_in_force_version() -> None:
    a = new()
    child_aim(a)
    well_formed(a, legal_basis=["reg-mini/art-9"])
    assert finding(measure(a, as_of="2024-05-14"), "scan/legality/basis").status == "satisfied"
    after = finding(measure(a, as_of="2024-05-15"), "scan/legality/basis")
    assert after.status == "not-satisfied" and "applied only until 2024-05-14" in after.reasons[0]


def test_one_basis_in_force_is_enough() -> None:
    a = new()
    child_aim(a)
    well_formed(a, legal_basis=["reg-mini/art-3", "reg-mini/art-9"])
    f = finding(measure(a, as_of="2025-01-01"), "scan/legality/basis")
    assert f.status == "satisfied"
    assert any("not in force" in r for r in f.reasons)


def test_a_proposal_is_assessed_as_if_adopted() -> None:
    a = new(frameworks=["eu-charter", "reg-mini", "csar-mini"])
    child_aim(a)
    well_formed(a, legal_basis=["csar-mini/art-7"])
    f = finding(measure(a), "scan/legality/basis")
    assert f.status == "satisfied" and "as if adopted" in f.message and "ex ante" in f.message.lower()
    assert any("proposal" in r for r in f.reasons)


def test_a_proposal_is_not_law_ex_post() -> None:
    a = new(frameworks=["eu-charter", "reg-mini", "csar-mini"], mode="ex-post")
    child_aim(a)
    well_formed(a, legal_basis=["csar-mini/art-7"])
    f = finding(measure(a), "scan/legality/basis")
    assert f.status == "not-satisfied" and "proposal" in f.message and f.ground == "no-legal-basis"


def test_no_basis() -> None:
    a = new()
    child_aim(a)
    well_formed(a, legal_basis=[])
    m = measure(a)
    f = finding(m, "scan/legality/basis")
    assert f.status == "not-satisfied" and "No legal basis" in f.message
    assert m.verdict == "disproportionate"


def test_quality_issues_serious_and_not() -> None:
    a = new()
    child_aim(a)
    s = well_formed(a)
    s.legality_issue("precise", "Which technologies are allowed is left open.", cite="study")
    s.legality_issue("foreseeable", "Nobody can tell when scanning applies.", serious=True)
    m = measure(a)
    assert finding(m, "scan/legality/quality-1-precise").status == "concern"
    serious = finding(m, "scan/legality/quality-2-foreseeable")
    assert serious.status == "not-satisfied" and "serious" in serious.reasons[1]
    assert m.steps["legality"].status == "not-satisfied"
    assert [c.ref for c in finding(m, "scan/legality/quality-1-precise").cite] == ["study"]


def test_no_issue_recorded_is_stated() -> None:
    a = new()
    child_aim(a)
    well_formed(a)
    assert finding(measure(a), "scan/legality/quality").status == "satisfied"


def _national_law(a: object, *, valid_from: str = "2015-01-01", status: str = "in-force", iid: str = "es-law") -> None:
    a.instrument(iid, "A national code of criminal procedure", url="https://www.boe.es/",  # type: ignore[attr-defined]
                 versions=[{"id": valid_from, "valid_from": valid_from, "status": status, "verified": False}],
                 provisions=[{"id": "art-1", "title": "Access by order of a judge", "url": "https://www.boe.es/",
                              "pinpoint": "Art. 1",
                              "summary": "Data may be disclosed only with judicial authorisation.",
                              "verified": False}])


def test_inline_national_law_is_a_legal_basis() -> None:
    a = new()
    child_aim(a)
    _national_law(a)
    well_formed(a, legal_basis=["es-law/art-1"])
    f = finding(measure(a), "scan/legality/basis")
    assert f.status == "satisfied" and "provision:es-law/art-1" in f.nodes


def test_inline_law_is_date_bounded_too() -> None:
    a = new()
    child_aim(a)
    _national_law(a, valid_from="2023-01-01")
    well_formed(a, legal_basis=["es-law/art-1"])
    assert finding(measure(a), "scan/legality/basis").status == "not-satisfied"   # as of 2022-06-01


def test_inline_instrument_may_not_take_a_shipped_id() -> None:
    from rightskit.errors import RightskitError

    a = new()
    child_aim(a)
    _national_law(a, iid="reg-mini")
    well_formed(a)
    with pytest.raises(RightskitError) as raised:
        measure(a)
    problems = [p.message for p in getattr(raised.value, "problems", [])]
    assert any("instrument 'reg-mini' has the id of a shipped framework" in m for m in problems), problems
