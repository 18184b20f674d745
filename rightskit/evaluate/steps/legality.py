"""Legality: the limitation is provided for by law, and that law is of sufficient quality.

Ex post, a legal basis must apply on the as-of date: a lapsed act, a proposal or a position is not law
in force, and a measure without law in force fails on the structural ground ``no-legal-basis``. Ex
ante (``docs/engine.md``, "Modes"), a draft is assessed *as if adopted*: its provisions count as the
legal basis, and that the text is not yet in force is only a note. Either way the quality of the law —
accessible, clear, precise, foreseeable — is read from the author's ``legality_issues``: a serious
defect (the basis is unforeseeable as a whole) is structural, any other is a condition to meet.
"""

from __future__ import annotations

from ...model import Citation
from ...translation import N_
from ...translation.sentence import sentence, term
from ..context import EngineContext, MeasureView, StepInfo, draft_status
from ..note import Note
from ..wording import listing
from .spec import StepSpec


def rule(ctx: EngineContext, view: MeasureView, step: StepInfo) -> list[Note]:
    """Check the legal basis and its quality."""
    m = view.measure
    day = ctx.resolved.as_of
    notes: list[Note] = []
    bases = sorted(set(m.legal_basis))
    if not bases:
        notes.append(Note(
            "basis", "not-satisfied",
            sentence("No legal basis is recorded for '{title}': a limitation must be provided for by law.",
                     title=m.title),
            (sentence("Art. 52(1) Charter: any limitation on the exercise of rights must be provided for by law."),
             sentence("The measure lists no provision under legal_basis.")),
            (view.node,), step.cite, ground="no-legal-basis",
        ))
    else:
        in_force: list[str] = []
        as_if: list[str] = []
        reasons: list[str] = []
        for ref in bases:
            ok, why = ctx.resolved.provision_in_force(ref, day)
            draft = None if ok else draft_status(ctx.resolved, ref)
            if ok:
                in_force.append(ref)
                reasons.append(sentence("{provision}: in force — {why}.", provision=ctx.provision_label(ref), why=why))
            elif draft and ctx.mode == "ex-ante":
                as_if.append(ref)
                reasons.append(sentence("{provision}: a {draft}, assessed as if adopted (ex ante) — {why}.",
                                        provision=ctx.provision_label(ref), draft=term(draft), why=why))
            else:
                reasons.append(sentence("{provision}: not in force — {why}.", provision=ctx.provision_label(ref),
                                        why=why))
        nodes = (view.node, *(f"provision:{r}" for r in bases))
        cite = tuple(Citation(ref=r) for r in bases)
        if in_force:
            notes.append(Note(
                "basis", "satisfied",
                sentence("The measure has a legal basis in force on {date}: {provisions}.", date=day,
                         provisions=listing(ctx.provision_label(r) for r in in_force)),
                tuple(reasons), nodes, cite,
            ))
        elif as_if:
            notes.append(Note(
                "basis", "satisfied",
                sentence("Assessed ex ante, as if adopted: the draft provides the legal basis ({provisions}). It is "
                         "not law in force on {date}; that is a note, not a defect of the text.",
                         provisions=listing(ctx.provision_label(r) for r in as_if), date=day),
                (*reasons, ctx.mode_reason), nodes, cite,
            ))
        else:
            notes.append(Note(
                "basis", "not-satisfied",
                sentence("No legal basis of '{title}' is in force on {date}: {reason}", title=m.title, date=day,
                         reason=reasons[0]),
                tuple(reasons), nodes, cite, ground="no-legal-basis",
            ))
    for i, issue in enumerate(m.legality_issues, 1):
        notes.append(Note(
            f"quality-{i}-{issue.quality}", "not-satisfied" if issue.serious else "concern",
            sentence("The legal basis is not sufficiently {quality}: {description}", quality=term(issue.quality),
                     description=issue.description),
            (sentence("Quality of law: the basis must be {quality} so that people can foresee its application.",
                      quality=term(issue.quality)),
             sentence("The author marks the defect as serious: it makes the basis unforeseeable as a whole.")
             if issue.serious else sentence("The author does not mark the defect as serious: a condition to meet.")),
            (view.node, *(f"provision:{r}" for r in bases)), tuple(issue.cite),
            ground="no-legal-basis" if issue.serious else None,
            condition=None if issue.serious else sentence("Make the legal basis {quality}: {description}",
                                                          quality=term(issue.quality), description=issue.description),
        ))
    if bases and not m.legality_issues:
        notes.append(Note(
            "quality", "satisfied",
            sentence("No defect in the quality of the law (accessible, clear, precise, foreseeable) is recorded."),
            (sentence("The measure records no legality_issues; the finding rests on the author's reading of the "
                      "basis."),),
            (view.node,), step.cite,
        ))
    return notes


SPEC = StepSpec(id="legality", title="Provided for by law", short="legality", abbrev=N_("law"), rule=rule,
                summary="A legal basis in force on the as-of date, of sufficient quality.")
