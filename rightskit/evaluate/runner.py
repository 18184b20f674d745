"""Run the method's steps on one measure view, in order, stopping where the law stops."""

from __future__ import annotations

from collections.abc import Sequence

from ..translation.sentence import sentence
from .context import EngineContext, MeasureView
from .method import PlannedStep
from .note import Note
from .verdict import StepOutcome, outcome


def run_steps(
    ctx: EngineContext, steps: Sequence[PlannedStep], view: MeasureView, reuse: Sequence[StepOutcome] | None = None,
) -> list[StepOutcome]:
    """Run the steps in order on ``view``; with ``reuse``, steps that ignore safeguards are not re-run."""
    out: list[StepOutcome] = []
    stop: StepOutcome | None = None
    for i, planned in enumerate(steps):
        if stop is not None:
            out.append(StepOutcome(planned.info, "undetermined", (), skipped=True))
            continue
        if reuse is not None and not reuse[i].uses_safeguards and not reuse[i].skipped:
            result = reuse[i]
        else:
            notes = [(rule.id, note) for rule in planned.rules for note in rule.run(ctx, view, planned.info)]
            if not notes:
                nothing = sentence("The rule produced no finding, so the step is not decided.")
                notes = [(planned.rules[0].id, Note("no-finding", "undetermined", nothing))]
            result = outcome(planned.info, planned.rules, notes)
        out.append(result)
        if result.stops_with and result.status == "not-satisfied":
            stop = result
    return out
