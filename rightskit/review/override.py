"""A reviewer's overrides, weighed by the engine's own verdict calculus (``evaluate/verdict.py``).

An override changes a finding's status; it never changes a verdict by itself. The measure's steps are
rebuilt from its findings with the reviewer's statuses, and :func:`~rightskit.evaluate.verdict.judge`
decides again, so a reviewed verdict obeys every rule an engine verdict obeys:

* ``satisfied`` removes the finding's failure, and its structural ground with it (the reviewer holds
  that the ground does not obtain on the facts); the other findings still count;
* ``accepted-risk`` keeps the failure as a condition (a concern); a finding that establishes a
  structural ground, or reaches the essence, cannot be accepted as a risk, since no condition cures it
  (:func:`refusal` says why);
* ``concern``, ``not-satisfied`` and ``undetermined`` take that status; a not-satisfied override keeps
  the finding's ground, if it has one, and is otherwise a condition;
* where the engine stopped the test at the essence and the reviewer lifts that stop, the steps the
  engine did not assess are undetermined: a reviewed verdict is never better than the steps assessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..evaluate.context import StepInfo
from ..evaluate.note import Note
from ..evaluate.registry import RuleRegistry
from ..evaluate.results import Finding, MeasureResult, Status
from ..evaluate.verdict import Judgement, StepOutcome, judge, worst
from ..model.review import OverrideStatus

#: The note of a step the engine skipped at the essence, once a reviewer's override lifts the stop.
NOT_ASSESSED = ("Not assessed by the engine (the test stopped at the essence, which the reviewer's override "
                "lifts): information is missing.")


@dataclass(frozen=True, slots=True)
class ReviewedVerdict:
    """The reviewer's view of one measure: the verdict the calculus gives with the overrides."""

    verdict: str
    reason: str
    overrides: tuple[str, ...]  # the finding ids overridden, in the measure's order


def refusal(finding: Finding, status: OverrideStatus, stops: bool) -> str:
    """Why the calculus cannot take ``status`` for ``finding`` ('' when it can)."""
    if status == finding.status:
        return f"the override repeats the engine's status '{status}'"
    if status == "accepted-risk":
        if finding.status == "satisfied":
            return "there is no risk to accept: the engine found the finding satisfied"
        if finding.ground or (stops and finding.status == "not-satisfied"):
            ground = finding.ground or "essence"
            return (f"a structural ground ('{ground}') cannot be accepted as a risk: no condition cures it, "
                    "so the calculus would not allow it")
    return ""


def _note(f: Finding, status: OverrideStatus | None) -> Note:
    if status is None:
        return Note("", f.status, f.message, ground=f.ground, condition=f.condition,
                    recommendation=f.recommendation)
    condition = f.condition or f.message
    if status == "accepted-risk":
        return Note("", "concern", f.message, condition=condition)
    ground = f.ground if status == "not-satisfied" else None
    return Note("", status, f.message, ground=ground, condition=condition if status != "satisfied" else None)


def reviewed_verdict(measure: MeasureResult, overrides: Mapping[str, OverrideStatus],
                     registry: RuleRegistry) -> ReviewedVerdict | None:
    """The verdict of ``measure`` with the reviewer's statuses, or None when none of its findings is overridden."""
    outcomes: list[StepOutcome] = []
    used: list[str] = []
    lifted = False
    for step_id, step in measure.steps.items():
        info = StepInfo(step_id, step_id)
        if step.skipped:
            outcomes.append(StepOutcome(info, "undetermined", ((step_id, Note("", "undetermined", NOT_ASSESSED)),),
                                        skipped=not lifted))
            continue
        notes: list[tuple[str, Note]] = []
        for f in step.findings:
            status = overrides.get(f.id)
            if status is not None:
                used.append(f.id)
            notes.append((f.rule, _note(f, status)))
        stops_with = next((rule.stops_with for f in step.findings if f.rule in registry
                           for rule in [registry.get(f.rule)] if rule.stops_with), None)
        status_now: Status = worst(n.status for _, n in notes)
        outcomes.append(StepOutcome(info, status_now, tuple(notes), stops_with=stops_with))
        # The engine skipped what follows a failed essence step; an override that lifts it leaves them open.
        lifted = lifted or (stops_with is not None and step.status == "not-satisfied" and status_now != step.status)
    if not used:
        return None
    j: Judgement = judge(outcomes)
    return ReviewedVerdict(j.verdict, j.reason, tuple(used))


def stops(finding: Finding, registry: RuleRegistry) -> bool:
    """True when ``finding``'s rule ends the test when not satisfied (the essence)."""
    return finding.rule in registry and registry.get(finding.rule).stops_with is not None
