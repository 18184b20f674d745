"""The assessment: measures, the rights they interfere with, safeguards, aims and alternatives."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .base import LocalId, Ref, ShortText, StrictModel, Text
from .citation import Citation, Estimate, Source
from .framework import Instrument, Right
from .scales import Effectiveness, Importance, Level, Severity, Strength
from .vocabulary import Authoriser, DataCategory, MeasureKind, Method, Mode, Purpose, Reliability

Detects = Literal["known-material", "new-material", "solicitation", "other"]
ActorType = Literal["provider", "public-authority", "eu-body", "other"]
Context = Literal[
    "interpersonal-communications", "hosting", "internet-access", "app-store", "search", "other"
]
Scope = Literal["general", "targeted"]
LegalQuality = Literal["accessible", "clear", "precise", "foreseeable"]


class Population(StrictModel):
    """Who is affected by a measure, and how many."""

    description: Text = Field(description="Who is affected, e.g. 'all users of messaging services in the EU'.")
    count: Estimate | None = Field(default=None, description="How many people, as a sourced estimate.")
    suspicion: Literal["none", "risk-based", "reasonable-suspicion"] = Field(
        default="none", description="Whether the people affected are linked to the aim by any suspicion."
    )
    includes_children: bool = Field(default=False, description="Whether children are among those affected.")


class LegalityIssue(StrictModel):
    """A defect in the quality of the legal basis, e.g. a vague threshold."""

    quality: LegalQuality = Field(description="Which quality of law is affected.")
    description: Text = Field(description="What is wrong, in plain words.")
    serious: bool = Field(default=False, description="True when it makes the basis unforeseeable as a whole.")
    cite: list[Citation] = Field(default_factory=list, description="Sources showing the defect.")


class Evidence(StrictModel):
    """A sourced statement about how well a measure or alternative achieves its aim."""

    level: Effectiveness = Field(description="How effective it is: none, low, medium or high.")
    statement: Text = Field(description="What the evidence shows.")
    cite: list[Citation] = Field(default_factory=list, description="Sources for the evidence.")
    reliability: Reliability | None = Field(
        default=None, description="How reliable the premise is: certain, plausible or not-evidently-false; "
        "when absent, plausible if the evidence cites a source, else not-evidently-false.")


class DetectionFigures(StrictModel):
    """Inputs of the detection arithmetic; each a sourced estimate, None when unknown."""

    items_per_day: Estimate | None = Field(default=None, description="Items scanned per day.")
    prevalence: Estimate | None = Field(default=None, description="Share of scanned items that are abusive.")
    true_positive_rate: Estimate | None = Field(default=None, description="Recall: share of abusive items flagged.")
    false_positive_rate: Estimate | None = Field(default=None, description="Share of innocent items flagged.")
    items_per_user_per_day: Estimate | None = Field(
        default=None, description="Items a user sends per day, to turn false hits into users flagged."
    )
    review_minutes_per_hit: Estimate | None = Field(default=None, description="Human review time per hit, minutes.")

    @field_validator("prevalence", "true_positive_rate", "false_positive_rate")
    @classmethod
    def _a_rate(cls, value: Estimate | None) -> Estimate | None:
        # A rate above 1 or below 0 is a typo (a percentage written as 12 for 12%), not a figure.
        if value is not None:
            for number in (value.value, value.low, value.high):
                if number is not None and not 0 <= number <= 1:
                    raise ValueError(f"a rate must be between 0 and 1, got {number} (write 12% as 0.12)")
        return value


class EssenceDecision(StrictModel):
    """The author's answer to the essence question for one interference, with reasons."""

    reached: bool = Field(description="True when the author holds the essence of the right reached.")
    reasons: Text = Field(description="Why: the argument the author adopts.")
    cite: list[Citation] = Field(default_factory=list, description="Sources for the reasons.")


class Interference(StrictModel):
    """How a measure limits a right: severity on the documented scale, with reasons."""

    right: Ref = Field(description="The right interfered with, e.g. 'eu-charter/art-7'.")
    severity: Severity = Field(description="Overall severity before safeguards (none … very-serious).")
    scope: Level | None = Field(default=None, description="EDPS scope: how many people are affected.")
    extent: Level | None = Field(default=None, description="EDPS extent: what data, for how long.")
    intensity: Level | None = Field(default=None, description="EDPS intensity: how revealing, how sensitive.")
    reaches_essence: bool = Field(default=False, description="True when the author finds the essence is reached.")
    essence: EssenceDecision | None = Field(
        default=None, description="The author's decision on the essence, with reasons: it resolves a contested "
        "pattern (an essence argument), and may depart from a case-law pattern, visibly.")
    rationale: Text = Field(min_length=1, description="Why this severity: the author's reasoning.")
    cite: list[Citation] = Field(default_factory=list, description="Sources supporting the severity judgement.")


