"""Stage 4b, review: the reviewers' records read against the results the engine produced.

:func:`assess` joins a review file (``load/review.py``) to an evaluation: each finding's record, the
reviewer's verdict where an override changes one (``override.py``), the action plan with owners and
due dates (``actions.py``), the sign-off and whether it is for the current inputs, and every problem:
records whose id no longer exists (with the nearest existing id as a hint), and overrides the
calculus does not allow. It runs after evaluate and before render; the render stage only reads it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import Problem, SourceLocation
from ..evaluate.registry import RuleRegistry, default_registry
from ..evaluate.results import EvaluationResult, Finding
from ..load.validate import Locator
from ..model.review import Action, FindingReview, OverrideStatus, Review, SignOff
from .actions import ActionKind, PlannedAction, planned_actions
from .override import ReviewedVerdict, refusal, reviewed_verdict, stops

__all__ = ["ActionKind", "PlanItem", "ReviewOutcome", "ReviewedVerdict", "Stale", "assess"]


@dataclass(frozen=True, slots=True)
class Stale:
    """A record whose id names nothing in the results: the finding or action is gone or renamed."""

    id: str
    what: str  # 'finding' or 'action'
    nearest: str | None
    location: SourceLocation | None


@dataclass(frozen=True, slots=True)
class PlanItem:
    """An item of the action plan with its owner and due date, when the review gives them."""

    planned: PlannedAction
    action: Action | None


@dataclass
class ReviewOutcome:
    """What the review says about one evaluation; empty (nothing reviewed, not signed off) without a file."""

    file: str | None = None
    findings: dict[str, FindingReview] = field(default_factory=dict)
    verdicts: dict[str, ReviewedVerdict] = field(default_factory=dict)
    plan: list[PlanItem] = field(default_factory=list)
    sign_off: SignOff | None = None
    signed_current: bool = False
    stale: list[Stale] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problems_all(self) -> list[Problem]:
        """The stale records and refused overrides as located problems, in file order."""
        out = [*self.problems]
        for s in self.stale:
            hint = f"did you mean '{s.nearest}'? (the nearest existing {s.what} id)" if s.nearest else \
                f"remove the record: the results have no {s.what} ids"
            out.append(Problem(f"stale {s.what} id '{s.id}': the results have no such {s.what}", s.location,
                               hint))
        return sorted(out, key=lambda p: (p.location.line, p.location.col) if p.location else (0, 0))


def assess(results: EvaluationResult, review: Review | None, input_hash: str, *, file: str | None = None,
           locate: Locator | None = None, registry: RuleRegistry | None = None) -> ReviewOutcome:
    """Join ``review`` (None: no review file) to ``results``; ``locate`` maps a key path to its place."""
    planned = planned_actions(results)
    if review is None:
        return ReviewOutcome(plan=[PlanItem(a, None) for a in planned])
    where: Locator = locate or (lambda _path: None)
    registry = registry if registry is not None else default_registry()
    findings = {f.id: f for m in results.measures.values() for s in m.steps.values() for f in s.findings}
    out = ReviewOutcome(file=file, sign_off=review.sign_off,
                        signed_current=review.sign_off is not None and review.sign_off.inputs == input_hash)
    overrides: dict[str, OverrideStatus] = {}
    for fid, rec in review.findings.items():
        finding = findings.get(fid)
        if finding is None:
            out.stale.append(Stale(fid, "finding", _nearest(fid, findings), where(("findings", fid))))
            continue
        out.findings[fid] = rec
        if rec.override is not None:
            why = refusal(finding, rec.override.status, stops(finding, registry))
            if why:
                out.problems.append(Problem(f"override of '{fid}' to '{rec.override.status}' refused: {why}",
                                            where(("findings", fid, "override", "status")), _fix(finding)))
            else:
                overrides[fid] = rec.override.status
    for mid, m in results.measures.items():
        view = reviewed_verdict(m, overrides, registry)
        if view is not None:
            out.verdicts[mid] = view
    ids = {a.id for a in planned}
    for aid in review.actions:
        if aid not in ids:
            out.stale.append(Stale(aid, "action", _nearest(aid, ids), where(("actions", aid))))
    out.plan = [PlanItem(a, review.actions.get(a.id)) for a in planned]
    return out


def _fix(finding: Finding) -> str:
    if finding.ground:
        return "override to 'satisfied' only if the ground does not hold on the facts, and give the reasons"
    return "choose another status, or remove the override"


def _nearest(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.0)
    return close[0] if close else None
