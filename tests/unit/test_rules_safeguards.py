"""Rule 'safeguards': each required safeguard type, from the catalogue and the case law, is in place."""

from __future__ import annotations

from typing import Any

import pytest
from test_engine_support import (
    EDGE_CASES,
    GOOD_FIGURES,
    child_aim,
    edge_result,
    finding,
    measure,
    new,
    run,
    scan,
    well_formed,
)

EXPECTED = {
    "no-interferences": "not-satisfied", "no-aims": "satisfied", "feeds-cycle": "concern",
    "idle-safeguard": "satisfied", "alternative-unknown-effectiveness": "satisfied",
    "before-lapse": "satisfied", "after-lapse": "satisfied",
}


@pytest.mark.parametrize("case", EDGE_CASES)
def test_edge_cases(case: str) -> None:
    assert edge_result(case).steps["safeguards"].status == EXPECTED[case]


def test_idle_safeguard_changes_nothing() -> None:
    m = edge_result("idle-safeguard")
    assert all("safeguard:idle" not in f.nodes for s in m.steps.values() for f in s.findings)
    assert all(x.safeguard != "idle" for i in m.interferences for x in i.mitigations)
    assert m.flip is not None and "idle" not in m.flip.carrying


def test_each_missing_type_is_its_own_finding_with_its_sources() -> None:
    a = new()
    child_aim(a)
    s = scan(a)
    s.interferes("eu-charter/art-7", severity="serious", rationale="x")
    results = run(a)
    m = results.measures["scan"]
    missing = {f.id: f for f in m.steps["safeguards"].findings if f.status in ("not-satisfied", "concern")}
    assert set(missing) == {"scan/safeguards/missing:safeguards/human-review",
                            "scan/safeguards/missing:safeguards/retention-limits",
                            "scan/safeguards/missing:safeguards/error-rate-limits"}
    # Force: a court held automated analysis unlawful without human review of hits (essential: the step
    # fails); the catalogue alone asks for retention and error-rate limits (expected: conditions).
    assert missing["scan/safeguards/missing:safeguards/human-review"].status == "not-satisfied"
    assert missing["scan/safeguards/missing:safeguards/retention-limits"].status == "concern"
    assert m.verdict == "disproportionate" and m.ground == "essential-safeguard-missing"
    review = missing["scan/safeguards/missing:safeguards/human-review"]
    # Its sources and reasons are the shared requirement's, listed once in the results.
    assert review.requirement == "safeguards/human-review#1" and review.cite == [] and review.reasons == []
    shared = results.requirements[review.requirement]
    assert shared.type == "safeguards/human-review" and shared.certain
    refs = [c.ref for c in shared.cite]
    assert refs == ["case-law/lqdn/human-review", "reg-mini/art-3-1-g"]
    assert shared.cite[0].pinpoint == "paras 181-182" and shared.cite[0].note  # unverified pinpoint flagged
    assert shared.reasons[0].startswith("Essential: ") and shared.force == "essential"
    assert shared.reasons[1].startswith("Expected: the safeguard catalogue requires")
    assert {f.requirement for f in missing.values()} == {
        "safeguards/human-review#1", "safeguards/retention-limits#1", "safeguards/error-rate-limits#1"}
    assert m.missing_safeguards == ["safeguards/error-rate-limits", "safeguards/human-review",
                                    "safeguards/retention-limits"]


def test_criteria_follow_the_facts() -> None:
    # A targeted measure by a public authority: DRI 62 (prior review) and Schrems 95 (redress) apply,
    # the general-scope criteria do not.
    a = new()
    child_aim(a)
    s = scan(a, kind="access", actor_type="public-authority", scope="targeted", automated=False,
             data_categories=["traffic-data"])
    s.interferes("eu-charter/art-7", severity="serious", rationale="x")
    ids = {f.id.rsplit("/", 2)[-2] + "/" + f.id.rsplit("/", 1)[-1] for f in measure(a).steps["safeguards"].findings}
    assert ids == {"missing:safeguards/prior-authorisation", "missing:safeguards/redress"}


