"""The typed report context: flat, frozen records that refer to each other by id.

This is the only thing templates see (HTML via Jinja2, PDF via Typst reading it as JSON, and
Markdown). Shared things — measures, rights, safeguards, aims, alternatives, bibliography
entries — live once in a dict keyed by id, with a list of ids giving their order; everything
else points at them by id. Nothing here holds a model object, so building the context never
copies the model (contrast pytm, which deep-copied it per finding).

Every string is plain text. Templates escape it (HTML autoescape, Markdown escaping, Typst
reads it as data), except ``DiagramRec.svg``, which is sanitised SVG markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document

#: Version of this context; bump when a field changes meaning (user templates depend on it).
CONTEXT_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class Badge:
    """A status, verdict or severity: machine word, words for people, and a symbol."""

    word: str  # machine word, e.g. 'not-satisfied'; also the CSS / Typst style key
    label: str  # words for the reader, e.g. 'Not satisfied'
    symbol: str  # so colour is never the only signal, e.g. '✗'


@dataclass(frozen=True, slots=True)
class Link:
    """An external http(s) link."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Cite:
    """One citation in the body, pointing at a bibliography entry."""

    ref: str  # key into ReportContext.bibliography
    anchor: str  # anchor id of the bibliography entry
    label: str  # short form, e.g. 'Art. 7 Charter'
    pinpoint: str | None
    quote: str | None
    note: str | None
    verified: bool | None  # None: method or catalogue data, where verification does not apply


@dataclass(frozen=True, slots=True)
class NodeRef:
    """A graph node a finding read, with the anchor of its section when the report has one."""

    node: str
    label: str
    anchor: str | None


@dataclass(frozen=True, slots=True)
class Fact:
    """A labelled fact about a record, e.g. ('Actor', 'Provider')."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Evidence:
    level: Badge
    statement: str
    cites: list[Cite]


@dataclass(frozen=True, slots=True)
class SeeAlso:
    """A pointer to the one place in the report that lists what would otherwise repeat."""

    label: str
    anchor: str


@dataclass(frozen=True, slots=True)
class ReviewState:
    """A reviewer's record of a finding, shown where the finding is listed."""

    status: Badge  # open, accepted, disputed or needs-evidence
    reviewer: str
    date: str
    comment: str
    override: Badge | None  # the reviewer's status for the finding, beside the engine's
    reasons: list[str]  # why the reviewer departs from the engine
    summary: str  # all of it in one sentence or a few, in the report's words (shown after ``label``)
    label: str  # the word that introduces it ("Review"), from phrases.py


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    anchor: str
    rule: str
    status: Badge
    message: str
    reasons: list[str]
    nodes: list[NodeRef]
    cites: list[Cite]  # empty when ``see`` points at the entry that lists the sources once
    see: SeeAlso | None = None
    review: ReviewState | None = None


@dataclass(frozen=True, slots=True)
class ReviewedVerdict:
    """The reviewer's view of a measure: the verdict the engine's calculus gives with the overrides."""

    verdict: Badge
    reason: str
    overrides: list[str]  # finding ids overridden


@dataclass(frozen=True, slots=True)
class SignOff:
    """Who signed the assessment off, when, and for which inputs (by provenance hash)."""

    by: str
    role: str
    date: str
    inputs: str  # the SHA-256 the sign-off names
    current: bool  # True when it is the hash of the inputs this report was made from
    comment: str


@dataclass(frozen=True, slots=True)
class ActionItem:
    """One condition or recommended amendment of the action plan, with its owner and due date."""

    id: str  # the action id a review file refers to
    measure: str  # measure id
    kind: str  # words for the reader: 'Condition', 'Add a safeguard', …
    text: str
    owner: str | None
    due: str | None
    comment: str
    review: ReviewState | None  # the review of the finding it comes from, if any


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    title: str
    short: str  # one word for narrow table headers, e.g. 'Balance' for proportionality stricto sensu
    status: Badge
    summary: str
    skipped: bool
    findings: list[Finding]


@dataclass(frozen=True, slots=True)
class ConventionTest:
    title: str
    status: Badge
    message: str
    reasons: list[str]
    cites: list[Cite]


@dataclass(frozen=True, slots=True)
class Convention:
    """The ECHR Art. 8(2) method's answer for one measure."""

    verdict: Badge
    reason: str
    tests: list[ConventionTest]


@dataclass(frozen=True, slots=True)
class MethodStep:
    """A step of the Art. 52(1) test as the method framework defines it (shown once, in 'About')."""

    id: str
    title: str
    questions: list[str]
    cites: list[Cite]


@dataclass(frozen=True, slots=True)
class MitigationApplied:
    safeguard: str  # safeguard id
    strength: str
    levels: int
    effective: bool


