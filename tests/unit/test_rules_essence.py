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
    s.interferes("eu-charter/art-7", severity="very-serious", because="All content read.", reaches_essence=True,
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
    s.interferes("eu-charter/art-7", severity="very-serious", because="Authorities read all content.")
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
    s.interferes("eu-charter/art-7", severity="serious", because="x")
    assert measure(a).steps["essence"].status == "satisfied"


def test_absolute_right() -> None:
    a = new()
    child_aim(a)
    s = well_formed(a)
    s.interferes("eu-charter/art-1", severity="minor", because="Degrading treatment of users.")
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
    fwd.interferes("eu-charter/art-7", severity="very-serious", because="Police get all messages.")
    s.feeds(fwd)
    m = measure(a, "forward")
    assert m.verdict == "essence-violated"
    assert m.interferences[0].inherited_from == ["scan"]