def test_voluntary_and_ineffective_safeguards() -> None:
    a = new()
    child_aim(a)
    s = well_formed(a)
    m0 = measure(a)
    assert finding(m0, "scan/safeguards/present:safeguards/human-review").status == "satisfied"
    a._sections["safeguards"][0].data["source"] = "voluntary"  # human review becomes voluntary
    m1 = measure(a)
    assert finding(m1, "scan/safeguards/voluntary:safeguards/human-review").status == "concern"
    a._sections["safeguards"][0].data["effective"] = False
    m2 = measure(a)
    f = finding(m2, "scan/safeguards/ineffective:safeguards/human-review")
    assert f.status == "not-satisfied" and "safeguard:review" in f.nodes
    assert "safeguards/human-review" in m2.missing_safeguards
    assert s.id == "scan"


def test_unknown_fact_makes_a_type_possibly_required() -> None:
    a = new(as_of="2024-06-01")   # after Podchasov (13 February 2024), whose criterion asks for it
    child_aim(a)
    well_formed(a, end_to_end_encrypted=None)
    results = run(a)
    f = finding(results.measures["scan"], "scan/safeguards/may-require:safeguards/e2ee-preservation")
    shared = results.requirements[f.requirement]
    assert f.status == "concern" and not shared.certain
    assert "measure.end_to_end_encrypted not given" in shared.reasons[0]
    assert f.reasons == ["State the unknown facts so the requirement can be decided."]  # its own, after the shared


def test_nothing_required() -> None:
    a = new()
    child_aim(a)
    s = scan(a, kind="other", automated=False)
    s.interferes("eu-charter/art-8", severity="minor", rationale="x")
    assert finding(measure(a), "scan/safeguards/none-required").status == "satisfied"


def test_a_judgment_after_the_as_of_date_is_not_applied() -> None:
    # Podchasov (13 February 2024) asks for end-to-end encryption to be preserved; an assessment as of
    # 2022 cannot rely on it: the requirement is not raised, and the judgment is listed as later case law.
    a = new(as_of="2022-06-01")
    child_aim(a)
    well_formed(a, end_to_end_encrypted=True)
    results = run(a)
    ids = [f.id for f in results.measures["scan"].steps["safeguards"].findings]
    assert "scan/safeguards/missing:safeguards/e2ee-preservation" not in ids
    assert any(name.startswith("Podchasov v Russia (2024-02-13)") for name in results.later_case_law)
    later = run(a, as_of="2024-06-01")
    assert "scan/safeguards/missing:safeguards/e2ee-preservation" in [
        f.id for f in later.measures["scan"].steps["safeguards"].findings]
    assert later.later_case_law == []


@pytest.mark.parametrize(("authoriser", "status"), [
    ("court", "satisfied"), ("independent-authority", "satisfied"), ("prosecutor", "not-satisfied"),
    ("executive", "not-satisfied"),
])
def test_who_authorises_decides_whether_prior_review_is_met(authoriser: str, status: str) -> None:
    # Access by authorities needs prior review by a court or an independent body (essential in the mini
    # data); an authorisation by the prosecutor directing the case, or by the executive, is recorded but
    # does not meet it (the catalogue's void_when).
    a = new()
    child_aim(a)
    s = scan(a, kind="access", actor_type="public-authority", automated=False, authorised_by=authoriser,
             scope="targeted", data_categories=["traffic-data"], detects=[])
    s.interferes("eu-charter/art-7", severity="serious", rationale="x")
    a.safeguard("ok", "Authorisation", type="safeguards/prior-authorisation", source="reg-mini/art-3").mitigates(
        s, "eu-charter/art-7", strength="strong")
    f = next(f for f in measure(a).steps["safeguards"].findings
             if f.id.endswith("safeguards/prior-authorisation"))
    assert f.status == status
    if status == "not-satisfied":
        assert f.id.startswith("scan/safeguards/void:") and "does not meet the requirement" in f.message
        assert f.ground == "essential-safeguard-missing"


