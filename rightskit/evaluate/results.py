"""The typed results of an evaluation: findings, step results, verdicts, residual severity.

Step ids, status words and verdict words are part of the public interface; the JSON Schema of
these models is published as ``rightskit schema --results`` and versioned by RESULTS_SCHEMA_VERSION.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from ..model.base import StrictModel
from ..model.citation import Citation
from ..model.scales import Severity

#: Who must act on a missing safeguard, in words (the catalogue type's ``duty``); the text table and the
#: report (render/phrases.py, translated there) both say it so.
DUTY_WORDS = {"law": "the law must provide", "controller": "the controller must implement"}
#: The holder of a type whose catalogue entry names none: the case law asks for safeguards laid down in law.
DEFAULT_DUTY = "law"

RESULTS_SCHEMA_VERSION = "3.1"

StepId = Literal["legality", "essence", "legitimate-aim", "suitability", "necessity", "proportionality", "safeguards"]
#: The step ids in the method's order: spelled once, in StepId (each step module's StepSpec must match;
#: tests/unit/test_step_specs.py checks it).
STEP_IDS: tuple[str, ...] = get_args(StepId)
Status = Literal["satisfied", "concern", "not-satisfied", "undetermined"]
Verdict = Literal[
    "proportionate", "proportionate-with-conditions", "disproportionate", "essence-violated", "undetermined"
]


class Finding(StrictModel):
    """One conclusion of a rule, with its reasons, the graph elements it read and its sources."""

    id: str = Field(description="Stable id: '<measure>/<step>/<rule-specific suffix>'.")
    rule: str = Field(description="Id of the registered rule that produced it.")
    status: Status = Field(description="What the finding means for its step.")
    message: str = Field(description="One-sentence conclusion.")
    reasons: list[str] = Field(default_factory=list, description="The reasoning, step by step.")
    nodes: list[str] = Field(default_factory=list, description="Graph node ids the rule read, e.g. 'measure:scan'.")
    cite: list[Citation] = Field(default_factory=list, description="Sources that justify the finding.")
    requirement: str | None = Field(
        default=None,
        description="For a finding about a required safeguard type: the id of the shared requirement in "
                    "EvaluationResult.requirements, whose reasons come before this finding's own and whose "
                    "sources justify it (they are listed once there, not in every finding).",
    )
    requirement_type: str | None = Field(
        default=None, description="For a finding about a required safeguard type: the type, e.g. "
        "'safeguards/human-review'.")
    ground: str | None = Field(
        default=None, description="For a not-satisfied finding: the structural ground it establishes, e.g. "
        "'essential-safeguard-missing' (docs/engine.md, 'Grounds').")
    condition: str | None = Field(
        default=None, description="For a concern: the amendment that meets it, as the measure's conditions list "
        "it (a review's action plan keys it by this finding's id).")
    recommendation: str | None = Field(
        default=None, description="For a satisfied finding about missing good practice: the recommendation.")


class SafeguardRequirement(StrictModel):
    """Why a safeguard type is required for measures like these, and by which sources (shared)."""

    type: str = Field(description="Safeguard type reference, e.g. 'safeguards/human-review'.")
    title: str = Field(description="Catalogue title of the type.")
    certain: bool = Field(description="False when it is only possibly required (an input is unknown).")
    force: str = Field(default="expected", description="essential, expected or good-practice: the force of the "
                       "strongest source that demands it.")
    reasons: list[str] = Field(description="Each catalogue entry or case-law criterion that requires it.")
    cite: list[Citation] = Field(description="Their sources, each once.")
    duty: Literal["law", "controller"] | None = Field(
        default=None, description="Who must act when it is missing: 'law' (what the law must provide) or "
        "'controller' (what the controller must implement); from the catalogue type's duty.")


class StepResult(StrictModel):
    """The outcome of one Art. 52(1) step for one measure."""

    status: Status = Field(description="Worst status of the step's findings; 'undetermined' if skipped.")
    summary: str = Field(description="One line a reader sees first.")
    findings: list[Finding] = Field(default_factory=list, description="The findings behind the status.")
    skipped: bool = Field(default=False, description="True when an earlier step short-circuited the test.")


class Mitigation(StrictModel):
    """A safeguard's effect on one interference."""

    safeguard: str = Field(description="Safeguard id.")
    strength: str = Field(description="weak, moderate or strong.")
    levels: int = Field(description="Severity levels it removes under the calculus.")
    effective: bool = Field(description="False when the safeguard is recorded as ineffective in practice.")


