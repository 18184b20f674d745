"""Frameworks: legal instruments, case law, the safeguard catalogue and the Art. 52(1) method, as data.

Id scheme (documented in ``docs/ids.md``): every record has a local id inside its framework, and is
referenced as ``<framework-id>/<local-id>``. Provisions use ``art-<article>[-<paragraph>][-<point>]
[-<subpoint>]`` in lowercase, e.g. ``reg-2021-1232/art-3-1-g-iii`` for Art. 3(1)(g)(iii). Cases are
``case-law/<case>``, their criteria ``case-law/<case>/<criterion>``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, HttpUrl, field_validator

from .base import LocalId, Ref, ShortText, StrictModel, Text
from .citation import APPLICATION_PATTERN, CELEX_PATTERN, ECLI_PATTERN, Citation, Source, _https_only
from .condition import Condition
from .vocabulary import Force
from .wording import LanguageCode, Translated

FrameworkKind = Literal[
    "charter", "convention", "regulation", "directive", "proposal", "position", "case-law", "catalogue", "method",
    "expert-record",
    "national-law", "third-country-law", "internal-policy",
]
VersionStatus = Literal["in-force", "proposal", "position", "not-applicable"]


class FrameworkVersion(StrictModel):
    """One dated legal state of a framework; versions never overlap."""

    id: LocalId = Field(description="Version id, usually the date it takes effect, e.g. '2024-05-15'.")
    valid_from: dt.date = Field(description="First day this version applies.")
    valid_until: dt.date | None = Field(default=None, description="Last day this version applies; open if absent.")
    status: VersionStatus = Field(default="in-force", description="Legal status during the period.")
    title: str | None = Field(default=None, max_length=300, description="A short name for this legal state.")
    established_by: list[Citation] = Field(
        default_factory=list, description="The acts or provisions that set this state (e.g. an amending act)."
    )
    note: Text | None = Field(default=None, description="What changed, in plain words.")
    verified: bool = Field(default=False, description="True once the dates were checked against official texts.")
    verified_note: Text | None = Field(default=None, description="Where the dates were checked, or what is open.")

    def covers(self, day: dt.date) -> bool:
        """True when ``day`` falls within this version."""
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class Provision(StrictModel):
    """An article, paragraph or point of a legal instrument."""

    id: LocalId = Field(description="Local id, e.g. 'art-3-1-g-iii' for Art. 3(1)(g)(iii).")
    title: ShortText = Field(description="Heading or short name of the provision.")
    summary: Text = Field(description="What the provision says, in the maintainers' own words.")
    pinpoint: str = Field(max_length=200, description="Citation form, e.g. 'Art. 3(1)(g)(iii)'.")
    url: HttpUrl = Field(description="Public http(s) address of the official text.")
    verified: bool = Field(description="True once checked against a public copy of the official text.")
    verified_note: Text | None = Field(default=None, description="Where it was verified, or what is unconfirmed.")
    valid_from: dt.date | None = Field(
        default=None, description="First day the provision applies, if not the framework's."
    )
    valid_until: dt.date | None = Field(default=None, description="Last day the provision applies, if earlier.")
    quote: str | None = Field(
        default=None, max_length=600, description="A short verbatim phrase where the words matter."
    )
    amends: list[Ref] = Field(
        default_factory=list, description="Provisions of an earlier text (e.g. the proposal) that this one amends "
        "or replaces, as 'framework/provision' refs; filled only where the record's own text names them. "
        "`rightskit diff` pairs the two texts' articles through it.")

    _check_url = field_validator("url")(_https_only)


class EssenceArgument(StrictModel):
    """A contested essence pattern: when it matches, the engine sets out the argument both ways.

    Unlike ``Right.essence_patterns`` (what a court has held), an argument does not decide: a match is a
    concern that the author resolves with ``Interference.essence`` (reached or not, with reasons).
    """

    id: LocalId = Field(description="Local id, e.g. 'mandated-scanning-of-content'.")
    title: ShortText = Field(description="The pattern, in a phrase.")
    when: Condition = Field(description="The measures the argument is about (a declarative condition).")
    since: dt.date = Field(description="The first day the argument can be made: the date of its earliest source.")
    argument_for: Text = Field(description="Why the essence may be reached, with its sources.")
    argument_against: Text = Field(description="Why it may not be, with its sources.")
    cite: list[Citation] = Field(default_factory=list, description="Provisions and judgments the argument uses.")
    verified: bool = Field(description="True when the sources' words and pinpoints were checked.")
    verified_note: Text | None = Field(default=None, description="What was checked, or what remains open.")


class Right(Translated):
    """A fundamental right or statutory protection that a measure can interfere with."""

    id: LocalId = Field(description="Local id; by convention the id of its main provision, e.g. 'art-7'.")
    title: ShortText = Field(description="Name of the right.")
    provisions: list[Ref] = Field(min_length=1, description="Provisions that guarantee the right.")
    absolute: bool = Field(default=False, description="True when no limitation is permitted (e.g. human dignity).")
    essence: Text | None = Field(default=None, description="What the case law says its essence covers.")
    essence_cite: list[Citation] = Field(default_factory=list, description="Sources for the essence statement.")
    essence_patterns: list[Condition] = Field(
        default_factory=list,
        description="Case-law patterns under which an interference reaches the essence (declarative conditions).",
    )
    essence_arguments: list[EssenceArgument] = Field(
        default_factory=list, description="Contested essence patterns, argued both ways; the author decides.")
    summary: Text | None = Field(default=None, description="What the right protects, in plain words.")


class Criterion(StrictModel):
    """A requirement a judgment sets for measures of this kind, with its paragraphs."""

    id: LocalId = Field(description="Local id within the case, e.g. 'prior-review'.")
    summary: Text = Field(description="The criterion, in the maintainers' own words.")
    paragraphs: str = Field(max_length=100, description="Paragraph pinpoint, e.g. '60-62'.")
    requires: list[Ref] = Field(default_factory=list, description="Safeguard types the criterion requires.")
    applies_when: Condition | None = Field(
        default=None, description="When the criterion applies to a measure: the measure kinds, actors, purposes and "
        "data categories its paragraphs address. Absent means it is never applied automatically (see scope_note).")
    scope_note: Text | None = Field(
        default=None, description="Why the criterion has the scope it has. Required when it requires safeguards but "
        "has no applies_when: say why it is general (e.g. a general statement of the Art. 52(1) test that the "
        "catalogue carries) or sets no safeguard for any kind of measure.")
    verified: bool = Field(description="True when the paragraph number and its content were checked.")
    verified_note: Text | None = Field(default=None, description="Where it was checked, or what remains open.")
    quote: str | None = Field(default=None, max_length=600, description="A short verbatim phrase, if checked.")
    force: Force = Field(
        default="expected", description="What the court held: essential (without it a measure of this kind is "
        "unlawful), expected (the court's expectation) or good-practice.")


class Case(StrictModel):
    """A judgment or opinion of the CJEU or the ECtHR."""

    id: LocalId = Field(description="Local id, e.g. 'digital-rights-ireland'.")
    name: ShortText = Field(description="Case name as commonly cited.")
    court: Literal["cjeu", "ecthr"] = Field(description="The court.")
    formation: str | None = Field(default=None, max_length=100, description="E.g. 'Grand Chamber'.")
    date: dt.date = Field(description="Date of the judgment or opinion.")
    case_numbers: list[str] = Field(default_factory=list, description="Court case numbers, e.g. 'C-293/12'.")
    ecli: str | None = Field(default=None, pattern=ECLI_PATTERN, description="ECLI, for CJEU cases.")
    application_numbers: list[str] = Field(
        default_factory=list, description="Application numbers, for ECtHR cases, e.g. '58170/13'."
    )
    url: HttpUrl = Field(description="Public http(s) address of the judgment (CURIA, EUR-Lex or HUDOC).")
    holding: Text = Field(description="What the court held, in the maintainers' own words.")
    verified: bool = Field(description="True when identifier and date were checked.")
    verified_note: Text | None = Field(default=None, description="Where it was checked.")
    criteria: list[Criterion] = Field(default_factory=list, description="Criteria the judgment sets.")

    def is_law_on(self, day: dt.date) -> bool:
        """True when the judgment was given before ``day``, so an assessment as of ``day`` may apply it.

        Not on its own day: a case encoded as of its judgment date is tested on the law that stood
        before it, so the calibration suite never scores a judgment with its own criteria.
        """
        return self.date < day

    _check_url = field_validator("url")(_https_only)

    @field_validator("application_numbers")
    @classmethod
    def _apps(cls, value: list[str]) -> list[str]:
        import re

        for v in value:
            if not re.match(APPLICATION_PATTERN, v):
                raise ValueError(f"'{v}' is not an application number like '58170/13'")
        return value


DutyHolder = Literal["law", "controller"]


class Duty(StrictModel):
    """Who must act when a safeguard of a type is missing: the legislature, or the controller."""

    holder: DutyHolder = Field(
        description="'law': only the law can provide it (a controller cannot authorise, oversee or limit itself); "
        "'controller': a technical or organisational measure the controller (the provider or authority that "
        "runs the measure) implements, which the law may also impose.")
    rationale: Text = Field(description="Why this holder, in plain words.")
    cite: list[Citation] = Field(min_length=1, description="The provisions or criteria that place the duty there.")


class ChainReach(Translated):
    """How a safeguard of a type on a downstream measure also protects the measures that feed it."""

    rationale: Text = Field(description="Why the law reads the safeguard as protecting the upstream measure too.")
    cite: list[Citation] = Field(min_length=1, description="The sources that read it so.")


class SafeguardType(Translated):
    """A kind of safeguard in the catalogue, with the law that requires it and when."""

    id: LocalId = Field(description="Local id, e.g. 'human-review'.")
    title: ShortText = Field(description="Name of the safeguard type.")
    description: Text = Field(description="What a safeguard of this type must achieve.")
    required_by: list[Citation] = Field(
        default_factory=list, description="Provisions and criteria that require it."
    )
    required_when: Condition | None = Field(
        default=None, description="When a measure requires it; absent means it is never required automatically."
    )
    force: Force = Field(
        default="expected", description="Force of the catalogue's own requirement: essential, expected or "
        "good-practice. A case-law criterion that requires the type carries its own force.")
    met_when: Condition | None = Field(
        default=None, description="When the measure's own terms already meet the safeguard (e.g. purposes "
        "limited to serious crime meet the serious-crime threshold); absent means only a safeguard record does.")
    void_when: Condition | None = Field(
        default=None, description="When the measure's own terms stop a safeguard record of this type from meeting "
        "the requirement (e.g. an authorisation given by a prosecutor or the executive is not independent).")
    duty: Duty | None = Field(
        default=None, description="Who must act when it is missing: what the law must provide, or what the "
        "controller must implement.")
    reaches_upstream: ChainReach | None = Field(
        default=None, description="Set when a safeguard of this type recorded on a downstream measure (e.g. "
        "human review before a report) also protects the measures that feed it (the detection whose hit is "
        "reviewed); absent means it protects only the measures it is recorded on.")


class MethodStep(Translated):
    """One step of a test method, with its questions, sources and the rule that runs it."""

    id: LocalId = Field(description="Step id; part of the public interface (e.g. 'legality').")
    title: ShortText = Field(description="Name of the step.")
    questions: list[str] = Field(default_factory=list, description="Questions the step asks.")
    cite: list[Citation] = Field(default_factory=list, description="Sources for the step.")
    rule: LocalId = Field(description="Id of the registered rule that evaluates the step.")


class Framework(StrictModel):
    """A legal instrument, case-law collection, safeguard catalogue or method, with dated versions."""

    id: LocalId = Field(description="Framework id, the first part of every reference into it.")
    title: ShortText = Field(description="Official or common title.")
    short_title: str | None = Field(default=None, max_length=80, description="Short name for tables.")
    titles: dict[LanguageCode, ShortText] = Field(
        default_factory=dict,
        description="The official title in other languages, keyed by ISO 639-1 code (fr, de), as the act's "
                    "own language version publishes it; a report in that language shows it instead of 'title'. "
                    "Only titles read in an official language version.")
    kind: FrameworkKind = Field(description="What kind of instrument or collection this is.")
    celex: str | None = Field(default=None, pattern=CELEX_PATTERN, description="CELEX number, for EU documents.")
    eli: HttpUrl | None = Field(default=None, description="European Legislation Identifier, for EU acts.")
    url: HttpUrl = Field(description="Public http(s) address of the official text.")
    reference: str | None = Field(default=None, max_length=300, description="Official reference, e.g. 'OJ L 274'.")
    data_version: str = Field(max_length=40, description="Version of this data file (not of the law).")
    versions: list[FrameworkVersion] = Field(min_length=1, description="Dated legal states, in order.")
    provisions: list[Provision] = Field(default_factory=list, description="Articles, paragraphs and points.")
    rights: list[Right] = Field(default_factory=list, description="Rights this instrument guarantees.")
    cases: list[Case] = Field(default_factory=list, description="Judgments, for case-law frameworks.")
    safeguard_types: list[SafeguardType] = Field(default_factory=list, description="Safeguard catalogue entries.")
    steps: list[MethodStep] = Field(default_factory=list, description="Test steps, for method frameworks.")
    rules: list[LocalId] = Field(default_factory=list, description="Ids of extra registered rules it enables.")
    sources: list[Source] = Field(default_factory=list, description="Other documents the data cites.")
    note: Text | None = Field(default=None, description="Scope of the data and known gaps.")

    _check_url = field_validator("url", "eli")(_https_only)

    def names_itself(self, pinpoint: str) -> bool:
        """True when a provision's pinpoint already names this framework (a whole-act record such as
        'Regulation (EU) 2026/1881 (whole act …)'), so a label must not prefix the title again."""
        return any(t and t in pinpoint for t in (self.short_title, self.title))

    def title_in(self, lang: str) -> str:
        """The official title in ``lang`` where the data has it; the source-language title otherwise."""
        return self.titles.get(lang, self.title)

    def version_at(self, day: dt.date) -> FrameworkVersion | None:
        """The version in effect on ``day``, or None in a gap or before or after."""
        for version in self.versions:
            if version.covers(day):
                return version
        return None


class Instrument(Framework):
    """An instrument declared inline in an assessment: national law, third-country law, internal policy.

    It has the shape of a framework (dated versions with a status, provisions with sources) so that
    legal bases, safeguards and citations refer to it as ``<instrument-id>/<provision-id>`` and the
    engine treats it like shipped law. Its data version defaults to 'inline'.
    """

    kind: FrameworkKind = Field(default="national-law", description="national-law, third-country-law, "
                                "internal-policy, or any framework kind.")
    data_version: str = Field(default="inline", max_length=40, description="Version of this data; 'inline'.")