@dataclass(frozen=True, slots=True)
class InterferenceRow:
    right: str  # right ref, key into ReportContext.rights
    inherent: Badge
    residual: Badge
    reaches_essence: bool
    inherited_from: list[str]  # measure ids
    mitigations: list[MitigationApplied]
    explanation: str
    rationale: str | None  # the author's reasoning, from the model
    dimensions: list[Fact]  # EDPS scope / extent / intensity
    cites: list[Cite]


@dataclass(frozen=True, slots=True)
class Figure:
    """One input of the detection arithmetic, as the author gave it."""

    label: str
    value: str  # the central value, e.g. '0.1 % (1 in 1,000)'
    range: str | None  # e.g. '0.01 % – 1 %', when a range was given
    note: str | None
    cites: list[Cite]
    low_cites: list[Cite]  # the sources of the lower end of a contested range, when the author gave them apart
    high_cites: list[Cite]  # the sources of the upper end


@dataclass(frozen=True, slots=True)
class Output:
    """One output of the detection arithmetic."""

    label: str
    low: str
    central: str
    high: str


@dataclass(frozen=True, slots=True)
class Detection:
    inputs: list[Figure]
    unknown_inputs: list[str]
    outputs: list[Output]
    explanation: list[str]
    headline: str | None  # what the precision means, in one plain sentence
    base_rate_note: str | None  # the base-rate effect in words, when false hits outnumber true ones
    per_n: int | None  # of this many hits …
    correct: int | None  # … this many are correct …
    innocent: int | None  # … and this many innocent
    precision_share: float | None  # 0–1
    bar_width: str | None  # CSS percentage of the 'correct' part of the precision bar, e.g. '0.50'
    correct_share: str | None  # e.g. '0.09 %'
    innocent_share: str | None  # e.g. '99.91 %'


@dataclass(frozen=True, slots=True)
class FixItem:
    type: str  # safeguard type ref
    title: str
    cite: Cite


@dataclass(frozen=True, slots=True)
class Flip:
    carrying: list[str]  # safeguard ids
    carrying_summary: str  # the sentence that introduces (or replaces) the list of carrying safeguards
    fix: list[FixItem]  # safeguard types whose addition would make the measure proportionate
    fix_summary: str  # the sentence that introduces (or replaces) the fix list
    fix_possible: bool
    explanation: str


@dataclass(frozen=True, slots=True)
class MissingSafeguard:
    type: str  # safeguard type ref
    title: str
    description: str | None
    cites: list[Cite]  # the provisions and criteria that require it
    anchor: str  # the RequiredType entry under Safeguard coverage
    duty: str  # who must act: 'law' (the law must provide it) or 'controller' (the controller must implement it)
    duty_label: str  # the duty in words, e.g. 'the law must provide'


@dataclass(frozen=True, slots=True)
class RequiredType:
    """A safeguard type some measure requires: its sources once, and which measures lack or have it."""

    type: str
    anchor: str
    title: str
    description: str | None
    cites: list[Cite]  # every provision and criterion that requires it, for any measure
    missing_in: list[str]  # measure ids where it is missing or ineffective
    present_in: list[str]  # measure ids where a safeguard of the type is in place


@dataclass(frozen=True, slots=True)
class LegalityIssue:
    quality: str
    description: str
    serious: bool
    cites: list[Cite]


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    anchor: str
    title: str
    description: str | None
    kind: str
    facts: list[Fact]
    verdict: Badge
    verdict_reason: str
    ground: str | None  # the decisive structural ground, in words ('an essential safeguard … is missing')
    conditions: list[str]  # amendments that would cure a proportionate-with-conditions verdict
    recommendations: list[str]  # good practice, not required
    convention: Convention | None  # the ECHR Art. 8(2) method, when the assessment runs it
    legal_basis: list[Cite]
    legality_issues: list[LegalityIssue]
    aims: list[str]  # aim ids
    effectiveness: Evidence | None
    feeds: list[str]  # measure ids
    fed_by: list[str]  # measure ids
    steps: list[Step]
    interferences: list[InterferenceRow]
    detection: Detection | None
    flip: Flip | None
    missing_safeguards: list[MissingSafeguard]
    alternatives: list[str]  # ids of alternatives that could replace it
    safeguards: list[str]  # ids of safeguards that mitigate it
    cites: list[Cite]
    diagram: str | None  # view key into ReportContext.diagrams
    defined_at: str | None  # 'file:line' of the measure in the input
    reviewed: ReviewedVerdict | None = None  # the reviewer's verdict, when an override applies