class Measure(StrictModel):
    """A processing operation or order that interferes with rights, e.g. hash matching of messages."""

    id: LocalId = Field(description="Measure id; part of the assessment's interface.")
    title: ShortText = Field(description="Short name of the measure.")
    description: Text | None = Field(default=None, description="What the measure does, in detail.")
    kind: MeasureKind = Field(description="Kind of measure.")
    actor: str = Field(default="unspecified", max_length=300, description="Who carries it out.")
    actor_type: ActorType = Field(default="provider", description="Provider, public authority or EU body.")
    context: Context = Field(default="other", description="The kind of service it runs on.")
    data_categories: list[DataCategory] = Field(default_factory=list, description="Categories of data processed.")
    detects: list[Detects] = Field(default_factory=list, description="For detection: what it looks for.")
    technology: str | None = Field(default=None, max_length=500, description="The technology used.")
    automated: bool = Field(default=False, description="True when decisions or flags are made by machine.")
    mandatory: bool = Field(default=False, description="True when imposed by law or order, not voluntary.")
    end_to_end_encrypted: bool | None = Field(
        default=None, description="True when it applies to end-to-end encrypted communications."
    )
    scope: Scope = Field(default="general", description="General (everyone) or targeted (objective criteria).")
    purposes: list[Purpose] = Field(
        default_factory=list, description="What the data may be used for: national-security, serious-crime, crime, "
        "public-security, commercial, other.")
    authorised_by: Authoriser | None = Field(
        default=None, description="Who authorises the measure or access in advance: court, independent-authority, "
        "prosecutor, executive or none; null when unknown or not applicable.")
    onward_transfer: bool | None = Field(
        default=None, description="True when the data may be passed on to other bodies after the first recipient.")
    third_country_access: bool | None = Field(
        default=None, description="True when authorities of a third country may access the data.")
    affected: Population | None = Field(default=None, description="Who is affected and how many.")
    legal_basis: list[Ref] = Field(default_factory=list, description="Provisions that authorise the measure.")
    legality_issues: list[LegalityIssue] = Field(default_factory=list, description="Defects in the legal basis.")
    aims: list[LocalId] = Field(default_factory=list, description="Ids of the aims it pursues.")
    effectiveness: Evidence | None = Field(default=None, description="Evidence that it achieves its aims.")
    detection: DetectionFigures | None = Field(default=None, description="Inputs of the detection arithmetic.")
    duration: str | None = Field(default=None, max_length=300, description="How long it lasts, in words.")
    max_duration_months: int | None = Field(default=None, ge=0, description="Maximum duration, if limited.")
    feeds: list[LocalId] = Field(default_factory=list, description="Measures its output flows into.")
    interferes: list[Interference] = Field(default_factory=list, description="Rights it interferes with.")
    cite: list[Citation] = Field(default_factory=list, description="Sources describing the measure.")

    @property
    def affected_count(self) -> float | None:
        """Central estimate of people affected, if known."""
        return self.affected.count.central if self.affected and self.affected.count else None


class Mitigation(StrictModel):
    """Which interference a safeguard mitigates, and how strongly."""

    measure: LocalId = Field(description="The measure whose interference is mitigated.")
    right: Ref = Field(description="The right whose interference is mitigated.")
    strength: Strength = Field(description="How much it reduces the interference: weak, moderate or strong.")
    rationale: Text | None = Field(default=None, description="Why this strength.")
    cite: list[Citation] = Field(default_factory=list, description="Sources supporting the strength judgement.")


class Safeguard(StrictModel):
    """A condition or mechanism that mitigates interferences, e.g. human review of hits."""

    id: LocalId = Field(description="Safeguard id.")
    title: ShortText = Field(description="Short name.")
    requires: Text | None = Field(default=None, description="What it requires, in plain words.")
    type: Ref | None = Field(default=None, description="Catalogue type, e.g. 'safeguards/human-review'.")
    source: Ref | Literal["voluntary"] = Field(
        default="voluntary", description="The binding provision that imposes it, or 'voluntary'."
    )
    mitigates: list[Mitigation] = Field(default_factory=list, description="Interferences it mitigates.")
    conditions: list[Text] = Field(default_factory=list, description="Conditions attached to it, in words.")
    effective: bool = Field(default=True, description="False when it exists on paper but does not work in practice.")
    cite: list[Citation] = Field(default_factory=list, description="Sources for the safeguard.")

    @property
    def binding(self) -> bool:
        """True when a provision imposes it."""
        return self.source != "voluntary"


class Aim(StrictModel):
    """A legitimate objective a measure pursues."""

    id: LocalId = Field(description="Aim id.")
    title: ShortText = Field(description="The objective.")
    kind: Literal["general-interest", "rights-of-others"] = Field(
        description="Objective of general interest recognised by the Union, or protection of others' rights."
    )
    protects: list[Ref] = Field(default_factory=list, description="Rights it protects, e.g. 'eu-charter/art-24'.")
    importance: Importance = Field(default="high", description="Weight of the objective in the balance.")
    description: Text | None = Field(default=None, description="Details.")
    cite: list[Citation] = Field(default_factory=list, description="Where the Union recognises the objective.")


class AlternativeInterference(StrictModel):
    """An interference an alternative would cause instead."""

    right: Ref = Field(description="The right affected.")
    severity: Severity = Field(description="Severity of the alternative's interference.")
    rationale: Text | None = Field(default=None, description="Why.")


