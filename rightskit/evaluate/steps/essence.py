"""Essence: no limitation may touch the essence of a right; no balancing can save one that does.

Three sources say the essence is reached: the author (``reaches_essence``, or ``essence`` with
``reached: true`` and reasons), the right itself when it is absolute (no limitation is permitted at
all), and the case-law patterns recorded on the right (``Right.essence_patterns``, e.g. generalised
access by public authorities to the content of communications). A pattern that cannot be decided
because an input is unknown is *undetermined*, never passed over.

Contested patterns (``Right.essence_arguments``: e.g. scanning of content that the law obliges
providers to carry out, a mandate that weakens end-to-end encryption) are argued both ways: a match
sets out the argument for and against and is a *concern* until the author decides with
``Interference.essence`` (reached or not, with reasons). The author may also depart from a held
pattern with reasons: the finding then stays visible as a concern, not a pass.
"""

from __future__ import annotations

from ...model import Citation, EssenceArgument, EssenceDecision
from ..condition import Subject
from ..context import EngineContext, MeasureView, StepInfo
from ..note import Note
from ..wording import listing
from .spec import StepSpec


def rule(ctx: EngineContext, view: MeasureView, step: StepInfo) -> list[Note]:
    """Test each interference against the author's judgement, absoluteness and the essence patterns."""
    facts = view.facts
    base = facts.subject
    notes: list[Note] = []
    checked: list[str] = []
    cites: list[Citation] = []
    # The safeguards in place matter to one held pattern (no remedy at all: Schrems I, para. 95), so the
    # step reads them and the flip analysis re-runs it (SPEC.uses_safeguards).
    in_place = tuple(sorted(t for t in view.by_type if view.meets(t)))
    for itf in facts.interferences:
        right = ctx.rights.get(itf.right)
        title = ctx.right_title(itf.right)
        nodes = (view.node, f"right:{itf.right}")
        essence_cite = tuple(right.essence_cite) if right else ()
        cites.extend(essence_cite)
        statement = (f"What the case law says the essence covers: {right.essence}",) if right and right.essence else ()
        decision = itf.essence
        if itf.reaches_essence or (decision is not None and decision.reached):
            why = decision.reasons if decision is not None and decision.reached else itf.rationale
            notes.append(Note(
                f"author:{itf.right}", "not-satisfied",
                f"The interference with {title} reaches the essence of the right, as the author holds.",
                (f"The author's reasoning: {why}", *statement), nodes,
                (*itf.cite, *(decision.cite if decision else ()), *essence_cite), ground="essence",
            ))
        departs = decision is not None and not decision.reached
        if right is not None and right.absolute and itf.severity != "none":
            notes.append(Note(
                f"absolute:{itf.right}", "not-satisfied",
                f"{title} is absolute: it admits no limitation, so any interference with it is a violation.",
                (f"The interference is recorded at severity {itf.severity}.",), nodes, essence_cite,
                ground="essence",
            ))
        patterns = ctx.essence_patterns(itf.right)
        subject = Subject(base.measure, base.data_categories, base.affected_count, itf, in_place)
        for k, pattern in enumerate(patterns, 1):
            holds = pattern.test(subject)
            if holds is True and departs and decision is not None:
                notes.append(Note(
                    f"pattern:{itf.right}:{k}", "concern",
                    f"The measure matches a case-law pattern under which the essence of {title} is reached; the "
                    "author holds it is not, for reasons a court would have to accept.",
                    (f"Pattern {k} of {title}: {pattern.text}.", f"The author's reasons: {decision.reasons}",
                     *statement), nodes, (*decision.cite, *essence_cite),
                    condition=f"Show why the case-law essence pattern of {title} does not fit this measure, or "
                              "change the measure so that it no longer matches.",
                ))
            elif holds is True:
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
        for argument, cond in ctx.essence_arguments(itf.right):
            if argument.since <= ctx.rg.resolved.as_of:  # not argued before its earliest source existed
                notes.extend(_argued(argument, cond.test(subject), decision, title, itf.right, nodes))
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


def _argued(argument: EssenceArgument, holds: bool | None, decision: EssenceDecision | None, title: str,
            right: str, nodes: tuple[str, ...]) -> list[Note]:
    """A contested essence pattern that matches: the argument both ways, and the author's decision."""
    if holds is not True:
        return []
    both: tuple[str, ...] = (f"Contested pattern: {argument.title}.", f"For: {argument.argument_for}",
            f"Against: {argument.argument_against}")
    if not argument.verified and argument.verified_note:
        both = (*both, f"Unverified: {argument.verified_note}")
    suffix = f"argued:{right}:{argument.id}"
    cite = tuple(argument.cite)
    if decision is None:
        return [Note(suffix, "concern",
                     f"Arguably the essence of {title} is reached ({argument.title}); no court has decided it, and "
                     "the author has not.", (*both, "Decide it: record interference.essence (reached, reasons)."),
                     nodes, cite,
                     condition=f"Decide whether the essence of {title} is reached ({argument.title}), with "
                               "reasons; if it is, no safeguard can save the measure.")]
    if decision.reached:
        return []  # the author's finding above stops the test and carries the reasons
    return [Note(suffix, "satisfied",
                 f"The author holds that the essence of {title} is not reached ({argument.title}).",
                 (*both, f"The author's reasons: {decision.reasons}"), nodes, (*decision.cite, *cite))]


SPEC = StepSpec(id="essence", title="Respects the essence", short="essence", abbrev="ess",
                rule=rule, stops_with="essence-violated", uses_safeguards=True,
                summary="No interference reaches the essence of a right.")
