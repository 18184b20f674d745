"""From step statuses to a verdict (``docs/engine.md``, "Verdicts").

In the method's order:

1. a step whose rule *stops the test* (the essence) is not satisfied → that rule's verdict,
   ``essence-violated``; the later steps are skipped;
2. any step not satisfied → ``disproportionate``;
3. any step undetermined → ``undetermined`` (information is missing; nothing passes silently);
4. any step with a concern → ``proportionate-with-conditions`` (the concerns are the conditions);
5. otherwise → ``proportionate``.

A step's status is the worst of its findings: not-satisfied, then undetermined, then concern, then
satisfied.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .context import StepInfo
from .registry import Note, Rule
from .results import Status, Verdict

_RANK: dict[str, int] = {"satisfied": 0, "concern": 1, "undetermined": 2, "not-satisfied": 3}


def worst(statuses: Iterable[Status]) -> Status:
    """The worst status, 'satisfied' when there is none."""
    out: Status = "satisfied"
    for s in statuses:
        if _RANK[s] > _RANK[out]:
            out = s
    return out


@dataclass(frozen=True, slots=True)
class StepOutcome:
    """What one step concluded for one measure under one scenario."""

    step: StepInfo
    status: Status
    notes: tuple[tuple[str, Note], ...]
    skipped: bool = False
    stops_with: Verdict | None = None
    uses_safeguards: bool = False

    def first(self, status: Status) -> Note | None:
        """The first finding with ``status``."""
        return next((n for _, n in self.notes if n.status == status), None)


def outcome(step: StepInfo, rules: Sequence[Rule], notes: Sequence[tuple[str, Note]]) -> StepOutcome:
    """Aggregate the notes of a step's rules into its outcome."""
    return StepOutcome(
        step, worst(n.status for _, n in notes), tuple(notes), False,
        next((r.stops_with for r in rules if r.stops_with), None), any(r.uses_safeguards for r in rules),
    )


def decide(outcomes: Sequence[StepOutcome]) -> tuple[Verdict, str]:
    """The verdict and the sentence that explains it."""
    for o in outcomes:
        if o.stops_with and o.status == "not-satisfied" and not o.skipped:
            note = o.first("not-satisfied")
            return o.stops_with, (f"{note.message if note else o.step.title} No balancing can justify a limitation "
                                  "that does not respect the essence of a right (Art. 52(1) Charter, first "
                                  "sentence), so the later steps were not assessed.")
    failed = [o for o in outcomes if o.status == "not-satisfied" and not o.skipped]
    if failed:
        note = failed[0].first("not-satisfied")
        steps = ", ".join(o.step.id for o in failed)
        return "disproportionate", f"Not satisfied: {steps}. {note.message if note else ''}".strip()
    unknown = [o for o in outcomes if o.status == "undetermined" and not o.skipped]
    if unknown:
        note = unknown[0].first("undetermined")
        steps = ", ".join(o.step.id for o in unknown)
        return "undetermined", f"Information is missing for: {steps}. {note.message if note else ''}".strip()
    concerns = [o for o in outcomes if o.status == "concern"]
    if concerns:
        steps = ", ".join(o.step.id for o in concerns)
        return ("proportionate-with-conditions",
                f"Every step is met, with concerns in: {steps}. Meeting them is the condition of proportionality.")
    return "proportionate", "Every step of the Art. 52(1) test is satisfied on the author's inputs."
