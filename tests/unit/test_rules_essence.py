"""Rule 'essence': the author's judgement, absolute rights and the case-law essence patterns."""

from __future__ import annotations

import pytest
from test_engine_support import EDGE_CASES, child_aim, edge_result, finding, measure, new, scan, well_formed


@pytest.mark.parametrize("case", EDGE_CASES)
def test_edge_cases(case: str) -> None:
    m = edge_result(case)
    step = m.steps["essence"]
    assert step.status == "satisfied"
    assert m.verdict != "essence-violated"
    if case == "no-interferences":
        assert "No interference is recorded" in step.findings[0].message


def test_author_marks_the_essence_and_later_steps_are_skipped() -> None:
    a = new()
    child_aim(a)
    s = scan(a)
    s.interferes("eu-charter/art-7", severity="very-serious", rationale="All content read.", reaches_essence=True,
                 cite="study")
    m = measure(a)
    f = finding(m, "scan/essence/author:eu-charter/art-7")
    assert f.status == "not-satisfied" and "right:eu-charter/art-7" in f.nodes
    assert m.verdict == "essence-violated"
    later = list(m.steps)[list(m.steps).index("essence") + 1:]
    assert later and all(m.steps[s].skipped and m.steps[s].status == "undetermined" for s in later)
    assert all(not m.steps[s].findings for s in later)
    assert m.interferences[0].reaches_essence
    assert m.flip is not None and not m.flip.fix_possible


def test_schrems_pattern_matches_generalised_access_by_authorities() -> None:
    a = new()
    child_aim(a)
    s = scan(a, kind="access", actor_type="public-authority")
    s.interferes("eu-charter/art-7", severity="very-serious", rationale="Authorities read all content.")
    m = measure(a)
    f = finding(m, "scan/essence/pattern:eu-charter/art-7:1")
    assert f.status == "not-satisfied"
    assert "measure.actor_type in [public-authority, eu-body]" in f.reasons[0]
    assert [c.ref for c in f.cite] == ["case-law/schrems-i/essence-content"]
    assert m.verdict == "essence-violated"
    assert m.interferences[0].reaches_essence  # found by the pattern, not marked by the author


@pytest.mark.parametrize("fields", [
    {"actor_type": "provider"},                                  # a provider's own scanning
    {"actor_type": "public-authority", "scope": "targeted"},     # targeted access
    {"actor_type": "public-authority", "data_categories": ["traffic-data"]},  # metadata, not content
])
def test_pattern_needs_every_element(fields: dict[str, object]) -> None:
    a = new()
    child_aim(a)
    s = scan(a, kind="access", **fields)
    s.interferes("eu-charter/art-7", severity="serious", rationale="x")
    assert measure(a).steps["essence"].status == "satisfied"


def test_absolute_right() -> None:
    a = new()
    child_aim(a)
    s = well_formed(a)
    s.interferes("eu-charter/art-1", severity="minor", rationale="Degrading treatment of users.")
    m = measure(a)
    assert finding(m, "scan/essence/absolute:eu-charter/art-1").status == "not-satisfied"
    assert m.verdict == "essence-violated"


def test_inherited_content_completes_the_pattern() -> None:
    # A forwarding measure that states no data categories inherits 'content' from the scan that feeds it.
    a = new()
    child_aim(a)
    s = well_formed(a)
    fwd = a.measure("forward", "Forward everything to the police", kind="transfer", actor_type="public-authority",
                    legal_basis=["reg-mini/art-3"], aims=["protect-children"])
    fwd.interferes("eu-charter/art-7", severity="very-serious", rationale="Police get all messages.")
    s.feeds(fwd)
    m = measure(a, "forward")
    assert m.verdict == "essence-violated"
    assert m.interferences[0].inherited_from == ["scan"]


def _mandated_filter(as_of: str = "2024-01-01", **essence: object) -> object:
    a = new(as_of=as_of)
    child_aim(a)
    s = scan(a, kind="filtering", mandatory=True)
    extra = {"essence": essence} if essence else {}
    s.interferes("eu-charter/art-7", severity="serious", rationale="All messages filtered.", **extra)
    return measure(a)


def test_a_contested_pattern_is_argued_both_ways_until_the_author_decides() -> None:
    m = _mandated_filter()
    f = finding(m, "scan/essence/argued:eu-charter/art-7:mandated-filtering")
    assert f.status == "concern" and "Arguably the essence" in f.message
    assert any(r.startswith("For: ") for r in f.reasons) and any(r.startswith("Against: ") for r in f.reasons)
    assert m.verdict != "essence-violated"
    assert any("Decide whether the essence" in c for c in m.conditions)


def test_the_author_decides_a_contested_pattern_with_reasons() -> None:
    kept = _mandated_filter(reached=False, reasons="Only hits reach a person; nobody reads the rest.")
    f = finding(kept, "scan/essence/argued:eu-charter/art-7:mandated-filtering")
    assert f.status == "satisfied" and any("Only hits reach a person" in r for r in f.reasons)
    lost = _mandated_filter(reached=True, reasons="The law makes the providers read everyone's messages.")
    assert lost.verdict == "essence-violated"
    assert "The law makes the providers read" in finding(lost, "scan/essence/author:eu-charter/art-7").reasons[0]


def test_an_argument_is_not_made_before_its_source_existed() -> None:
    m = _mandated_filter(as_of="2022-06-01")
    assert all("argued:" not in f.id for f in m.steps["essence"].findings)


def test_the_author_may_depart_from_a_held_pattern_visibly() -> None:
    a = new()
    child_aim(a)
    s = scan(a, actor_type="public-authority")
    s.interferes("eu-charter/art-7", severity="serious", rationale="x",
                 essence={"reached": False, "reasons": "Access is to a tiny, pre-filtered subset."})
    m = measure(a)
    f = finding(m, "scan/essence/pattern:eu-charter/art-7:1")
    assert f.status == "concern" and any("pre-filtered subset" in r for r in f.reasons)
    assert m.verdict != "essence-violated"


def test_no_remedy_at_all_reaches_the_essence_of_art_47_and_redress_cures_it() -> None:
    # Schrems I, para. 95: the pattern reads the safeguards in place, so the flip analysis can cure it.
    a = new()
    child_aim(a)
    s = scan(a, kind="access", actor_type="public-authority", automated=False, scope="targeted",
             data_categories=["traffic-data"], detects=[])
    s.interferes("eu-charter/art-47", severity="serious", rationale="No way to challenge the access.")
    m = measure(a)
    assert m.verdict == "essence-violated"
    assert m.flip is not None and m.flip.fix_possible and "safeguards/redress" in (m.flip.fix or [])
    a.safeguard("court", "Complaint to a court", type="safeguards/redress", source="reg-mini/art-3").mitigates(
        s, "eu-charter/art-47", strength="strong")
    assert measure(a).steps["essence"].status == "satisfied"
