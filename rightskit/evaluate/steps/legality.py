"""Legality: the limitation is provided for by law, in force on the as-of date, and of sufficient quality.

A legal basis must exist and apply on the as-of date (a lapsed regulation, a proposal or a position
is not law in force). Its quality — accessible, clear, precise, foreseeable — is read from the
author's ``legality_issues``: a serious defect fails the step, any other is a concern.
"""

from __future__ import annotations

from ...model import Citation
from ..context import EngineContext, MeasureView, StepInfo
from ..registry import Note
from ..wording import listing


def rule(ctx: EngineContext, view: MeasureView, step: StepInfo) -> list[Note]:
    """Check the legal basis and its quality."""
    m = view.measure
    day = ctx.resolved.as_of
    notes: list[Note] = []
    bases = sorted(set(m.legal_basis))
    if not bases:
        notes.append(Note(
            "basis", "not-satisfied",
            f"No legal basis is recorded for '{m.title}': a limitation must be provided for by law.",
            ("Art. 52(1) Charter: any limitation on the exercise of rights must be provided for by law.",
             "The measure lists no provision under legal_basis."),
            (view.node,), step.cite,
        ))
    else:
        in_force: list[str] = []
        reasons: list[str] = []
        for ref in bases:
            ok, why = ctx.resolved.provision_in_force(ref, day)
            reasons.append(f"{ctx.provision_label(ref)}: {'in force' if ok else 'not in force'} — {why}.")
            if ok:
                in_force.append(ref)
        nodes = (view.node, *(f"provision:{r}" for r in bases))
        cite = tuple(Citation(ref=r) for r in bases)
        if in_force:
            notes.append(Note(
                "basis", "satisfied",
                f"The measure has a legal basis in force on {day}: "
                f"{listing(ctx.provision_label(r) for r in in_force)}.",
                tuple(reasons), nodes, cite,
            ))
        else:
            notes.append(Note(
                "basis", "not-satisfied",
                f"No legal basis of '{m.title}' is in force on {day}: {reasons[0]}",
                tuple(reasons), nodes, cite,
            ))
    for i, issue in enumerate(m.legality_issues, 1):
        notes.append(Note(
            f"quality-{i}-{issue.quality}", "not-satisfied" if issue.serious else "concern",
            f"The legal basis is not sufficiently {issue.quality}: {issue.description}",
            (f"Quality of law: the basis must be {issue.quality} so that people can foresee its application.",
             "The author marks the defect as serious: it makes the basis unforeseeable as a whole."
             if issue.serious else "The author does not mark the defect as serious: a concern to fix."),
            (view.node, *(f"provision:{r}" for r in bases)), tuple(issue.cite),
        ))
    if bases and not m.legality_issues:
        notes.append(Note(
            "quality", "satisfied",
            "No defect in the quality of the law (accessible, clear, precise, foreseeable) is recorded.",
            ("The measure records no legality_issues; the finding rests on the author's reading of the basis.",),
            (view.node,), step.cite,
        ))
    return notes
