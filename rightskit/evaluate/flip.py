"""Flip analysis: which safeguards carry a verdict, and which missing ones would change it.

*Carrying*: each safeguard protecting the measure is removed alone and the steps that depend on
safeguards are re-run; a safeguard whose removal changes the verdict carries it. Rules are monotone
in safeguards (removing one never improves a step), so a disproportionate or essence-violated
verdict has no carrying safeguard and is not re-run.

*Fix* (``docs/engine.md``, "Flip analysis"): for a measure that is disproportionate or undetermined,
the smallest set of catalogue safeguard types whose addition makes it proportionate (with or without
conditions). Each added type is assumed binding, effective and of ``flip_added_strength`` (default
moderate) on every interference of the measure. The search is bounded and exact under the calculus:

* no safeguard can help when the essence is reached (unless by the one pattern that turns on the
  safeguards in place: no remedy at all, which an added redress type cures), or when a step that does
  not depend on safeguards (legality, aim, suitability, necessity) already fails or lacks information;
* every set must contain the required types that are missing (``M``), since without them the
  safeguards step fails;
* beyond ``M``, added types are interchangeable (each lowers every interference by the same levels),
  so one set per size is tried: ``M``, then ``M`` plus the first 1, 2, … other catalogue types not yet
  in place (types the measure may require come first), up to ``flip_max_added`` beyond ``M``,
  stopping once every interference is at its floor.

So at most ``flip_max_added + 1`` scenarios are evaluated per measure.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..translation.sentence import joined, sentence, term
from .context import EngineContext, MeasureFacts, Scenario
from .method import PlannedStep
from .results import FlipResult, Verdict
from .runner import run_steps
from .steps.safeguards import unmet
from .verdict import StepOutcome, decide
from .wording import listing

GOOD: frozenset[str] = frozenset({"proportionate", "proportionate-with-conditions"})


def analyse(
    ctx: EngineContext, steps: Sequence[PlannedStep], facts: MeasureFacts, base: Sequence[StepOutcome],
    verdict: Verdict,
) -> FlipResult:
    """Carrying safeguards and the smallest fixing set of safeguard types."""
    carrying: list[str] = []
    changes: list[str] = []
    # Removing a safeguard never improves a step, so it cannot change a verdict that is already the
    # worst safeguards can produce (disproportionate) or one they cannot touch (essence-violated).
    removable = () if verdict in ("disproportionate", "essence-violated") else facts.protections
    for p in removable:
        outcomes = run_steps(ctx, steps, ctx.view(facts, Scenario(removed=frozenset([p.safeguard]))), base)
        new, _ = decide(outcomes)
        if new != verdict:
            carrying.append(p.safeguard)
            changes.append(sentence("without {safeguard} it would be {verdict}", safeguard=p.safeguard,
                                    verdict=term(new)))
    carried: str
    if not facts.protections:
        carried = sentence("No safeguard protects this measure.")
    elif carrying:
        carried = sentence("The verdict rests on {safeguards}: {changes}.", safeguards=listing(carrying),
                           changes=joined(changes))
    else:
        carried = sentence("No single safeguard carries the verdict: removing any one alone leaves it {verdict}.",
                           verdict=term(verdict))

    if verdict in GOOD:
        return FlipResult.model_construct(carrying=carrying, fix=None, fix_possible=True,
                          explanation=sentence("{carried} The measure is already {verdict}; no safeguard needs adding.",
                                               carried=carried, verdict=term(verdict)))
    if verdict == "essence-violated":
        # One held pattern turns on the safeguards in place (no remedy at all): try adding types first.
        found = _search(ctx, steps, facts, base, carrying, carried)
        if found.fix_possible:
            return found
        return FlipResult.model_construct(carrying=carrying, fix=None, fix_possible=False,
                          explanation=sentence("{carried} No safeguard can help: the essence of a right is reached, "
                                               "and a limitation that does not respect the essence cannot be "
                                               "justified.", carried=carried))
    blocking = [o for o in base if not o.skipped and not o.uses_safeguards
                and o.status in ("not-satisfied", "undetermined")]
    if blocking:
        o = blocking[0]
        note = o.first(o.status)
        return FlipResult.model_construct(
            carrying=carrying, fix=None, fix_possible=False,
            explanation=sentence("{carried} Adding safeguards cannot change the outcome: {step} is {status} whatever "
                                 "safeguards are added ({finding}).", carried=carried, step=term(o.step.id),
                                 status=term(o.status), finding=note.message if note else o.step.title))
    return _search(ctx, steps, facts, base, carrying, carried)


def _search(
    ctx: EngineContext, steps: Sequence[PlannedStep], facts: MeasureFacts, base: Sequence[StepOutcome],
    carrying: list[str], carried: str,
) -> FlipResult:
    calc = ctx.calculus
    required = unmet(ctx.view(facts))
    have = {p.type for p in facts.protections if p.effective and p.type}
    maybe = [r.type for r in facts.requirements if not r.certain and r.type not in have]
    rest = sorted(t for t in ctx.requirements.catalogue if t not in have)
    others = list(dict.fromkeys(t for t in (*maybe, *rest) if t not in required))
    strength = calc.flip_added_strength
    last: Verdict = "disproportionate"
    floored = False
    tried = 0
    for extra in range(0, min(len(others), calc.flip_max_added) + 1):
        added = (*required, *others[:extra])
        if not added:
            continue
        view = ctx.view(facts, Scenario(added=added))
        tried = len(added)
        last, _ = decide(run_steps(ctx, steps, view, base))
        if last in GOOD:
            titles = listing(ctx.requirements.title(t) for t in added)
            parts: list[str] = []
            if required:
                parts.append(sentence("the missing required type(s) {types}", types=listing(required)))
            if extra:
                parts.append(sentence("{n} further type(s) to lower the residual severity ({types}; under the "
                                      "calculus any type not yet in place would do as well, the first in order "
                                      "is named)", n=extra, types=listing(others[:extra])))
            return FlipResult.model_construct(
                carrying=carrying, fix=list(added), fix_possible=True,
                explanation=sentence("{carried} Adding {titles} at {strength} strength would make it {verdict}: "
                                     "{parts}.", carried=carried, titles=titles, strength=term(strength),
                                     verdict=term(last), parts=parts[0] if len(parts) == 1 else
                                     sentence("{first} and {second}", first=parts[0], second=parts[1])))
        floored = all(r.residual <= r.floor for r in view.residuals)
        if floored:
            break  # every interference is at its floor: more types cannot lower the burden further
    why = (sentence("every interference is then at its floor, which safeguards cannot go below") if floored else
           sentence("the search adds at most {n} types beyond the missing required ones (flip_max_added), or "
                    "stops when the catalogue runs out", n=calc.flip_max_added))
    return FlipResult.model_construct(
        carrying=carrying, fix=None, fix_possible=False,
        explanation=sentence("{carried} No set of catalogue safeguard types found makes it proportionate: with {n} "
                             "type(s) added at {strength} strength it stays {verdict}; {why}.", carried=carried,
                             n=tried, strength=term(strength), verdict=term(last), why=why))

