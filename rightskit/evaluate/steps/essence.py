"""Essence: no limitation may touch the essence of a right; no balancing can save one that does.

Three sources say the essence is reached: the author (``reaches_essence``), the right itself when it
is absolute (no limitation is permitted at all), and the case-law patterns recorded on the right
(``Right.essence_patterns``, e.g. generalised access by public authorities to the content of
communications). A pattern that cannot be decided because an input is unknown is *undetermined*,
never passed over.
"""

from __future__ import annotations

from ...model import Citation
from ..condition import Subject
from ..context import EngineContext, MeasureView, StepInfo
from ..registry import Note
from ..wording import listing


def rule(ctx: EngineContext, view: MeasureView, step: StepInfo) -> list[Note]:
    """Test each interference against the author's judgement, absoluteness and the essence patterns."""
    facts = view.facts
    base = facts.subject
    notes: list[Note] = []
    checked: list[str] = []
    cites: list[Citation] = []
    for itf in facts.interferences:
        right = ctx.rights.get(itf.right)
        title = ctx.right_title(itf.right)
        nodes = (view.node, f"right:{itf.right}")
        essence_cite = tuple(right.essence_cite) if right else ()
        cites.extend(essence_cite)
        statement = (f"What the case law says the essence covers: {right.essence}",) if right and right.essence else ()
        if itf.reaches_essence:
            notes.append(Note(
                f"author:{itf.right}", "not-satisfied",
                f"The interference with {title} reaches the essence of the right, as the author records.",
                (f"The author's reasoning: {itf.rationale}", *statement), nodes, (*itf.cite, *essence_cite),
                ground="essence",
            ))
        if right is not None and right.absolute and itf.severity != "none":
            notes.append(Note(
                f"absolute:{itf.right}", "not-satisfied",
                f"{title} is absolute: it admits no limitation, so any interference with it is a violation.",
                (f"The interference is recorded at severity {itf.severity}.",), nodes, essence_cite,
                ground="essence",
            ))
        patterns = ctx.essence_patterns(itf.right)
        subject = Subject(base.measure, base.data_categories, base.affected_count, itf)
        for k, pattern in enumerate(patterns, 1):
            holds = pattern.test(subject)
            if holds is True:
                notes.append(Note(
                    f"pattern:{itf.right}:{k}", "not-satisfied",
                    f"The measure matches a case-law pattern under which the essence of {title} is reached.",
                    (f"Pattern {k} of {title}: {pattern.text}.", "Every part of the pattern holds for this measure.",
                     *statement), nodes, essence_cite, ground="essence",
                ))
            elif holds is None:
                unknown = listing(pattern.unknown_fields(subject))
                notes.append(Note(
                    f"pattern:{itf.right}:{k}", "undetermined",
                    f"Whether the essence of {title} is reached cannot be decided: {unknown} not given.",
                    (f"Pattern {k} of {title}: {pattern.text}.",
                     f"The pattern would decide the question, but {unknown} is unknown; state it."),
                    nodes, essence_cite,
                ))
        marked = "marked" if itf.reaches_essence else "not marked"
        checked.append(f"{title}: {marked} as reaching the essence by the author; {len(patterns)} case-law "
                       "pattern(s) tested, none matching")
    if not any(n.status in ("not-satisfied", "undetermined") for n in notes):
        if not facts.interferences:
            message = "No interference is recorded, so no essence of a right can be reached."
        else:
            message = (f"No interference reaches the essence of a right "
                       f"({listing(ctx.right_title(i.right) for i in facts.interferences)}).")
        notes.append(Note("none", "satisfied", message, tuple(checked),
                          (view.node, *(f"right:{i.right}" for i in facts.interferences)), tuple(cites)))
    return notes
