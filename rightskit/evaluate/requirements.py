"""Which safeguard types a measure requires: the catalogue's ``required_when`` plus the case-law criteria.

A type is required when its catalogue entry's ``required_when`` holds for the measure, or when a
criterion of a judgment whose ``applies_when`` holds lists it in ``requires``. A condition that is
absent never applies automatically (catalogue and criteria alike); a condition that cannot be
decided because an input is unknown makes the type *possibly* required, which the safeguards step
reports instead of passing over it. Results are cached per measure profile: measures with the same
facts get the same requirements without re-testing every condition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Case, Citation, Criterion, Framework, Interference, SafeguardType
from ..model.framework import DutyHolder
from ..translation.sentence import sentence, term, worded
from .condition import FIELDS, Compiled, Subject, compile_condition


@dataclass(frozen=True, slots=True)
class Demand:
    """One source that requires a safeguard type: a catalogue entry or a criterion of a judgment."""

    ref: str
    text: str
    cite: tuple[Citation, ...]
    certain: bool
    unknown: tuple[str, ...] = ()
    force: str = "expected"


@dataclass(frozen=True, slots=True)
class Requirement:
    """A safeguard type a measure requires, with everything that requires it (reasons and sources)."""

    type: str
    title: str
    demands: tuple[Demand, ...]
    certain: bool
    reasons: tuple[str, ...]
    cite: tuple[Citation, ...]
    force: str = "expected"
    #: Who must act when it is missing: 'law' or 'controller' (the type's ``duty``); None when unsaid.
    duty: DutyHolder | None = None

    @classmethod
    def of(cls, type_ref: str, title: str, demands: tuple[Demand, ...], duty: DutyHolder | None = None) -> Requirement:
        """Build a requirement, precomputing its reasons and citations (it is shared across measures)."""
        seen: set[tuple[str, str | None]] = set()
        cite: list[Citation] = []
        for d in demands:
            for c in d.cite:
                if (c.ref, c.pinpoint) not in seen:
                    seen.add((c.ref, c.pinpoint))
                    cite.append(c)
        reasons = tuple(
            sentence("{force}: {demand}", force=term(FORCE_WORDS[d.force]), demand=d.text) if d.certain else
            sentence("{force}: {demand} — may apply: {fields} not given", force=term(FORCE_WORDS[d.force]),
                     demand=d.text, fields=", ".join(d.unknown))
            for d in demands)
        certain = any(d.certain for d in demands)
        # The requirement has the force of the strongest source that certainly demands it (or, when none is
        # certain, of the strongest that may): an essential demand is not diluted by a softer one.
        pool = [d.force for d in demands if d.certain] or [d.force for d in demands]
        force = min(pool, key=FORCE_ORDER.index)
        return cls(type_ref, title, demands, certain, reasons, tuple(cite), force, duty)


def in_use(cite: Sequence[Citation], frameworks: Mapping[str, object]) -> tuple[Citation, ...]:
    """The citations into frameworks the assessment uses.

    The catalogue's ``required_by`` also cites drafts and acts an assessment may not be about (what the
    CSA Regulation proposal provides, the EP's position): they say nothing about another text, so a
    report on that text neither cites nor lists them.
    """
    return tuple(c for c in cite if c.ref.split("/", 1)[0] in frameworks)


def pinpoint(case: Case, paragraphs: str) -> str:
    """Paragraph pinpoint in the court's own style: 'paras 56-58' (CJEU), '§§ 348-350' (ECtHR)."""
    several = any(ch in paragraphs for ch in "-,–")
    if case.court == "ecthr":
        return f"{'§§' if several else '§'} {paragraphs}"
    return f"{'paras' if several else 'para.'} {paragraphs}"


@dataclass(frozen=True, slots=True)
class _Rule:
    types: tuple[str, ...]
    condition: Compiled
    ref: str
    text: str
    cite: tuple[Citation, ...]
    force: str


FORCE_ORDER: tuple[str, ...] = ("essential", "expected", "good-practice")
FORCE_WORDS = {"essential": "Essential", "expected": "Expected", "good-practice": "Good practice"}


Profile = tuple[object, ...]


