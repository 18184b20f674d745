"""Suitability: sourced evidence that the measure achieves its aim; for detection, its error profile.

Effectiveness comes from the measure's ``effectiveness`` evidence: level none fails (ground
``unsuitable``), low is a concern, medium and high pass. Evidence without a source, or no evidence, is
a concern with a condition (give sourced evidence), and the balance gives it the lowest reliability:
missing evidence weakens the case for the measure, it does not freeze the test. A detection measure is
judged on its precision too, not on recall alone: below ``precision_fail_below`` most of what it flags
is innocent and it fails; below ``precision_concern_below`` it is a concern. Missing figures are a
concern with a condition (publish them).
"""

from __future__ import annotations

from ...translation import N_
from ...translation.sentence import sentence, term
from ..context import EngineContext, MeasureView, StepInfo
from ..note import Note
from ..results import Status
from ..wording import false_share, listing, percent
from .spec import StepSpec


def rule(ctx: EngineContext, view: MeasureView, step: StepInfo) -> list[Note]:
    """Judge the evidence of effectiveness and, for detection, the precision."""
    m = view.measure
    facts = view.facts
    aim_nodes = tuple(f"aim:{a.id}" for a in facts.aims)
    notes: list[Note] = []
    ev = m.effectiveness
    if ev is None:
        notes.append(Note(
            "evidence", "concern",
            sentence("No evidence is recorded that '{title}' achieves its aims; its contribution is taken as not "
                     "evidently false, the lowest reliability in the balance.", title=m.title),
            (sentence("A measure is suitable only if it genuinely contributes to its aim; record the evidence "
                      "under effectiveness, with its sources."),), (view.node, *aim_nodes), step.cite,
            condition=sentence("Give sourced evidence that '{title}' contributes to its aims.", title=m.title),
        ))
    else:
        reasons = (sentence("Evidence ({level}): {statement}", level=term(ev.level), statement=ev.statement),)
        if not ev.cite:
            notes.append(Note(
                "evidence", "concern",
                sentence("The evidence that '{title}' works cites no source; the balance gives it the lowest "
                         "reliability.", title=m.title),
                (*reasons, sentence("Add the study, report or statistics behind it.")), (view.node, *aim_nodes),
                step.cite, condition=sentence("Source the evidence that '{title}' works.", title=m.title),
            ))
        else:
            status: Status = "not-satisfied" if ev.level == "none" else "concern" if ev.level == "low" else "satisfied"
            if ev.level == "none":
                message = sentence("The evidence shows that '{title}' does not achieve its aims.", title=m.title)
            elif ev.level == "low":
                message = sentence("The evidence shows only low effectiveness of '{title}'.", title=m.title)
            else:
                message = sentence("Sourced evidence shows {level} effectiveness of '{title}'.", level=term(ev.level),
                                   title=m.title)
            notes.append(Note("evidence", status, message, reasons,
                              (view.node, *aim_nodes), tuple(ev.cite),
                              ground="unsuitable" if status == "not-satisfied" else None))
    if m.kind == "detection" or m.detection is not None:
        notes.append(_error_profile(ctx, view, step))
    return notes


def _error_profile(ctx: EngineContext, view: MeasureView, step: StepInfo) -> Note:
    calc = ctx.calculus
    det = view.facts.detection
    m = view.measure
    if det is None:
        return Note(
            "error-profile", "concern",
            sentence("'{title}' is a detection measure without detection figures: its error profile is not shown.",
                     title=m.title),
            (sentence("A detection measure is judged on its precision (how many hits are true), not only on recall."),
             sentence("Record detection: items_per_day, prevalence, true_positive_rate and false_positive_rate.")),
            (view.node,), step.cite,
            condition=sentence("Establish the error rates of '{title}' and limit them in the law.", title=m.title),
        )
    prec = det.precision
    lines = tuple(det.result.explanation)
    if prec is None:
        return Note(
            "error-profile", "concern",
            sentence("The precision of '{title}' cannot be computed: {inputs} not given.", title=m.title,
                     inputs=listing(det.result.unknown_inputs)),
            lines, (view.node,), det.cite,
            condition=sentence("Establish {inputs} for '{title}'.", inputs=listing(det.result.unknown_inputs),
                               title=m.title),
        )
    thresholds = sentence("Thresholds: precision below {fail} fails, below {concern} is a concern (engine settings).",
                          fail=percent(calc.precision_fail_below), concern=percent(calc.precision_concern_below))
    summary = sentence("precision {precision}: {false_share}", precision=percent(prec.central),
                       false_share=false_share(prec.central))
    if prec.central < calc.precision_fail_below:
        return Note("error-profile", "not-satisfied",
                    sentence("Most of what '{title}' flags is innocent ({summary}).", title=m.title, summary=summary),
                    (*lines, thresholds), (view.node,), det.cite, ground="unsuitable")
    if prec.central < calc.precision_concern_below:
        return Note("error-profile", "concern",
                    sentence("Many of the hits of '{title}' are false ({summary}).", title=m.title, summary=summary),
                    (*lines, thresholds), (view.node,), det.cite)
    extra: tuple[str, ...] = ()
    if prec.low < calc.precision_concern_below:
        extra = (sentence("At the unfavourable end of the input ranges precision falls to {precision}.",
                          precision=percent(prec.low)),)
    return Note("error-profile", "satisfied",
                sentence("The error profile of '{title}' is acceptable ({summary}).", title=m.title, summary=summary),
                (*lines, thresholds, *extra), (view.node,), det.cite)


SPEC = StepSpec(id="suitability", title="Suitability", short="suitable", abbrev=N_("suit"), rule=rule,
                summary="Sourced evidence that it works; for detection, an acceptable error profile.")
