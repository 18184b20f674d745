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
from ...translation import N_
from ...translation.sentence import sentence, term
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
        statement = ((sentence("What the case law says the essence covers: {essence}", essence=right.essence),)
                     if right and right.essence else ())
        decision = itf.essence
        if itf.reaches_essence or (decision is not None and decision.reached):
            why = decision.reasons if decision is not None and decision.reached else itf.rationale
            notes.append(Note(
                f"author:{itf.right}", "not-satisfied",
                sentence("The interference with {right} reaches the essence of the right, as the author holds.",
                         right=title),
                (sentence("The author's reasoning: {reasons}", reasons=why), *statement), nodes,
                (*itf.cite, *(decision.cite if decision else ()), *essence_cite), ground="essence",
            ))
        departs = decision is not None and not decision.reached
        if right is not None and right.absolute and itf.severity != "none":
            notes.append(Note(
                f"absolute:{itf.right}", "not-satisfied",
                sentence("{right} is absolute: it admits no limitation, so any interference with it is a violation.",
                         right=title),
                (sentence("The interference is recorded at severity {severity}.", severity=term(itf.severity)),),
                nodes, essence_cite,
                ground="essence",
            ))
        patterns = ctx.essence_patterns(itf.right)
        subject = Subject(base.measure, base.data_categories, base.affected_count, itf, in_place)
        for k, pattern in enumerate(patterns, 1):
            holds = pattern.test(subject)
            if holds is True and departs and decision is not None:
                notes.append(Note(
                    f"pattern:{itf.right}:{k}", "concern",
                    sentence("The measure matches a case-law pattern under which the essence of {right} is reached; "
                             "the author holds it is not, for reasons a court would have to accept.", right=title),
                    (sentence("Pattern {k} of {right}: {pattern}.", k=k, right=title, pattern=pattern.text),
                     sentence("The author's reasons: {reasons}", reasons=decision.reasons),
                     *statement), nodes, (*decision.cite, *essence_cite),
                    condition=sentence("Show why the case-law essence pattern of {right} does not fit this measure, "
                                       "or change the measure so that it no longer matches.", right=title),
                ))
            elif holds is True:
                notes.append(Note(
                    f"pattern:{itf.right}:{k}", "not-satisfied",
                    sentence("The measure matches a case-law pattern under which the essence of {right} is reached.",
                             right=title),
                    (sentence("Pattern {k} of {right}: {pattern}.", k=k, right=title, pattern=pattern.text),
                     sentence("Every part of the pattern holds for this measure."),
                     *statement), nodes, essence_cite, ground="essence",
                ))
            elif holds is None:
                unknown = listing(pattern.unknown_fields(subject))
                notes.append(Note(
                    f"pattern:{itf.right}:{k}", "undetermined",
                    sentence("Whether the essence of {right} is reached cannot be decided: {fields} not given.",
                             right=title, fields=unknown),
                    (sentence("Pattern {k} of {right}: {pattern}.", k=k, right=title, pattern=pattern.text),
                     sentence("The pattern would decide the question, but {fields} is unknown; state it.",
                              fields=unknown)),
                    nodes, essence_cite,
                ))
        for argument, cond in ctx.essence_arguments(itf.right):
            if argument.since <= ctx.rg.resolved.as_of:  # not argued before its earliest source existed
                notes.extend(_argued(argument, cond.test(subject), decision, title, itf.right, nodes))
        checked.append(sentence("{right}: marked as reaching the essence by the author; {n} case-law pattern(s) "
                                "tested, none matching", right=title, n=len(patterns)) if itf.reaches_essence else
                       sentence("{right}: not marked as reaching the essence by the author; {n} case-law pattern(s) "
                                "tested, none matching", right=title, n=len(patterns)))
    if not any(n.status in ("not-satisfied", "undetermined") for n in notes):
        if not facts.interferences:
            message = sentence("No interference is recorded, so no essence of a right can be reached.")
        else:
            message = sentence("No interference reaches the essence of a right ({rights}).",
                               rights=listing(ctx.right_title(i.right) for i in facts.interferences))
        notes.append(Note("none", "satisfied", message, tuple(checked),
                          (view.node, *(f"right:{i.right}" for i in facts.interferences)), tuple(cites)))
    return notes


def _argued(argument: EssenceArgument, holds: bool | None, decision: EssenceDecision | None, title: str,
            right: str, nodes: tuple[str, ...]) -> list[Note]:
    """A contested essence pattern that matches: the argument both ways, and the author's decision."""
    if holds is not True:
        return []
    both: tuple[str, ...] = (sentence("Contested pattern: {title}.", title=argument.title),
                             sentence("For: {argument}", argument=argument.argument_for),
                             sentence("Against: {argument}", argument=argument.argument_against))
    if not argument.verified and argument.verified_note:
        both = (*both, sentence("Unverified: {note}", note=argument.verified_note))
    suffix = f"argued:{right}:{argument.id}"
    cite = tuple(argument.cite)
    if decision is None:
        return [Note(suffix, "concern",
                     sentence("Arguably the essence of {right} is reached ({argument}); no court has decided it, and "
                              "the author has not.", right=title, argument=argument.title),
                     (*both, sentence("Decide it: record interference.essence (reached, reasons).")),
                     nodes, cite,
                     condition=sentence("Decide whether the essence of {right} is reached ({argument}), with "
                                        "reasons; if it is, no safeguard can save the measure.", right=title,
                                        argument=argument.title))]
    if decision.reached:
        return []  # the author's finding above stops the test and carries the reasons
    return [Note(suffix, "satisfied",
                 sentence("The author holds that the essence of {right} is not reached ({argument}).", right=title,
                          argument=argument.title),
                 (*both, sentence("The author's reasons: {reasons}", reasons=decision.reasons)), nodes,
                 (*decision.cite, *cite))]


SPEC = StepSpec(id="essence", title="Respects the essence", short="essence", abbrev=N_("ess"),
                rule=rule, stops_with="essence-violated", uses_safeguards=True,
                summary="No interference reaches the essence of a right.")
