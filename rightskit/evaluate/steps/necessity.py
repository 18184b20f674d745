"""Necessity: strictly necessary — no less intrusive means that works as well, and a scope no wider than needed.

Two questions (``docs/engine.md``, "Necessity"):

* **Alternatives.** An alternative that replaces the measure is *less intrusive* when its highest
  severity is lower than the measure's recorded (pre-safeguard) severity, or equal with no right more
  affected and one less. A less intrusive alternative at least as effective as the measure fails the
  step; one with no effectiveness given leaves it undetermined; a less effective one does not defeat
  necessity. With no alternative recorded the step is a concern: necessity was not examined.
* **Scope.** A targeted measure passes. A general measure whose people are linked to the aim by a
  risk assessment or suspicion is a concern. A general and indiscriminate measure (no link at all)
  is a concern when its interferences are below 'serious'; at 'serious' or above it exceeds what is
  strictly necessary, unless the aim carries the highest weight and the measure is limited in time,
  which the case law accepts only exceptionally (a concern).
"""

from __future__ import annotations

from ...model import Alternative, Citation
from ...model.scales import SEVERITY_ORDER, effectiveness_rank, importance_rank, severity_rank
from ...translation import N_
from ...translation.sentence import sentence, term
from ..context import EngineContext, MeasureFacts, MeasureView, StepInfo
from ..note import Note
from .spec import StepSpec

_SERIOUS = severity_rank("serious")


def rule(ctx: EngineContext, view: MeasureView, step: StepInfo) -> list[Note]:
    """Compare with the alternatives and weigh the scope."""
    facts = view.facts
    notes = [_scope(ctx, facts, view, step)]
    if not facts.alternatives:
        notes.append(Note(
            "alternatives", "concern",
            sentence("No less intrusive alternative is recorded: necessity is shown only when the alternatives "
                     "were examined and found less effective."),
            (sentence("Record the alternatives considered (alternatives: with replaces: this measure)."),),
            (view.node,), step.cite,
            condition=sentence("Examine the less intrusive alternatives and show why they would not serve the aim as "
                               "well."),
        ))
    for alt in facts.alternatives:
        notes.append(_alternative(facts, view, alt))
    return notes


def _scope(ctx: EngineContext, facts: MeasureFacts, view: MeasureView, step: StepInfo) -> Note:
    m = facts.measure
    top = max((severity_rank(i.severity) for i in facts.interferences), default=0)
    suspicion = m.affected.suspicion if m.affected else "none"
    reasons: list[str] = [sentence("Scope: {scope}; link of the people affected to the aim: {suspicion}; highest "
                                   "recorded severity: {severity}.", scope=term(m.scope), suspicion=term(suspicion),
                                   severity=term(SEVERITY_ORDER[top]))]
    if m.scope == "targeted":
        return Note("scope", "satisfied", sentence("The measure is targeted: it reaches only people selected on "
                    "objective criteria."), tuple(reasons), (view.node,), step.cite)
    if suspicion != "none":
        reasons.append(sentence("General measures must rest on objective criteria that link the people affected to "
                                "the aim; a risk assessment or suspicion does so only in part."))
        selected = {"risk-based": sentence("a risk assessment"),
                    "reasonable-suspicion": sentence("reasonable suspicion")}
        return Note("scope", "concern", sentence("The measure applies generally, within a population selected by "
                    "{selection}.", selection=selected.get(suspicion, suspicion)), tuple(reasons), (view.node,),
                    step.cite,
                    condition=sentence("Tie the people affected to the aim by objective criteria, narrowing the "
                                       "{suspicion} selection to what is strictly necessary.",
                                       suspicion=term(suspicion)))
    if top < _SERIOUS:
        reasons.append(sentence("General and indiscriminate measures may be justified only for interferences that "
                                "are not serious."))
        return Note("scope", "concern", sentence("The measure is general and indiscriminate, but its interferences "
                    "are not serious."), tuple(reasons), (view.node,), step.cite,
                    condition=sentence("Keep the interference below 'serious' (what it processes and reveals), or "
                                       "target the measure on objective criteria."))
    weight = max((importance_rank(a.importance) for a in facts.aims), default=0)
    limited = m.max_duration_months is not None
    calc = ctx.calculus
    reasons.append(sentence("A general and indiscriminate measure that seriously interferes with rights exceeds what "
                            "is strictly necessary; it is accepted only exceptionally, against a threat of the "
                            "highest weight and for a limited period, under effective review."))
    reasons.append(sentence("Weight of the weightiest aim: {weight} (exception needs {needed}); limited in time: "
                            "{limited}.", weight=weight, needed=calc.general_exception_importance,
                            limited=sentence("yes, {n} months", n=str(m.max_duration_months)) if limited
                            else sentence("no")))
    if weight >= calc.general_exception_importance and limited:
        return Note("scope", "concern", sentence("The measure is general and indiscriminate; it falls within the "
                    "exception for aims of the highest weight, for a limited time."), tuple(reasons),
                    (view.node, *(f"aim:{a.id}" for a in facts.aims)), step.cite,
                    condition=sentence("Keep the measure limited in time and subject to effective review that the "
                                       "threat of the highest weight persists."))
    return Note("scope", "not-satisfied", sentence("The measure is general and indiscriminate and seriously "
                "interferes with rights: it exceeds what is strictly necessary."), tuple(reasons),
                (view.node, *(f"aim:{a.id}" for a in facts.aims)), step.cite, ground="general-indiscriminate")


