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
            f"No evidence is recorded that '{m.title}' achieves its aims; its contribution is taken as not "
            "evidently false, the lowest reliability in the balance.",
            ("A measure is suitable only if it genuinely contributes to its aim; record the evidence "
             "under effectiveness, with its sources.",), (view.node, *aim_nodes), step.cite,
            condition=f"Give sourced evidence that '{m.title}' contributes to its aims.",
        ))
    else:
        reasons = (f"Evidence ({ev.level}): {ev.statement}",)
        if not ev.cite:
            notes.append(Note(
                "evidence", "concern",
                f"The evidence that '{m.title}' works cites no source; the balance gives it the lowest reliability.",
                (*reasons, "Add the study, report or statistics behind it."), (view.node, *aim_nodes), step.cite,
                condition=f"Source the evidence that '{m.title}' works.",
            ))
        else:
            status: Status = "not-satisfied" if ev.level == "none" else "concern" if ev.level == "low" else "satisfied"
            message = {
                "none": f"The evidence shows that '{m.title}' does not achieve its aims.",
                "low": f"The evidence shows only low effectiveness of '{m.title}'.",
            }.get(ev.level, f"Sourced evidence shows {ev.level} effectiveness of '{m.title}'.")
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
            f"'{m.title}' is a detection measure without detection figures: its error profile is not shown.",
            ("A detection measure is judged on its precision (how many hits are true), not only on recall.",
             "Record detection: items_per_day, prevalence, true_positive_rate and false_positive_rate."),
            (view.node,), step.cite,
            condition=f"Establish the error rates of '{m.title}' and limit them in the law.",
        )
    prec = det.precision
    lines = tuple(det.result.explanation)
    if prec is None:
        return Note(
            "error-profile", "concern",
            f"The precision of '{m.title}' cannot be computed: "
            f"{listing(det.result.unknown_inputs)} not given.",
            lines, (view.node,), det.cite,
            condition=f"Establish {listing(det.result.unknown_inputs)} for '{m.title}'.",
        )
    thresholds = (f"Thresholds: precision below {percent(calc.precision_fail_below)} fails, below "
                  f"{percent(calc.precision_concern_below)} is a concern (engine settings).")
    summary = f"precision {percent(prec.central)}: {false_share(prec.central)}"
    if prec.central < calc.precision_fail_below:
        return Note("error-profile", "not-satisfied",
                    f"Most of what '{m.title}' flags is innocent ({summary}).",
                    (*lines, thresholds), (view.node,), det.cite, ground="unsuitable")
    if prec.central < calc.precision_concern_below:
        return Note("error-profile", "concern",
                    f"Many of the hits of '{m.title}' are false ({summary}).",
                    (*lines, thresholds), (view.node,), det.cite)
    extra: tuple[str, ...] = ()
    if prec.low < calc.precision_concern_below:
        extra = (f"At the unfavourable end of the input ranges precision falls to {percent(prec.low)}.",)
    return Note("error-profile", "satisfied", f"The error profile of '{m.title}' is acceptable ({summary}).",
                (*lines, thresholds, *extra), (view.node,), det.cite)


SPEC = StepSpec(id="suitability", title="Suitability", short="suitable", abbrev="suit", rule=rule,
                summary="Sourced evidence that it works; for detection, an acceptable error profile.")
