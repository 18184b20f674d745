"""The action plan: every condition and recommended amendment of the results, each under a stable id.

Ids come from the results, so a review file can name an item across runs: a condition or a good
practice is named by the finding that raised it; adding a safeguard type is '<measure>/add/<type>';
a structural failure that no safeguard cures is '<measure>/change-measure'.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..evaluate.results import EvaluationResult, MeasureResult, Status

#: What an action is: a condition of the verdict, an added safeguard type, a change to the measure
#: itself (no safeguard cures it), or good practice.
ActionKind = Literal["condition", "add-safeguard", "change-measure", "good-practice"]
_STRUCTURAL = ("disproportionate", "essence-violated")


@dataclass(frozen=True, slots=True)
class PlannedAction:
    """One item of the action plan as the results give it (owner and due date come from the review)."""

    id: str
    measure: str
    kind: ActionKind
    text: str  # the condition or recommendation; for add-safeguard, the safeguard type ref
    status: Status | None = None  # the engine's status of the finding it comes from, if any


def planned_actions(results: EvaluationResult) -> list[PlannedAction]:
    """Every item of the action plan, by measure (sorted by id), in the order the results give them."""
    return [a for mid, m in results.measures.items() for a in _of(mid, m)]


def _of(mid: str, m: MeasureResult) -> Iterator[PlannedAction]:
    seen: set[str] = set()
    for step in m.steps.values():
        for f in step.findings:
            # The calculus's conditions (verdict.py): a concern, or a failure that names no structural ground.
            if f.status == "concern" or (f.status == "not-satisfied" and not f.ground):
                text = f.condition or f.message
                if text not in seen:
                    seen.add(text)
                    yield PlannedAction(f.id, mid, "condition", text, f.status)
    if m.flip is not None and m.flip.fix:
        for ref in m.flip.fix:
            yield PlannedAction(f"{mid}/add/{ref}", mid, "add-safeguard", ref)
    elif m.flip is not None and not m.flip.fix_possible and m.verdict in _STRUCTURAL:
        yield PlannedAction(f"{mid}/change-measure", mid, "change-measure", m.flip.explanation)
    done: set[str] = set()
    for step in m.steps.values():
        for f in step.findings:
            if f.recommendation and f.recommendation not in done:
                done.add(f.recommendation)
                yield PlannedAction(f.id, mid, "good-practice", f.recommendation, f.status)