@dataclass(frozen=True, slots=True)
class Right:
    ref: str
    anchor: str
    title: str
    cumulative: Badge
    cells: dict[str, Badge]  # measure id -> residual severity; absent when no interference
    explanation: str
    absolute: bool
    essence: str | None
    provisions: list[Cite]
    protected_by: list[str]  # aim ids whose aim protects this right
    diagram: str | None


@dataclass(frozen=True, slots=True)
class SafeguardEffect:
    measure: str  # measure id
    right: str  # right ref
    strength: Badge
    rationale: str | None
    cites: list[Cite]


@dataclass(frozen=True, slots=True)
class Safeguard:
    id: str
    anchor: str
    title: str
    requires: str | None
    type: Cite | None
    source: Cite | None  # the binding provision; None when voluntary
    binding: bool
    effective: bool
    conditions: list[str]
    mitigates: list[SafeguardEffect]
    carries: list[str]  # measure ids whose verdict this safeguard carries
    cites: list[Cite]
    defined_at: str | None


@dataclass(frozen=True, slots=True)
class Aim:
    id: str
    anchor: str
    title: str
    kind: str
    importance: str
    description: str | None
    protects: list[Cite]  # the rights it protects
    pursued_by: list[str]  # measure ids
    cites: list[Cite]


@dataclass(frozen=True, slots=True)
class AltInterference:
    right: str
    severity: Badge
    rationale: str | None


@dataclass(frozen=True, slots=True)
class Alternative:
    id: str
    anchor: str
    title: str
    description: str | None
    replaces: list[str]  # measure ids
    aims: list[str]  # aim ids
    effectiveness: Evidence | None
    interferes: list[AltInterference]
    cites: list[Cite]


@dataclass(frozen=True, slots=True)
class BibEntry:
    ref: str
    anchor: str
    number: int
    kind: str  # provision, case, criterion, source, right, framework, safeguard-type, step, unknown
    title: str
    details: list[str]
    summary: str | None
    quote: str | None
    links: list[Link]
    verified: bool | None
    verified_note: str | None
    pinpoints: list[str]


@dataclass(frozen=True, slots=True)
class BibGroup:
    id: str
    title: str
    refs: list[str]


@dataclass(frozen=True, slots=True)
class FrameworkStamp:
    id: str
    title: str
    data_version: str
    legal_version: str | None
    legal_status: str
    links: list[Link]


@dataclass(frozen=True, slots=True)
class Diagram:
    view: str  # 'overview', 'chain', 'measure:<id>', 'right:<ref>'
    file: str  # 'diagrams/<name>.svg', relative to the output folder
    title: str
    svg: str  # sanitised inline SVG markup (HTML only; omitted from the Typst data)
    aspect: float  # height / width, so the PDF can size tall diagrams to fit a page


@dataclass(frozen=True, slots=True)
class TocEntry:
    anchor: str
    title: str
    children: list[TocEntry]  # the section's entries (one level only)


@dataclass(frozen=True, slots=True)
class ReportContext:
    """Everything a report template may use, and nothing else."""

    context_version: str
    lang: str
    title: str
    assessment_id: str
    summary: str | None
    authors: list[str]
    as_of: str
    mode: str  # ex-ante (a draft assessed as if adopted) or ex-post
    mode_reason: str
    later_case_law: list[str]  # judgments after as_of: not applied, listed for information
    rightskit_version: str
    results_schema_version: str
    input_hash: str
    rendered_on: str | None  # only when SOURCE_DATE_EPOCH is set: reports carry no wall-clock time
    disclaimer: str
    frameworks: list[FrameworkStamp]
    verdict_counts: list[tuple[Badge, int]]
    measure_ids: list[str]
    measures: dict[str, Measure]
    right_ids: list[str]
    rights: dict[str, Right]
    safeguard_ids: list[str]
    safeguards: dict[str, Safeguard]
    aim_ids: list[str]
    aims: dict[str, Aim]
    alternative_ids: list[str]
    alternatives: dict[str, Alternative]
    bibliography: dict[str, BibEntry]
    bib_groups: list[BibGroup]
    unverified_count: int
    diagrams: dict[str, Diagram]
    overview: str | None  # view key of the overview diagram, when diagrams are available
    chain: str | None
    toc: list[TocEntry]
    method: list[MethodStep]  # the steps of the test, their questions and sources
    legend: dict[str, list[Badge]]  # 'status', 'verdict', 'severity' -> badges, in scale order
    required_type_ids: list[str]
    required_types: dict[str, RequiredType]
    opinion: Document | None = None  # the main text and its notes (opinion.py), built from the rest
    review_file: str | None = None  # the review file read, if any
    sign_off: SignOff | None = None  # None: not signed off
    actions: list[ActionItem] = field(default_factory=list)  # the action plan, by measure
