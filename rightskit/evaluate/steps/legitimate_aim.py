"""Legitimate aim: an objective of general interest recognised by the Union, or the rights of others.

At least one aim must be recorded. An aim counts as *shown* when it cites where the Union recognises
it; an aim without a source is a concern when another aim is shown, and undetermined when none is.
"""

from __future__ import annotations

from ..context import EngineContext, MeasureView, StepInfo
from ..note import Note
from .spec import StepSpec

_KIND_WORDS = {"general-interest": "an objective of general interest recognised by the Union",
               "rights-of-others": "the protection of the rights and freedoms of others"}


def rule(ctx: EngineContext, view: MeasureView, step: StepInfo) -> list[Note]:
    """Check that the measure pursues at least one sourced legitimate aim."""
    aims = view.facts.aims
    if not aims:
        return [Note(
            "no-aim", "not-satisfied",
            f"'{view.measure.title}' pursues no recorded aim: a limitation must genuinely meet an objective "
            "of general interest or protect the rights of others.",
            ("Art. 52(1) Charter, second sentence.", "The measure lists no aims."), (view.node,), step.cite,
            ground="no-legitimate-aim",
        )]
    shown = any(a.cite for a in aims)
    notes: list[Note] = []
    for aim in aims:
        nodes = (view.node, f"aim:{aim.id}", *(f"right:{r}" for r in sorted(aim.protects)))
        reasons = [f"Kind: {_KIND_WORDS[aim.kind]}.", f"Importance in the balance: {aim.importance}."]
        if aim.protects:
            reasons.append(f"Rights it protects: {', '.join(ctx.right_title(r) for r in sorted(aim.protects))}.")
        if aim.cite:
            notes.append(Note(f"aim:{aim.id}", "satisfied",
                              f"'{aim.title}' is {_KIND_WORDS[aim.kind]}, with a source.",
                              tuple(reasons), nodes, tuple(aim.cite)))
        else:
            reasons.append("No source shows that the Union recognises the objective; add one to the aim's cite.")
            notes.append(Note(
                f"aim:{aim.id}", "concern" if shown else "undetermined",
                f"'{aim.title}' is not shown to be a recognised objective: it cites no source.",
                tuple(reasons), nodes, step.cite,
                condition=f"Cite where the Union recognises '{aim.title}' as an objective.",
            ))
    return notes


SPEC = StepSpec(id="legitimate-aim", title="Legitimate aim", short="aim", abbrev="aim", rule=rule,
                summary="A sourced objective of general interest or the rights of others.")