def _chain(review_on: str, deletion_on: str) -> Any:
    """scan → report; human review and deletion recorded on the measure named for each."""
    a = new()
    child_aim(a)
    s = scan(a, detection=GOOD_FIGURES)
    s.interferes("eu-charter/art-7", severity="serious", rationale="Reads private messages.")
    report = a.measure("report", "Report", kind="reporting", legal_basis=["reg-mini/art-3"], scope="targeted",
                       aims=["protect-children"], end_to_end_encrypted=False,
                       effectiveness={"level": "medium", "statement": "Reports reach police.", "cite": ["study"]})
    report.interferes("eu-charter/art-8", severity="moderate", rationale="Sends data on.")
    s.feeds(report)
    on = {"scan": (s, "eu-charter/art-7"), "report": (report, "eu-charter/art-8")}
    for sid, type_, where in (("review", "human-review", review_on), ("deletion", "retention-limits", deletion_on)):
        target, right = on[where]
        a.safeguard(sid, sid.title(), type=f"safeguards/{type_}", source="reg-mini/art-3").mitigates(
            target, right, strength="strong")
    return run(a)


def test_review_before_the_report_protects_the_detection_along_the_chain() -> None:
    results = _chain(review_on="report", deletion_on="scan")
    m = results.measures["scan"]
    review = finding(m, "scan/safeguards/present:safeguards/human-review")
    assert review.status == "satisfied"
    assert "review (on downstream measure report)" in review.message
    assert any(r.startswith("Along the chain: Each hit is reviewed") for r in review.reasons)
    assert [c.ref for c in review.cite] == ["case-law/lqdn/human-review"]  # the chain's source, the finding's own
    assert {"safeguard:review", "measure:report"} <= set(review.nodes)
    assert "safeguards/human-review" not in m.missing_safeguards
    # The downstream safeguard meets the requirement; it does not lessen what the detection itself does.
    assert all(x.safeguard != "review" for i in m.interferences for x in i.mitigations)
    assert m.flip is not None and "review" in m.flip.carrying


def test_a_safeguard_that_does_not_reach_upstream_is_warned_about() -> None:
    results = _chain(review_on="scan", deletion_on="report")
    m = results.measures["scan"]
    gap = finding(m, "scan/safeguards/missing:safeguards/retention-limits")
    assert gap.status == "concern"
    assert any(r.startswith("Recorded only downstream (deletion on report): retention limits protects only the "
                            "measure it is recorded on") for r in gap.reasons)
    assert "safeguards/retention-limits" in m.missing_safeguards
    assert "Lay down retention limits in the law" in " ".join(m.conditions)


def test_missing_safeguards_are_split_by_who_must_act() -> None:
    a = new()
    child_aim(a)
    scan(a).interferes("eu-charter/art-7", severity="serious", rationale="x")
    results = run(a)
    assert results.missing_by_duty("scan") == {
        "law": ["Error-rate limits", "Retention limits"],  # no duty in the catalogue: the law's, by default
        "controller": ["Human review of hits"]}
    conditions = " ".join(results.measures["scan"].conditions)
    assert "Lay down retention limits in the law" in conditions
    from rightskit.evaluate.table import text_table

    text = text_table(results)
    assert ("Missing safeguards, by who must act:\n  scan:\n    the law must provide: Error-rate limits, Retention "
            "limits\n    the controller must implement: Human review of hits\n") in text


def test_the_condition_to_make_a_voluntary_safeguard_binding_names_it_in_the_language() -> None:
    from rightskit.translation import speaking
    from rightskit.translation.sentence import spoken, templated

    a = new()
    child_aim(a)
    well_formed(a)
    a._sections["safeguards"][0].data["source"] = "voluntary"
    with templated():
        f = finding(measure(a), "scan/safeguards/voluntary:safeguards/human-review")
    assert f.condition.startswith("Make human review of hits binding")
    with speaking("fr"):
        said = str(spoken(f.condition))
    # The safeguard type's French title, as a sentence names it, not the English one.
    assert "contrôle humain des résultats" in said and "human review" not in said, said