class InterferenceResult(StrictModel):
    """Severity of one measure's interference with one right, before and after safeguards."""

    measure: str = Field(description="Measure id.")
    right: str = Field(description="Right id.")
    inherent: Severity = Field(description="Severity the author recorded, before safeguards.")
    inherited_from: list[str] = Field(default_factory=list, description="Upstream measures whose data it inherits.")
    residual: Severity = Field(description="Severity after safeguards, under the documented calculus.")
    reaches_essence: bool = Field(description="True when the essence of the right is reached.")
    mitigations: list[Mitigation] = Field(default_factory=list, description="Safeguards applied.")
    explanation: str = Field(description="How residual severity was computed.")


class Range(StrictModel):
    """A computed quantity as low, central and high values; None where an input is unknown."""

    low: float | None = Field(default=None, description="With the inputs' low ends.")
    central: float | None = Field(default=None, description="With central inputs.")
    high: float | None = Field(default=None, description="With the inputs' high ends.")


class DetectionResult(StrictModel):
    """The base-rate arithmetic of a detection measure."""

    known_inputs: list[str] = Field(description="Inputs that were given, with sources.")
    unknown_inputs: list[str] = Field(description="Inputs that were not given; their outputs stay unknown.")
    true_hits_per_day: Range = Field(description="Expected correct hits per day.")
    false_hits_per_day: Range = Field(description="Expected false hits per day.")
    precision: Range = Field(description="Share of hits that are correct (positive predictive value).")
    innocent_users_flagged_per_year: Range = Field(description="People wrongly flagged per year (upper bound).")
    review_hours_per_day: Range = Field(description="Human-review workload per day.")
    explanation: list[str] = Field(description="The arithmetic in words, with the base-rate effect.")


class FlipResult(StrictModel):
    """Which safeguards carry the verdict, and what would change it."""

    carrying: list[str] = Field(description="Safeguards whose removal alone would change the verdict.")
    fix: list[str] | None = Field(
        default=None, description="Smallest set of catalogue safeguard types that would make it proportionate."
    )
    fix_possible: bool = Field(description="False when no safeguard can help (e.g. the essence is reached).")
    explanation: str = Field(description="What the analysis found, in words.")


ConventionVerdict = Literal["no-violation", "no-violation-with-conditions", "violation", "undetermined"]


class ConventionTest(StrictModel):
    """One question of the ECHR Art. 8(2) method, answered in the Convention's terms."""

    id: Literal["in-accordance-with-the-law", "legitimate-aim", "necessary-in-a-democratic-society"] = Field(
        description="The question.")
    title: str = Field(description="The question's title.")
    status: Status = Field(description="satisfied, concern (a condition), not-satisfied or undetermined.")
    message: str = Field(description="The answer, in the Convention's terms.")
    reasons: list[str] = Field(default_factory=list, description="The reasoning.")
    cite: list[Citation] = Field(default_factory=list, description="Sources: Art. 8(2) and the case law.")


class ConventionResult(StrictModel):
    """The ECHR Art. 8(2) verdict for one measure, when the assessment runs that method."""

    verdict: ConventionVerdict = Field(description="no-violation, no-violation-with-conditions, violation or "
                                       "undetermined.")
    reason: str = Field(description="Why, naming the decisive question.")
    tests: list[ConventionTest] = Field(description="The three questions, in order.")