def _less_intrusive(facts: MeasureFacts, alt: Alternative) -> tuple[bool, str]:
    mine = {i.right: severity_rank(i.severity) for i in facts.interferences}
    theirs: dict[str, int] = {}
    for a in alt.interferes:
        theirs[a.right] = max(theirs.get(a.right, 0), severity_rank(a.severity))
    top_m, top_a = max(mine.values(), default=0), max(theirs.values(), default=0)
    words = sentence("highest severity {theirs} against the measure's {mine}", theirs=term(SEVERITY_ORDER[top_a]),
                     mine=term(SEVERITY_ORDER[top_m]))
    if top_a < top_m:
        return True, words
    if top_a > top_m:
        return False, words
    rights = sorted(set(mine) | set(theirs))
    if all(theirs.get(r, 0) <= mine.get(r, 0) for r in rights) and any(
            theirs.get(r, 0) < mine.get(r, 0) for r in rights):
        return True, sentence("{severity}, but no right more affected and at least one less", severity=words)
    return False, sentence("{severity}, and no lighter on every right", severity=words)


def _alternative(facts: MeasureFacts, view: MeasureView, alt: Alternative) -> Note:
    m = facts.measure
    suffix = f"alternative:{alt.id}"
    nodes = (view.node, f"alternative:{alt.id}")
    cite: tuple[Citation, ...] = (*alt.cite, *(alt.effectiveness.cite if alt.effectiveness else ()))
    own_aims = {a.id for a in facts.aims}
    if alt.aims and own_aims and not own_aims & set(alt.aims):
        return Note(suffix, "satisfied",
                    sentence("'{title}' serves other aims, so it is no alternative for this measure.", title=alt.title),
                    (sentence("Its aims: {theirs}; the measure's: {mine}.", theirs=", ".join(sorted(alt.aims)),
                              mine=", ".join(sorted(own_aims))),), nodes, cite)
    less, words = _less_intrusive(facts, alt)
    how = sentence("{comparison}.", comparison=words)
    if not less:
        return Note(suffix, "satisfied", sentence("'{title}' is not less intrusive than the measure.", title=alt.title),
                    (how,), nodes, cite)
    if alt.effectiveness is None:
        return Note(suffix, "concern",
                    sentence("'{title}' is less intrusive, but how effective it would be is not given: necessity is "
                             "not shown.", title=alt.title),
                    (how, sentence("Record the alternative's effectiveness, with sources.")), nodes, cite,
                    condition=sentence("Show, with evidence, that '{title}' would not serve the aim as well.",
                                       title=alt.title))
    if m.effectiveness is None:
        return Note(suffix, "concern",
                    sentence("'{title}' is less intrusive, but the measure's own effectiveness is not given, so the "
                             "two cannot be compared.", title=alt.title), (how,), nodes, cite,
                    condition=sentence("Show, with evidence, that the measure serves the aim better than '{title}'.",
                                       title=alt.title))
    ours, theirs = effectiveness_rank(m.effectiveness.level), effectiveness_rank(alt.effectiveness.level)
    comparison = sentence("Effectiveness: the alternative {theirs}, the measure {mine}.",
                          theirs=term(alt.effectiveness.level), mine=term(m.effectiveness.level))
    if theirs >= ours:
        return Note(suffix, "not-satisfied",
                    sentence("'{title}' is less intrusive and at least as effective: the measure is not strictly "
                             "necessary.", title=alt.title),
                    (how, comparison, sentence("Evidence: {statement}", statement=alt.effectiveness.statement)),
                    nodes, cite, ground="less-intrusive-alternative")
    return Note(suffix, "satisfied",
                sentence("'{title}' is less intrusive but less effective, so it does not show the measure "
                         "unnecessary.", title=alt.title), (how, comparison), nodes, cite)


SPEC = StepSpec(id="necessity", title="Necessity", short="necessary", abbrev=N_("nec"), rule=rule,
                summary="No less intrusive, equally effective alternative; scope limited to what is needed.")
