"""The ECHR Art. 8(2) method: its three questions, in the Convention's terms, on the shipped frameworks."""

from __future__ import annotations

from typing import Any

import pytest

from rightskit.authoring import Assessment
from rightskit.evaluate import evaluate
from rightskit.evaluate.results import ConventionResult, EvaluationResult
from rightskit.graph import build_graph
from rightskit.load import FrameworkLibrary, packaged_frameworks_dir, resolve

SOURCE = ["judgment"]
ALL_MINIMUM = ("serious-crime-threshold", "objective-targeting", "sunset-clause", "retention-limits", "data-security")


def _run(a: Assessment) -> EvaluationResult:
    return evaluate(build_graph(resolve(a.build(), FrameworkLibrary([packaged_frameworks_dir()]),
                                        lambda p: None, "test")))


def _case(as_of: str = "2010-05-18", severity: str = "serious", safeguards: tuple[str, ...] = ALL_MINIMUM,
          frameworks: tuple[str, ...] = ("echr",), **measure: Any) -> Assessment:
    a = Assessment("Convention test", as_of=as_of, frameworks=list(frameworks))
    a.source("judgment", "A judgment", kind="judgment")
    a.instrument("act", "An interception act", url="https://example.org/act",
                 versions=[{"id": "1970-01-01", "valid_from": "1970-01-01", "status": "in-force", "verified": False}],
                 provisions=[{"id": "s-1", "title": "Warrants", "pinpoint": "s. 1", "url": "https://example.org/act",
                              "summary": "Interception under a warrant.", "verified": False}])
    a.aim("security", "National security", kind="general-interest", importance="very-high", cite=SOURCE)
    fields: dict[str, Any] = {
        "actor": "Intelligence service", "actor_type": "public-authority", "mandatory": True, "scope": "targeted",
        "data_categories": ["content"], "purposes": ["national-security"], "legal_basis": ["act/s-1"],
        "aims": ["security"], "authorised_by": "court",
        "effectiveness": {"level": "medium", "statement": "Finds threats.", "cite": SOURCE}, **measure}
    m = a.measure("intercept", "Interception", kind=fields.pop("kind", "interception"), **fields)
    right = "echr/art-8" if "echr" in frameworks else "eu-charter/art-7"
    m.interferes(right, severity=severity, rationale="Reads private communications.")
    for t in (*safeguards, "prior-authorisation", "independent-oversight"):
        a.safeguard(t, t, type=f"safeguards/{t}", source="act/s-1").mitigates(m, right, strength="moderate")
    return a


def _convention(a: Assessment) -> ConventionResult:
    c = _run(a).measures["intercept"].convention
    assert c is not None
    return c


def test_the_echr_framework_runs_the_convention_method_and_the_charter_alone_does_not() -> None:
    result = _run(_case())
    assert result.methods == ["echr"] and result.measures["intercept"].convention is not None
    charter = _case(as_of="2015-01-01", frameworks=("eu-charter",))
    charter_result = _run(charter)
    assert charter_result.methods == ["charter"] and charter_result.measures["intercept"].convention is None


def test_a_law_with_its_minimum_safeguards_and_guarantees_is_no_violation() -> None:
    c = _convention(_case())
    assert c.verdict == "no-violation"
    assert [t.id for t in c.tests] == ["in-accordance-with-the-law", "legitimate-aim",
                                       "necessary-in-a-democratic-society"]
    assert "national security" in c.tests[1].message
    # Messages speak the Convention's language, not the Charter's.
    assert all("Charter" not in t.message for t in c.tests) and "Art. 8" in c.reason


def test_a_missing_minimum_safeguard_means_not_in_accordance_with_the_law() -> None:
    c = _convention(_case(safeguards=("serious-crime-threshold", "objective-targeting", "retention-limits",
                                      "data-security")))
    assert c.verdict == "violation"
    law = c.tests[0]
    assert law.status == "not-satisfied" and "a limit on its duration" in law.message and "§ 95" in law.message
    assert any(x.ref == "case-law/weber-saravia/minimum-safeguards-foreseeability" for x in law.cite)


def test_weber_is_not_applied_before_it_was_decided() -> None:
    c = _convention(_case(as_of="1990-01-01", safeguards=()))
    assert c.tests[0].status == "satisfied"
    assert any("not yet case law" in r for r in c.tests[0].reasons)


def test_a_lighter_interference_answers_to_the_general_requirements() -> None:
    # Uzun § 66: GPS tracking is less intrusive than interception; Weber's strict list does not apply as such.
    c = _convention(_case(severity="moderate", safeguards=(), kind="collection", data_categories=["location-data"]))
    assert c.tests[0].status == "satisfied" and any("Uzun" in r for r in c.tests[0].reasons)


@pytest.mark.parametrize("authoriser", ["executive", "prosecutor"])
def test_no_independent_guarantee_is_a_violation_of_necessity(authoriser: str) -> None:
    a = _case(authorised_by=authoriser)
    a._sections["safeguards"] = [s for s in a._sections["safeguards"] if s.id != "independent-oversight"]
    c = _convention(a)
    assert c.verdict == "violation"
    assert c.tests[2].status == "not-satisfied" and "guarantees against abuse" in c.tests[2].message
