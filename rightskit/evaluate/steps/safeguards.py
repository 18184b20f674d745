"""Safeguards: every safeguard type that the catalogue and the case law require for a measure like this.

For each required type (``requirements.py``) the step looks for a safeguard of that type that
mitigates this measure. One finding per type, citing what requires it:

* none → not-satisfied (the type is missing);
* only safeguards recorded as ineffective → not-satisfied (it exists on paper only);
* only voluntary ones → concern (the case law asks for safeguards laid down in law);
* a binding, effective one → satisfied.

A type that *may* be required (its condition reads an input the author left unknown) is a concern
when it is absent, so the gap is visible without blocking the verdict.
"""

from __future__ import annotations

from ..context import EngineContext, MeasureView, Protection, StepInfo
from ..registry import Note
from ..requirements import Requirement
from ..wording import listing


def rule(ctx: EngineContext, view: MeasureView, step: StepInfo) -> list[Note]:
    """One finding per required safeguard type."""
    reqs = view.facts.requirements
    if not reqs:
        return [Note("none-required", "satisfied",
                     "Neither the safeguard catalogue nor the case-law criteria require a safeguard type for a "
                     "measure with these characteristics.",
                     ("Catalogue entries and criteria whose conditions hold for this measure: none.",),
                     (view.node,), step.cite)]
    return [_one(view, req, view.by_type.get(req.type, ())) for req in reqs]


def _one(view: MeasureView, req: Requirement, present: tuple[Protection, ...]) -> Note:
    why = req.reasons
    nodes = (view.node, *(p.node for p in present if not p.hypothetical))
    cite = req.cite
    title = req.title
    if not present:
        if not req.certain:
            return Note(f"may-require:{req.type}", "concern",
                        f"{title} may be required, and no safeguard of that type protects this measure.",
                        (*why, "State the unknown facts so the requirement can be decided."), nodes, cite, req)
        return Note(f"missing:{req.type}", "not-satisfied",
                    f"Missing safeguard: {title}.", why, nodes, cite, req)
    effective = [p for p in present if p.effective]
    names = listing(p.safeguard for p in present)
    if not effective:
        return Note(f"ineffective:{req.type}", "not-satisfied" if req.certain else "concern",
                    f"{title} exists only on paper: every safeguard of that type ({names}) is recorded as "
                    "ineffective.", why, nodes, cite, req)
    binding = [p for p in effective if p.binding]
    if not binding:
        return Note(f"voluntary:{req.type}", "concern",
                    f"{title} is in place only voluntarily ({names}); the case law asks for safeguards laid "
                    "down in law.", why, nodes, cite, req)
    hypo = " (hypothetical, flip analysis)" if all(p.hypothetical for p in binding) else ""
    return Note(f"present:{req.type}", "satisfied",
                f"{title} is in place{hypo}: {listing(p.safeguard for p in binding)}.", why, nodes, cite, req)


def unmet(view: MeasureView) -> list[str]:
    """Types certainly required whose safeguards are missing or all ineffective, sorted."""
    return [r.type for r in view.facts.requirements
            if r.certain and not any(p.effective for p in view.by_type.get(r.type, ()))]
