"""Legitimate aim: an objective of general interest recognised by the Union, or the rights of others.

At least one aim must be recorded. An aim counts as *shown* when it cites where the Union recognises
it; an aim without a source is a concern when another aim is shown, and undetermined when none is.
"""

from __future__ import annotations

from ...translation import N_
from ...translation.sentence import Sentence, joined, sentence, term
from ..context import EngineContext, MeasureView, StepInfo
from ..note import Note
from .spec import StepSpec

_KIND_WORDS = {"general-interest": Sentence("an objective of general interest recognised by the Union"),
               "rights-of-others": Sentence("the protection of the rights and freedoms of others")}


def rule(ctx: EngineContext, view: MeasureView, step: StepInfo) -> list[Note]:
    """Check that the measure pursues at least one sourced legitimate aim."""
    aims = view.facts.aims
    if not aims:
        return [Note(
            "no-aim", "not-satisfied",
            sentence("'{title}' pursues no recorded aim: a limitation must genuinely meet an objective of general "
                     "interest or protect the rights of others.", title=view.measure.title),
            (sentence("Art. 52(1) Charter, second sentence."), sentence("The measure lists no aims.")), (view.node,),
            step.cite,
            ground="no-legitimate-aim",
        )]
    shown = any(a.cite for a in aims)
    notes: list[Note] = []
    for aim in aims:
        nodes = (view.node, f"aim:{aim.id}", *(f"right:{r}" for r in sorted(aim.protects)))
        reasons: list[str] = [sentence("Kind: {kind}.", kind=_KIND_WORDS[aim.kind]),
                              sentence("Importance in the balance: {importance}.", importance=term(aim.importance))]
        if aim.protects:
            reasons.append(sentence("Rights it protects: {rights}.",
                                    rights=joined((ctx.right_title(r) for r in sorted(aim.protects)), ", ")))
        if aim.cite:
            notes.append(Note(f"aim:{aim.id}", "satisfied",
                              sentence("'{title}' is {kind}, with a source.", title=aim.title,
                                       kind=_KIND_WORDS[aim.kind]),
                              tuple(reasons), nodes, tuple(aim.cite)))
        else:
            reasons.append(sentence("No source shows that the Union recognises the objective; add one to the aim's "
                                    "cite."))
            notes.append(Note(
                f"aim:{aim.id}", "concern" if shown else "undetermined",
                sentence("'{title}' is not shown to be a recognised objective: it cites no source.", title=aim.title),
                tuple(reasons), nodes, step.cite,
                condition=sentence("Cite where the Union recognises '{title}' as an objective.", title=aim.title),
            ))
    return notes


SPEC = StepSpec(id="legitimate-aim", title="Legitimate aim", short="aim", abbrev=N_("aim"), rule=rule,
                summary="A sourced objective of general interest or the rights of others.")