class Requirements:
    """The safeguard catalogue and the case-law criteria, compiled once per evaluation."""

    def __init__(self, frameworks: Mapping[str, Framework], as_of: dt.date | None = None) -> None:
        self.catalogue: dict[str, SafeguardType] = {}
        #: Types whose safeguard the measure's own terms can meet (``SafeguardType.met_when``).
        self.met_by_terms: dict[str, Compiled] = {}
        self.void_by_terms: dict[str, Compiled] = {}
        #: Each type's title, as a sentence names it: said in the report's language where the catalogue
        #: translates it.
        self.titles: dict[str, str] = {}
        rules: list[_Rule] = []
        for fid, fw in sorted(frameworks.items()):
            for t in fw.safeguard_types:
                ref = f"{fid}/{t.id}"
                self.catalogue[ref] = t
                self.titles[ref] = worded(t.title, t.wordings("title"))
                if t.met_when is not None:
                    self.met_by_terms[ref] = compile_condition(t.met_when, f"{fid}: safeguard type '{t.id}' met_when")
                if t.void_when is not None:
                    self.void_by_terms[ref] = compile_condition(t.void_when,
                                                                f"{fid}: safeguard type '{t.id}' void_when")
                if t.required_when is not None:
                    cond = compile_condition(t.required_when, f"{fid}: safeguard type '{t.id}'")
                    rules.append(_Rule((ref,), cond, ref, sentence("the safeguard catalogue requires {safeguard} when "
                                       "{condition}", safeguard=self.titles[ref], condition=cond.text),
                                       in_use(t.required_by, frameworks), t.force))
            for case in fw.cases:
                if as_of is not None and not case.is_law_on(as_of):
                    continue  # later case law: not applied (context.LaterLaw lists it)
                for crit in case.criteria:
                    if crit.applies_when is None or not crit.requires:
                        continue
                    ref = f"{fid}/{case.id}/{crit.id}"
                    cond = compile_condition(crit.applies_when, f"{fid}: criterion '{case.id}/{crit.id}'")
                    rules.append(_Rule(tuple(sorted(set(crit.requires))), cond, ref,
                                       _criterion_text(case, crit, cond), (_criterion_cite(case, crit, ref),),
                                       crit.force))
        self._rules = tuple(rules)
        self._cache: dict[Profile, tuple[Requirement, ...]] = {}
        # Only the fields some condition reads go into the cache key, so measures that differ in
        # nothing the conditions look at share one computation.
        used = frozenset().union(*(r.condition.fields for r in rules))
        self._getters = tuple(FIELDS[f] for f in sorted(used) if not f.startswith("interference."))
        self._interference_fields = tuple(sorted(f.removeprefix("interference.") for f in used
                                                 if f.startswith("interference.")))

    def met(self, type_ref: str, subject: Subject) -> str | None:
        """The condition's text when the measure's own terms meet safeguard type ``type_ref``, else None."""
        return _holding(self.met_by_terms.get(type_ref), subject)

    def void(self, type_ref: str, subject: Subject) -> str | None:
        """The condition's text when the measure's terms stop records of ``type_ref`` meeting it, else None."""
        return _holding(self.void_by_terms.get(type_ref), subject)

    def reaches_upstream(self, type_ref: str) -> bool:
        """True when a safeguard of ``type_ref`` on a downstream measure also protects the upstream ones."""
        t = self.catalogue.get(type_ref)
        return t is not None and t.reaches_upstream is not None

    def duty(self, type_ref: str) -> DutyHolder | None:
        """'law' or 'controller': who must act when a safeguard of ``type_ref`` is missing; None if unsaid."""
        t = self.catalogue.get(type_ref)
        return t.duty.holder if t and t.duty else None

    def title(self, type_ref: str) -> str:
        """The catalogue title of a type, or its reference when the catalogue lacks it."""
        return self.titles.get(type_ref, type_ref)

    def of(self, subject: Subject, interferences: Sequence[Interference]) -> tuple[Requirement, ...]:
        """The types required for this measure, sorted by type reference."""
        key = (tuple(get(subject) for get in self._getters),
               tuple(tuple(getattr(i, f) for f in self._interference_fields) for i in interferences))
        cached = self._cache.get(key)
        if cached is None:
            cached = self._compute(subject, interferences)
            self._cache[key] = cached
        return cached

    def _compute(self, subject: Subject, interferences: Sequence[Interference]) -> tuple[Requirement, ...]:
        found: dict[str, list[Demand]] = {}
        for rule in self._rules:
            holds = rule.condition.holds_for(subject, interferences)
            if holds is False:
                continue
            unknown = () if holds else tuple(rule.condition.unknown_fields(subject))
            demand = Demand(rule.ref, rule.text, rule.cite, holds is True, unknown, rule.force)
            for t in rule.types:
                found.setdefault(t, []).append(demand)
        return tuple(Requirement.of(t, self.title(t), tuple(found[t]), self.duty(t)) for t in sorted(found))


def _criterion_text(case: Case, crit: Criterion, cond: Compiled) -> str:
    return sentence("{case}, {pinpoint}: {summary} (applies when {condition})", case=case.name,
                    pinpoint=pinpoint(case, crit.paragraphs), summary=crit.summary, condition=cond.text)


def _criterion_cite(case: Case, crit: Criterion, ref: str) -> Citation:
    note = None if crit.verified else "pinpoint not yet verified against the judgment"
    return Citation(ref=ref, pinpoint=pinpoint(case, crit.paragraphs), note=note)


def _holding(cond: Compiled | None, subject: Subject) -> str | None:
    return cond.text if cond is not None and cond.test(subject) is True else None
