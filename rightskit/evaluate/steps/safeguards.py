"""Safeguards: every safeguard type that the catalogue and the case law require for a measure like this.

For each required type (``requirements.py``) the step looks for a safeguard of that type that
mitigates this measure. What a gap means depends on the requirement's *force* (``docs/engine.md``,
"Force"), the force of the strongest source that demands it:

* **essential** (a court held a measure of this kind unlawful without it): missing, present only as
  ineffective safeguards, or only as weak ones (a safeguard the court holds essential must work, not
  exist in name: S. and Marper's "exceptional" deletion, a prosecutor's approval for a check by an
  independent body) → not-satisfied, on the structural ground ``essential-safeguard-missing``;
* **expected** (settled guidance, a court's expectation): missing → a concern, whose condition is to
  lay the safeguard down;
* **good practice**: missing → satisfied, with a recommendation.

A safeguard record does not meet its type when the measure's own terms void it (the type's
``void_when``: an authorisation given by a prosecutor who directs the investigation, the police or the
executive is not the prior review by a court or independent body that the case law requires).

A safeguard that is only voluntary where the law should impose it is a condition (the case law asks
for safeguards laid down in law). A type that *may* be required (its condition reads an input the
author left unknown) is a concern when it is absent, so the gap is visible without deciding the verdict.
"""

from __future__ import annotations

from ...model import Citation
from ...translation import N_
from ...translation.sentence import lowered, reworded, sentence, term, worded
from ..context import EngineContext, MeasureView, Protection, StepInfo
from ..note import Note
from ..requirements import Requirement
from ..wording import listing
from .spec import StepSpec


def rule(ctx: EngineContext, view: MeasureView, step: StepInfo) -> list[Note]:
    """One finding per required safeguard type."""
    reqs = view.facts.requirements
    if not reqs:
        return [Note("none-required", "satisfied",
                     sentence("Neither the safeguard catalogue nor the case-law criteria require a safeguard type for "
                              "a measure with these characteristics."),
                     (sentence("Catalogue entries and criteria whose conditions hold for this measure: none."),),
                     (view.node,), step.cite)]
    return [_one(ctx, view, req, view.by_type.get(req.type, ())) for req in reqs]


def _amendment(ctx: EngineContext, req: Requirement) -> str:
    """The condition that meets ``req``, addressed to whoever must act (the type's ``duty``)."""
    t = ctx.requirements.catalogue.get(req.type)
    what = reworded(worded(t.description, t.wordings("description")), _first_sentence) if t else req.title
    if ctx.requirements.duty(req.type) == "controller":
        return sentence("Have the controller implement {safeguard}: {what}.", safeguard=lowered(req.title), what=what)
    return sentence("Lay down {safeguard} in the law: {what}.", safeguard=lowered(req.title), what=what)


def _first_sentence(description: str) -> str:
    return description.split(". ")[0].rstrip(".")


def _chain(ctx: EngineContext, req: Requirement, effective: list[Protection]
           ) -> tuple[tuple[str, ...], tuple[Citation, ...]]:
    """Why a safeguard recorded downstream counts for this measure, and its source, when one does."""
    t = ctx.requirements.catalogue.get(req.type)
    if t is None or t.reaches_upstream is None or not any(p.via for p in effective):
        return (), ()
    return (sentence("Along the chain: {rationale}", rationale=worded(t.reaches_upstream.rationale,
                                                                    t.reaches_upstream.wordings("rationale"))),), tuple(
        t.reaches_upstream.cite)


def _unreached(ctx: EngineContext, view: MeasureView, req: Requirement) -> tuple[str, ...]:
    """The warning for safeguards of the type that sit only on downstream measures and do not reach here."""
    pairs = view.facts.downstream_only.get(req.type, ())
    live = [(s, d) for s, d in pairs if s not in view.scenario.removed]
    if not live:
        return ()
    where = listing(sentence("{safeguard} on {measure}", safeguard=s, measure=d) for s, d in live)
    return (sentence("Recorded only downstream ({where}): {safeguard} protects only the measure it is recorded on, "
                     "because no source reads it as reaching the measures that feed it; record it on this measure "
                     "too.", where=where, safeguard=lowered(req.title)),)


