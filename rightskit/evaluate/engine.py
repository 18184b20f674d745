"""The engine: run the method's steps per measure, decide the verdict, analyse flips, total per right.

``evaluate(rg)`` reads the graph once into an :class:`~.context.EngineContext`, then for each
measure (sorted by id) runs the steps in the method's order, stopping where the law stops (the
essence), and turns the rules' notes into findings whose ids are ``<measure>/<step>/<suffix>``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..graph import RightsGraph
from ..model import Assessment
from ..translation.sentence import Sentence, sentence, term
from .context import BASELINE, EngineContext, LaterLaw, MeasureView
from .convention import art_8_2
from .flip import analyse
from .method import plan
from .registry import RuleRegistry, default_registry
from .requirements import Requirement
from .results import (
    EvaluationResult,
    Finding,
    FrameworkStamp,
    InterferenceResult,
    MeasureResult,
    Mitigation,
    RightResult,
    SafeguardRequirement,
    StepResult,
)
from .runner import run_steps
from .severity import cumulative, explain, word
from .steps.safeguards import unmet
from .verdict import SKIPPED_SUMMARY, StepOutcome, judge
from .wording import kept, kept_all, listing

DISCLAIMER = Sentence(
    "rightskit supports decisions; it is not a court. Every finding follows from the author's inputs "
    "(the facts, severities, safeguards and evidence recorded in the assessment) and from the framework "
    "data listed, weighed by the calculus documented in docs/engine.md. Read each finding's reasons and "
    "sources; a different reading of the same facts can be reasonable."
)


def evaluate(rg: RightsGraph, registry: RuleRegistry | None = None) -> EvaluationResult:
    """Evaluate every measure of the graph's assessment against the Art. 52(1) method."""
    from ..version import __version__

    registry = registry if registry is not None else default_registry()
    resolved = rg.resolved
    steps = plan(resolved, registry)
    ctx = EngineContext(rg)
    measures: dict[str, MeasureResult] = {}
    per_right: dict[str, dict[str, int]] = {}
    shared = SharedRequirements()
    methods = methods_of(resolved.assessment)
    for mid in sorted(ctx.measures):
        facts = ctx.facts(mid)
        view = ctx.view(facts, BASELINE)
        outcomes = run_steps(ctx, steps, view)
        judgement = judge(outcomes)
        verdict, reason = judgement.verdict, judgement.reason
        flip = analyse(ctx, steps, facts, outcomes, verdict)
        for r in view.residuals:
            per_right.setdefault(r.right, {})[mid] = r.residual
        measures[mid] = MeasureResult.model_construct(
            title=facts.measure.title, verdict=verdict, verdict_reason=kept(reason),
            steps={o.step.id: _step_result(mid, o, shared, ctx.later_law) for o in outcomes},
            interferences=_interferences(mid, view, outcomes),
            detection=facts.detection.result if facts.detection else None,
            flip=flip, missing_safeguards=unmet(view),
            protected_downstream=sorted({p.safeguard for p in facts.protections if p.via}),
            ground=judgement.ground, grounds=list(judgement.grounds),
            conditions=kept_all(judgement.conditions), recommendations=kept_all(judgement.recommendations),
            convention=art_8_2(ctx, view, outcomes) if "echr" in methods else None,
        )
    rights = {}
    for right in sorted(per_right):
        c = cumulative(right, per_right[right], ctx.calculus)
        rights[right] = RightResult.model_construct(
            title=ctx.right_title(right), cumulative=word(c.severity),
            measures={m: word(v) for m, v in c.measures.items()},
            explanation=c.explanation,
        )
    result = EvaluationResult(
        assessment=resolved.assessment.id, title=resolved.assessment.title, as_of=resolved.as_of.isoformat(),
        mode=ctx.mode, mode_reason=ctx.mode_reason, methods=methods,
        later_case_law=list(ctx.later_law.names.values()),
        rightskit_version=__version__, frameworks=_stamps(rg), measures=measures, rights=rights,
        requirements=shared.table, disclaimer=DISCLAIMER,
    )
    # Validation makes every string a plain str; the two sentences are put back, so a report can say them
    # in its own language (translation.sentence).
    return result.model_copy(update={"mode_reason": ctx.mode_reason, "disclaimer": DISCLAIMER})


def methods_of(assessment: Assessment) -> list[str]:
    """The methods to run: the author's list, else those of the frameworks used (Charter, Convention)."""
    if assessment.methods:
        return sorted(set(assessment.methods))
    used = {u.id for u in assessment.frameworks}
    found = [m for m, fid in (("charter", "eu-charter"), ("echr", "echr")) if fid in used]
    return found or ["charter"]