class MeasureResult(StrictModel):
    """All results for one measure."""

    title: str = Field(description="Measure title.")
    verdict: Verdict = Field(description="Overall verdict.")
    verdict_reason: str = Field(description="Why this verdict, in one sentence.")
    steps: dict[str, StepResult] = Field(description="Step id → result, in the method's order.")
    interferences: list[InterferenceResult] = Field(default_factory=list, description="Per-right severity.")
    detection: DetectionResult | None = Field(default=None, description="Detection arithmetic, if applicable.")
    flip: FlipResult | None = Field(default=None, description="Flip analysis.")
    missing_safeguards: list[str] = Field(default_factory=list, description="Required safeguard types missing.")
    protected_downstream: list[str] = Field(
        default_factory=list, description="Safeguards recorded on a downstream measure that protect this one "
        "along the chain (their catalogue type reaches upstream, e.g. human review before a report), sorted.")
    convention: ConventionResult | None = Field(
        default=None, description="The ECHR Art. 8(2) method's verdict, when the assessment runs it.")
    ground: str | None = Field(default=None, description="The decisive structural ground, for a disproportionate "
                               "or essence-violated verdict.")
    grounds: list[str] = Field(default_factory=list, description="Every structural ground found, decisive first.")
    conditions: list[str] = Field(default_factory=list, description="What must change for the measure to be "
                                  "proportionate: the amendments that meet each concern.")
    recommendations: list[str] = Field(default_factory=list, description="Good practice that is missing.")


class RightResult(StrictModel):
    """The cumulative interference with one right across all measures."""

    title: str = Field(description="Name of the right.")
    cumulative: Severity = Field(description="Cumulative residual severity.")
    measures: dict[str, Severity] = Field(description="Measure id → residual severity.")
    explanation: str = Field(description="How the cumulative severity was computed.")


class FrameworkStamp(StrictModel):
    """Which framework data and legal version an evaluation used."""

    id: str = Field(description="Framework id.")
    title: str = Field(description="Framework title.")
    data_version: str = Field(description="Version of the data file.")
    legal_version: str | None = Field(description="Version in effect on the as-of date, or None.")
    legal_status: str = Field(description="in-force, proposal, position, not-applicable, 'not in effect', "
                              "or 'expert opinions, not law' for an expert record.")


class EvaluationResult(StrictModel):
    """Everything the engine concluded about an assessment."""

    schema_version: str = Field(default=RESULTS_SCHEMA_VERSION, description="Version of this results schema.")
    assessment: str = Field(description="Assessment id.")
    title: str = Field(description="Assessment title.")
    as_of: str = Field(description="As-of date (ISO 8601).")
    mode: str = Field(default="ex-post", description="ex-ante (a draft assessed as if adopted) or ex-post.")
    methods: list[str] = Field(default_factory=lambda: ["charter"], description="The methods run: 'charter' "
                               "(Art. 52(1)) and/or 'echr' (Art. 8(2)).")
    mode_reason: str = Field(default="", description="Why this mode applies.")
    later_case_law: list[str] = Field(
        default_factory=list,
        description="Judgments given on or after the as-of date: not applied as law, listed for information.")
    rightskit_version: str = Field(description="Version of rightskit that produced the results.")
    frameworks: list[FrameworkStamp] = Field(description="Framework data and legal versions used.")
    measures: dict[str, MeasureResult] = Field(description="Measure id → results, sorted by id.")
    rights: dict[str, RightResult] = Field(description="Right id → cumulative interference, sorted by id.")
    requirements: dict[str, SafeguardRequirement] = Field(
        default_factory=dict,
        description="Requirement id ('<type>#<n>') → why the type is required and by which sources; findings "
                    "refer to these by id. Numbered in the order measures (sorted by id) first need them.",
    )
    disclaimer: str = Field(description="Findings follow from the author's inputs; this is not a court.")

    def missing_by_duty(self, measure: str) -> dict[str, list[str]]:
        """A measure's missing safeguard types by who must act: 'law' and 'controller' → catalogue titles.

        A type whose catalogue entry names no duty counts as the law's: the case law asks for safeguards
        laid down in law, so a gap nobody is named for falls to the legislature.
        """
        m = self.measures.get(measure)
        if m is None:
            return {}
        by_type = {r.type: r for r in self.requirements.values()}
        out: dict[str, list[str]] = {}
        for t in m.missing_safeguards:
            req = by_type.get(t)
            holder = req.duty if req and req.duty else DEFAULT_DUTY
            out.setdefault(holder, []).append(req.title if req else t)
        return {k: sorted(out[k]) for k in ("law", "controller") if k in out}