class Alternative(StrictModel):
    """A less intrusive option for the same aim."""

    id: LocalId = Field(description="Alternative id.")
    title: ShortText = Field(description="Short name.")
    description: Text | None = Field(default=None, description="What it would do.")
    replaces: list[LocalId] = Field(default_factory=list, description="Measures it could replace.")
    aims: list[LocalId] = Field(default_factory=list, description="Aims it serves.")
    effectiveness: Evidence | None = Field(default=None, description="How well it serves the aims; None if unknown.")
    interferes: list[AlternativeInterference] = Field(
        default_factory=list, description="Interferences it would cause."
    )
    cite: list[Citation] = Field(default_factory=list, description="Sources.")


class FrameworkUse(StrictModel):
    """A framework the assessment uses, optionally pinned to a data version."""

    id: LocalId = Field(description="Framework id, e.g. 'eu-charter'.")
    data_version: str | None = Field(default=None, max_length=40, description="Required data version, if pinned.")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: object) -> object:
        if isinstance(value, str):
            fid, _, ver = value.partition("@")
            return {"id": fid, "data_version": ver or None}
        return value


class EngineSettings(StrictModel):
    """Tunable parameters of the proportionality calculus; defaults are documented in docs/engine.md."""

    general_scope_penalty: int = Field(
        default=1, ge=0, le=4, description="Steps up the intensity scale (each one doubles it, up to 8) for a "
        "general measure at mass scale; 0 leaves breadth out of the balance.")
    mass_scale_threshold: int = Field(
        default=1_000_000, ge=1, description="People affected from which a general measure counts as mass scale."
    )
    precision_concern_below: float = Field(
        default=0.5, gt=0, le=1, description="Precision under which suitability is a concern."
    )
    precision_fail_below: float = Field(
        default=0.05, gt=0, le=1, description="Precision under which a detection measure is unsuitable."
    )
    weak_levels: int = Field(default=0, ge=0, le=4, description="Severity levels a weak safeguard removes.")
    moderate_levels: int = Field(default=1, ge=0, le=4, description="Severity levels a moderate safeguard removes.")
    strong_levels: int = Field(default=2, ge=0, le=4, description="Severity levels a strong safeguard removes.")
    residual_floor: Severity = Field(default="minor", description="Lowest residual severity safeguards can reach.")
    general_content_floor: Severity = Field(
        default="moderate", description="Lowest residual severity for a general-scope measure on content."
    )
    cumulative_min_severity: Severity = Field(
        default="serious", description="Residual severity that counts towards the cumulative extra level."
    )
    cumulative_min_measures: int = Field(
        default=2, ge=1, description="Measures at that severity needed for the cumulative extra level."
    )
    general_exception_importance: Importance = Field(
        default="very-high", description="Aim importance that admits a time-limited general measure (necessity)."
    )
    flip_added_strength: Strength = Field(
        default="moderate", description="Strength assumed for safeguard types the flip analysis adds."
    )
    flip_max_added: int = Field(
        default=6, ge=0, le=12, description="Most safeguard types the flip analysis adds beyond the missing ones."
    )


class Assessment(StrictModel):
    """A whole assessment: what is assessed, as of when, under which frameworks."""

    id: LocalId = Field(description="Assessment id, used in output names.")
    title: ShortText = Field(description="Title of the assessment.")
    authors: list[ShortText] = Field(default_factory=list, description="Who wrote it.")
    as_of: dt.date = Field(description="The date the law is applied as of.")
    mode: Mode | None = Field(
        default=None, description="ex-ante (a draft assessed as if adopted) or ex-post (law as applied); when "
        "absent, ex-ante if a legal basis of a measure is in a proposal or position on the as-of date.")
    methods: list[Method] | None = Field(
        default=None, description="Methods to run: 'charter' (Art. 52(1)) and/or 'echr' (Art. 8(2)); when absent, "
        "the methods of the frameworks used ('eu-charter' → charter, 'echr' → echr; neither → charter).")
    frameworks: list[FrameworkUse] = Field(min_length=1, description="Frameworks used, e.g. 'eu-charter'.")
    summary: Text | None = Field(default=None, description="What is assessed and why.")
    sources: list[Source] = Field(default_factory=list, description="Documents cited by this assessment.")
    rights: list[Right] = Field(default_factory=list, description="Rights defined locally, beyond the frameworks.")
    instruments: list[Instrument] = Field(
        default_factory=list, description="Law declared inline (national law, third-country law, internal "
        "policy), with dated versions, a status and provisions; referred to as '<instrument>/<provision>'.")
    aims: list[Aim] = Field(default_factory=list, description="Objectives pursued.")
    measures: list[Measure] = Field(default_factory=list, description="Measures assessed.")
    safeguards: list[Safeguard] = Field(default_factory=list, description="Safeguards in place.")
    alternatives: list[Alternative] = Field(default_factory=list, description="Less intrusive alternatives.")
    settings: EngineSettings = Field(default_factory=EngineSettings, description="Engine parameters.")
