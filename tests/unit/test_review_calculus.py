"""The review file's model, and overrides weighed by the engine's verdict calculus (docs/review.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from rightskit.evaluate import default_registry
from rightskit.evaluate.results import EvaluationResult, MeasureResult
from rightskit.model.review import FindingReview, Override, Review, SignOff
from rightskit.review import assess
from rightskit.review.actions import planned_actions
from rightskit.review.override import reviewed_verdict

STEPS = ["legality", "essence", "legitimate-aim", "suitability", "necessity", "proportionality", "safeguards"]
HASH = "a" * 64


def _finding(step: str, suffix: str, status: str, **extra: Any) -> dict[str, Any]:
    return {"id": f"m/{step}/{suffix}", "rule": step, "status": status, "message": f"{step} {suffix} {status}.",
            **extra}


def _measure(findings: dict[str, list[dict[str, Any]]], verdict: str = "undetermined",
             skipped: tuple[str, ...] = ()) -> MeasureResult:
    steps = {}
    for sid in STEPS:
        fs = findings.get(sid, [_finding(sid, "ok", "satisfied")])
        worst = next((s for s in ("not-satisfied", "undetermined", "concern") if any(f["status"] == s for f in fs)),
                     "satisfied")
        steps[sid] = {"status": "undetermined" if sid in skipped else worst, "summary": sid,
                      "findings": [] if sid in skipped else fs, "skipped": sid in skipped}
    return MeasureResult.model_validate({"title": "M", "verdict": verdict, "verdict_reason": "r", "steps": steps})


def _results(m: MeasureResult) -> EvaluationResult:
    return EvaluationResult(assessment="a", title="A", as_of="2022-06-01", rightskit_version="0", frameworks=[],
                            measures={"m": m}, rights={}, disclaimer="d")


def _review(**findings: FindingReview) -> Review:
    return Review(findings=findings)


def _record(status: str = "disputed", override: str | None = None) -> FindingReview:
    return FindingReview(status=status, reviewer="A. Reviewer", date=dt.date(2026, 11, 30),  # type: ignore[arg-type]
                         override=Override(status=override, reasons=["Because."]) if override else None)  # type: ignore[arg-type]


TWO_GROUNDS = {"safeguards": [
    _finding("safeguards", "weak:oversight", "not-satisfied", ground="essential-safeguard-missing"),
    _finding("safeguards", "weak:sunset", "not-satisfied", ground="essential-safeguard-missing"),
]}


# --- the model ---------------------------------------------------------------------------------------


def test_the_model_forbids_unknown_fields_and_describes_every_field() -> None:
    with pytest.raises(ValidationError, match="reviwer"):
        FindingReview.model_validate({"status": "open", "reviwer": "x", "date": "2026-11-30"})
    for model in (Review, FindingReview, Override, SignOff):
        assert model.model_config["extra"] == "forbid"
        assert all(f.description for f in model.model_fields.values()), model.__name__


def test_an_override_needs_a_reason_and_a_sign_off_a_sha256() -> None:
    with pytest.raises(ValidationError, match="at least 1 item"):
        Override.model_validate({"status": "satisfied", "reasons": []})
    with pytest.raises(ValidationError, match="pattern"):
        SignOff.model_validate({"by": "C", "role": "R", "date": "2026-12-02", "inputs": "abc"})
    assert SignOff.model_validate({"by": "C", "role": "R", "date": "2026-12-02", "inputs": HASH}).inputs == HASH


# --- overrides through the calculus ------------------------------------------------------------------


def test_satisfying_one_of_two_structural_grounds_leaves_the_measure_disproportionate() -> None:
    m = _measure(TWO_GROUNDS, "disproportionate")
    view = reviewed_verdict(m, {"m/safeguards/weak:sunset": "satisfied"}, default_registry())
    assert view is not None
    assert view.verdict == "disproportionate"
    assert "essential" in view.reason and view.overrides == ("m/safeguards/weak:sunset",)


def test_satisfying_every_ground_is_recomputed_not_assumed() -> None:
    m = _measure({**TWO_GROUNDS, "necessity": [_finding("necessity", "alt", "concern", condition="Examine it.")]},
                 "disproportionate")
    view = reviewed_verdict(m, {"m/safeguards/weak:sunset": "satisfied", "m/safeguards/weak:oversight": "satisfied"},
                            default_registry())
    assert view is not None
    # The concern still counts: the calculus gives conditions, not 'proportionate'.
    assert view.verdict == "proportionate-with-conditions"
    assert "Examine it." in view.reason


def test_accepted_risk_is_a_condition() -> None:
    m = _measure({"proportionality": [_finding("proportionality", "balance", "undetermined")]})
    view = reviewed_verdict(m, {"m/proportionality/balance": "accepted-risk"}, default_registry())
    assert view is not None and view.verdict == "proportionate-with-conditions"


def test_a_structural_ground_cannot_be_accepted_as_a_risk() -> None:
    m = _measure(TWO_GROUNDS, "disproportionate")
    out = assess(_results(m), _review(**{"m/safeguards/weak:sunset": _record(override="accepted-risk")}), HASH)
    assert [p.message for p in out.problems] == [
        "override of 'm/safeguards/weak:sunset' to 'accepted-risk' refused: a structural ground "
        "('essential-safeguard-missing') cannot be accepted as a risk: no condition cures it, so the calculus "
        "would not allow it"]
    assert out.verdicts == {}, "a refused override changes nothing"


def test_lifting_the_essence_stop_leaves_the_skipped_steps_undetermined() -> None:
    later = tuple(STEPS[2:])
    m = _measure({"essence": [_finding("essence", "reached", "not-satisfied")]}, "essence-violated", skipped=later)
    out = assess(_results(m), _review(**{"m/essence/reached": _record(override="satisfied")}), HASH)
    assert out.problems == []
    assert out.verdicts["m"].verdict == "undetermined"
    assert "legitimate-aim" in out.verdicts["m"].reason


def test_the_essence_cannot_be_accepted_as_a_risk() -> None:
    m = _measure({"essence": [_finding("essence", "reached", "not-satisfied")]}, "essence-violated",
                 skipped=tuple(STEPS[2:]))
    out = assess(_results(m), _review(**{"m/essence/reached": _record(override="accepted-risk")}), HASH)
    assert "('essence') cannot be accepted as a risk" in out.problems[0].message


def test_an_override_that_repeats_the_engine_is_refused() -> None:
    m = _measure(TWO_GROUNDS, "disproportionate")
    out = assess(_results(m), _review(**{"m/safeguards/weak:sunset": _record(override="not-satisfied")}), HASH)
    assert "repeats the engine's status" in out.problems[0].message


# --- stale ids, sign-off, action plan ----------------------------------------------------------------


def test_a_stale_id_is_named_with_the_nearest_existing_id() -> None:
    m = _measure(TWO_GROUNDS, "disproportionate")
    out = assess(_results(m), _review(**{"m/safeguards/weak:sunst": _record("accepted")}), HASH)
    (stale,) = out.stale
    assert (stale.id, stale.what, stale.nearest) == ("m/safeguards/weak:sunst", "finding", "m/safeguards/weak:sunset")
    assert out.findings == {}
    (problem,) = out.problems_all()
    assert problem.message == "stale finding id 'm/safeguards/weak:sunst': the results have no such finding"
    assert problem.hint.startswith("did you mean 'm/safeguards/weak:sunset'?")


def test_the_sign_off_is_current_only_for_the_hash_of_the_inputs() -> None:
    m = _measure({})
    signed = Review(sign_off=SignOff(by="C", role="R", date=dt.date(2026, 12, 2), inputs=HASH))
    assert assess(_results(m), signed, HASH).signed_current
    assert not assess(_results(m), signed, "b" * 64).signed_current
    assert assess(_results(m), None, HASH).sign_off is None


def test_the_action_plan_lists_conditions_amendments_and_good_practice_by_stable_id() -> None:
    m = _measure({
        "necessity": [_finding("necessity", "alt", "concern", condition="Examine the alternatives."),
                      _finding("necessity", "alt2", "concern", condition="Examine the alternatives.")],
        "safeguards": [_finding("safeguards", "recommend:x", "satisfied", recommendation="Publish figures.")],
    }, "proportionate-with-conditions")
    data = m.model_dump()
    data["flip"] = {"carrying": [], "fix": ["safeguards/human-review"], "fix_possible": True, "explanation": "e"}
    planned = planned_actions(_results(MeasureResult.model_validate(data)))
    assert [(a.id, a.kind, a.text) for a in planned] == [
        ("m/necessity/alt", "condition", "Examine the alternatives."),  # the same condition once
        ("m/add/safeguards/human-review", "add-safeguard", "safeguards/human-review"),
        ("m/safeguards/recommend:x", "good-practice", "Publish figures."),
    ]
