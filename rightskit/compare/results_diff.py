"""Compare two evaluations: verdicts, step statuses and residual severity, measure by measure and right by right."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .difference import MeasureOutcome, ResidualChange, ResultsDiff, RightOutcome, StepChange
from .model_diff import severity_direction

if TYPE_CHECKING:
    from ..evaluate.results import EvaluationResult, MeasureResult


def _residuals(result: MeasureResult | None) -> dict[str, str]:
    return {i.right: i.residual for i in result.interferences} if result else {}


def _step_order(a: MeasureResult | None, b: MeasureResult | None) -> list[str]:
    from ..evaluate.results import STEP_IDS

    seen = [*(a.steps if a else {}), *(b.steps if b else {})]
    known = [s for s in STEP_IDS if s in seen]
    return known + sorted({s for s in seen if s not in STEP_IDS})


def _measure(mid: str, a: MeasureResult | None, b: MeasureResult | None) -> MeasureOutcome:
    steps = []
    for step in _step_order(a, b):
        sa = a.steps.get(step) if a else None
        sb = b.steps.get(step) if b else None
        before, after = (sa.status if sa else None), (sb.status if sb else None)
        if before != after:
            steps.append(StepChange(step=step, before=before, after=after,
                                    summary_before=sa.summary if sa else None,
                                    summary_after=sb.summary if sb else None))
    ra, rb = _residuals(a), _residuals(b)
    residuals = [
        ResidualChange(right=r, before=ra.get(r), after=rb.get(r), direction=severity_direction(ra.get(r), rb.get(r)))
        for r in sorted(set(ra) | set(rb)) if ra.get(r) != rb.get(r)
    ]
    verdict_a, verdict_b = (a.verdict if a else None), (b.verdict if b else None)
    either = b or a
    assert either is not None
    return MeasureOutcome(
        measure=mid, title=either.title, presence="both" if a and b else "added" if b else "removed",
        verdict_before=verdict_a, verdict_after=verdict_b,
        verdict_reason_before=a.verdict_reason if a else None, verdict_reason_after=b.verdict_reason if b else None,
        changed=bool(verdict_a != verdict_b or steps or residuals), steps=steps, residuals=residuals,
    )


def diff_results(a: EvaluationResult, b: EvaluationResult, renames: Mapping[str, str] | None = None) -> ResultsDiff:
    """Verdict, step-status and residual-severity changes; A's measure ids mapped through ``renames``."""
    renames = renames or {}
    ma = {renames.get(k, k): v for k, v in a.measures.items()}
    mb = dict(b.measures)
    measures = [_measure(mid, ma.get(mid), mb.get(mid)) for mid in sorted(set(ma) | set(mb))]
    rights = []
    for rid in sorted(set(a.rights) | set(b.rights)):
        xa, xb = a.rights.get(rid), b.rights.get(rid)
        before, after = (xa.cumulative if xa else None), (xb.cumulative if xb else None)
        either = xb or xa
        title = either.title if either is not None else rid
        rights.append(RightOutcome(right=rid, title=title, before=before, after=after,
                                   direction=severity_direction(before, after)))
    return ResultsDiff(measures=measures, rights=rights)
