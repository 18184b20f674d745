"""From step statuses to a verdict (``docs/engine.md``, "Verdicts").

In the method's order:

1. a step whose rule *stops the test* (the essence) is not satisfied → that rule's verdict,
   ``essence-violated``; the later steps are skipped;
2. any finding that establishes a *structural ground* (``grounds.py``) → ``disproportionate``, and the
   reason names the decisive ground: the first in the order of decision;
3. any step undetermined → ``undetermined`` (information is missing; nothing passes silently);
4. any concern (or a not-satisfied finding with no structural ground) → ``proportionate-with-conditions``;
   the conditions are those findings' amendments;
5. otherwise → ``proportionate``.

A step's status is the worst of its findings: not-satisfied, then undetermined, then concern, then
satisfied.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..translation.sentence import Sentence, joined, sentence, term, trimmed
from .context import StepInfo
from .grounds import GROUNDS, rank
from .note import Note
from .registry import Rule
from .results import Status, Verdict

#: Why a limitation reaching the essence ends the test; said once, here (the verdict reason ends with it).
ESSENCE_STOP = Sentence("No balancing can justify a limitation that does not respect the essence of a right "
                        "(Art. 52(1) Charter, first sentence), so the later steps were not assessed.")
#: The summary of each step the essence stop skips.
SKIPPED_SUMMARY = Sentence("Not assessed: an earlier step found the essence of a right reached, and no balancing "
                           "can justify that.")

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


@dataclass(frozen=True, slots=True)
class Judgement:
    """The verdict with its decisive ground, every structural ground, and the conditions to meet."""

    verdict: Verdict
    reason: str
    ground: str | None = None
    grounds: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    recommendations: tuple[str, ...] = ()


def judge(outcomes: Sequence[StepOutcome]) -> Judgement:
    """Decide the verdict: structural grounds first, then missing information, then conditions."""
    live = [o for o in outcomes if not o.skipped]
    recommendations = tuple(dict.fromkeys(n.recommendation for o in live for _, n in o.notes if n.recommendation))
    for o in live:
        if o.stops_with and o.status == "not-satisfied":
            note = o.first("not-satisfied")
            return Judgement(o.stops_with, sentence("{finding} {essence_stop}", finding=note.message if note else
                                                    o.step.title, essence_stop=ESSENCE_STOP), "essence",
                             ("essence",), (), recommendations)
    structural = sorted(((rank(n.ground), k, o, n) for k, o in enumerate(live) for _, n in o.notes
                         if n.status == "not-satisfied" and n.ground), key=lambda t: (t[0], t[1]))
    if structural:
        grounds = tuple(dict.fromkeys(n.ground for _, _, _, n in structural if n.ground))
        _, _, o, note = structural[0]
        decisive = grounds[0]
        same = [n for _, _, _, n in structural if n.ground == decisive]
        detail = note.message if len(same) == 1 else joined((trimmed(n.message) for n in same), "; ", ".")
        reason: str = sentence("Decisive ground, at the {step} step: {ground}. {detail}", step=term(o.step.id),
                               ground=term(GROUNDS[decisive]), detail=detail)
        if len(grounds) > 1:
            reason = sentence("{reason} Further structural grounds: {grounds}.", reason=reason,
                              grounds=joined(term(GROUNDS[g]) for g in grounds[1:]))
        return Judgement("disproportionate", reason, decisive, grounds, _conditions(live), recommendations)
    unknown = [o for o in live if o.status == "undetermined"]
    if unknown:
        note = unknown[0].first("undetermined")
        steps = joined((term(o.step.id) for o in unknown), ", ")
        reason = (sentence("Information is missing for: {steps}. {finding}", steps=steps, finding=note.message)
                  if note else sentence("Information is missing for: {steps}.", steps=steps))
        return Judgement("undetermined", reason, None, (), _conditions(live), recommendations)
    conditions = _conditions(live)
    if conditions:
        if len(conditions) > 1:
            reason = sentence("No structural ground of disproportionality; {n} condition(s) must be met: {first} …",
                              n=len(conditions), first=conditions[0])
        else:
            reason = sentence("No structural ground of disproportionality; {n} condition(s) must be met: {first}",
                              n=len(conditions), first=conditions[0])
        return Judgement("proportionate-with-conditions", reason, None, (), conditions, recommendations)
    return Judgement("proportionate", sentence("Every step of the test is satisfied on the author's inputs."), None,
                     (), (), recommendations)


def _conditions(live: Sequence[StepOutcome]) -> tuple[str, ...]:
    # A concern, or a not-satisfied finding that names no structural ground, is a fixable condition.
    return tuple(dict.fromkeys(
        n.condition or n.message for o in live for _, n in o.notes
        if n.status == "concern" or (n.status == "not-satisfied" and not n.ground)))


def decide(outcomes: Sequence[StepOutcome]) -> tuple[Verdict, str]:
    """The verdict and the sentence that explains it."""
    j = judge(outcomes)
    return j.verdict, j.reason