def _one(ctx: EngineContext, view: MeasureView, req: Requirement, present: tuple[Protection, ...]) -> Note:
    why = req.reasons
    nodes = (view.node, *(n for p in present if not p.hypothetical
                          for n in (p.node, *((f"measure:{p.via}",) if p.via else ()))))
    cite = req.cite
    title = req.title
    void = view.facts.void_by_terms.get(req.type)
    effective = list(view.records(req.type))
    terms = view.facts.met_by_terms.get(req.type) if not effective else None
    if terms is not None:
        return Note(f"by-terms:{req.type}", "satisfied",
                    sentence("{safeguard} is met by the measure's own terms ({terms}).", safeguard=title, terms=terms),
                    why, nodes, cite, req)
    if not effective:
        why = (*why, *_unreached(ctx, view, req))
        names = listing(p.label for p in present)
        state: str
        if not present:
            state, kind = sentence("is missing"), "missing"
        elif void is not None:
            state = sentence("is recorded ({safeguards}) but does not meet the requirement, because {condition}",
                             safeguards=names, condition=void)
            kind = "void"
        else:
            state = sentence("exists only on paper (every safeguard of that type, {safeguards}, is recorded as "
                             "ineffective)", safeguards=names)
            kind = "ineffective"
        if req.force == "good-practice":
            return Note(f"recommend:{req.type}", "satisfied",
                        sentence("{safeguard} {state}; it is good practice, not a requirement.", safeguard=title,
                                 state=state), why, nodes, cite, req,
                        recommendation=_amendment(ctx, req))
        if not req.certain:
            return Note(f"may-require:{req.type}", "concern",
                        sentence("{safeguard} may be required ({force}), and it {state}.", safeguard=title,
                                 force=term(req.force), state=state),
                        (*why, sentence("State the unknown facts so the requirement can be decided.")), nodes, cite,
                        req, condition=_amendment(ctx, req))
        if req.force == "essential":
            return Note(f"{kind}:{req.type}", "not-satisfied",
                        sentence("Essential safeguard {state}: {safeguard}.", state=state, safeguard=title), why,
                        nodes, cite, req, ground="essential-safeguard-missing")
        return Note(f"{kind}:{req.type}", "concern",
                    sentence("Expected safeguard {state}: {safeguard}.", state=state, safeguard=title), why, nodes,
                    cite, req, condition=_amendment(ctx, req))
    if req.force == "essential" and req.certain and all(p.weak for p in effective):
        return Note(f"weak:{req.type}", "not-satisfied",
                    sentence("Essential safeguard too weak: {safeguard} exists only as weak safeguards ({safeguards}); "
                             "the case law asks for it to be effective.", safeguard=title,
                             safeguards=listing(p.label for p in effective)),
                    why, nodes, cite, req, ground="essential-safeguard-missing")
    chain_why, chain_cite = _chain(ctx, req, effective)
    if chain_why:
        why, cite = (*why, *chain_why), (*cite, *chain_cite)
    binding = [p for p in effective if p.binding]
    if not binding:
        return Note(f"voluntary:{req.type}", "concern" if req.force != "good-practice" else "satisfied",
                    sentence("{safeguard} is in place only voluntarily ({safeguards}); the case law asks for "
                             "safeguards laid down in law.", safeguard=title,
                             safeguards=listing(p.label for p in effective)), why, nodes, cite, req,
                    condition=sentence("Make {safeguard} binding: lay it down in the law, not in the provider's "
                                       "choice.", safeguard=lowered(title)))
    placed = listing(p.label for p in binding)
    return Note(f"present:{req.type}", "satisfied",
                sentence("{safeguard} is in place (hypothetical, flip analysis): {safeguards}.", safeguard=title,
                         safeguards=placed) if all(p.hypothetical for p in binding) else
                sentence("{safeguard} is in place: {safeguards}.", safeguard=title, safeguards=placed),
                why, nodes, cite, req)


def unmet(view: MeasureView) -> list[str]:
    """Types certainly required (essential or expected) whose safeguards are missing or all ineffective, sorted.

    An essential type present only as weak safeguards is unmet too: the flip analysis adds it at its
    assumed strength.
    """
    return [r.type for r in view.facts.requirements
            if r.certain and r.force != "good-practice" and not view.meets(r.type, r.force == "essential")]


SPEC = StepSpec(id="safeguards", title="Safeguards", short="safeguards", abbrev=N_("safe"),
                rule=rule, uses_safeguards=True,
                summary="Every safeguard type the catalogue and the case law require is in place.")