class SharedRequirements:
    """The safeguard requirements the findings refer to, each listed once under a stable id.

    Thousands of measures share a few requirements (a type, and the criteria that demand it); each
    one's reasons and citations were most of a large assessment's results. Ids are '<type>#<n>', n
    counting from 1 per type in the order the measures (sorted by id) first need them.
    """

    def __init__(self) -> None:
        self.table: dict[str, SafeguardRequirement] = {}
        self._ids: dict[tuple[str, tuple[str, ...]], str] = {}
        self._count: dict[str, int] = {}

    def id_of(self, req: Requirement) -> str:
        """The id of ``req``'s shared entry, added on first use."""
        key = (req.type, req.reasons)  # the reasons name every demand, and whether it is certain
        rid = self._ids.get(key)
        if rid is None:
            n = self._count[req.type] = self._count.get(req.type, 0) + 1
            rid = self._ids[key] = f"{req.type}#{n}"
            self.table[rid] = SafeguardRequirement.model_construct(
                type=req.type, title=req.title, certain=req.certain, force=req.force, reasons=list(req.reasons),
                cite=list(req.cite), duty=req.duty)
        return rid


def _stamps(rg: RightsGraph) -> list[FrameworkStamp]:
    day = rg.resolved.as_of
    out = []
    for fid, fw in sorted(rg.resolved.frameworks.items()):
        version = fw.version_at(day)
        status: str = term(version.status) if version else sentence("not in effect")
        # Opinions are cited as analysis, never applied as law: their stamp must not read "in-force".
        if fw.kind == "expert-record":
            status = sentence("expert opinions, not law")
        out.append(FrameworkStamp.model_construct(id=fid, title=fw.title, data_version=fw.data_version,
                                                  legal_version=version.id if version else None, legal_status=status))
    return out


def _step_result(mid: str, o: StepOutcome, shared: SharedRequirements, later_law: LaterLaw) -> StepResult:
    if o.skipped:
        return StepResult.model_construct(status="undetermined", skipped=True, findings=[], summary=SKIPPED_SUMMARY)
    findings: list[Finding] = []
    seen: set[str] = set()
    for rule_id, n in o.notes:
        fid = f"{mid}/{o.step.id}/{n.suffix}"
        k = 2
        while fid in seen:  # two rules of one step may use the same suffix; keep ids unique and stable
            fid = f"{mid}/{o.step.id}/{n.suffix}#{k}"
            k += 1
        seen.add(fid)
        # Results are built with model_construct: the engine makes them from validated inputs, and
        # re-validating tens of thousands of findings (every string through the inert-text check again)
        # took a third of the evaluation of a large assessment. mypy checks the types instead.
        reasons, cite, requirement = kept_all(n.reasons), list(n.cite), None
        if n.requirement is not None:  # its reasons and sources are listed once, under results.requirements
            requirement = shared.id_of(n.requirement)
            reasons = reasons[len(n.requirement.reasons):]
            if n.cite is n.requirement.cite:  # the usual case, on the hot path: nothing of the finding's own
                cite = []
            else:  # the finding's own sources beyond the requirement's, e.g. a chain's
                shared_cite = {(c.ref, c.pinpoint) for c in n.requirement.cite}
                cite = [c for c in cite if (c.ref, c.pinpoint) not in shared_cite]
        cite, later = later_law.split(cite)
        if later:
            reasons = [*reasons, sentence("Later case law, not applied as law on the as-of date: {cases}.",
                                          cases=listing(later))]
        findings.append(Finding.model_construct(
            id=fid, rule=rule_id, status=n.status, message=kept(n.message), reasons=reasons,
            nodes=kept_all(dict.fromkeys(n.nodes)), cite=cite, requirement=requirement,
            requirement_type=n.requirement.type if n.requirement else None, ground=n.ground,
            condition=kept(n.condition) if n.condition else None,
            recommendation=kept(n.recommendation) if n.recommendation else None))
    same = [f for f in findings if f.status == o.status]
    summary = same[0].message if same else o.step.title
    if len(same) > 1:
        summary = sentence("{message} (+{n} more {status})", message=summary, n=len(same) - 1,
                           status=term(o.status))
    return StepResult.model_construct(status=o.status, summary=kept(summary), findings=findings, skipped=False)


def _interferences(mid: str, view: MeasureView, outcomes: Sequence[StepOutcome]) -> list[InterferenceResult]:
    essence_rights = {node.removeprefix("right:") for o in outcomes if o.stops_with and not o.skipped
                      for _, n in o.notes if n.status == "not-satisfied" for node in n.nodes
                      if node.startswith("right:")}
    out = []
    for r in view.residuals:
        text = explain(r)
        if r.inherited_from:
            text = sentence("{explanation}. Upstream measures interfering with the same right: {measures}",
                            explanation=text, measures=listing(r.inherited_from))
        out.append(InterferenceResult.model_construct(
            measure=mid, right=r.right, inherent=r.interference.severity, inherited_from=list(r.inherited_from),
            residual=word(r.residual),
            reaches_essence=r.interference.reaches_essence or r.right in essence_rights,
            mitigations=[Mitigation.model_construct(safeguard=a.safeguard, strength=a.strength,
                                                    levels=a.levels if a.counted else 0, effective=a.effective)
                         for a in r.applied if not a.hypothetical],
            explanation=kept(text),
        ))
    return out
