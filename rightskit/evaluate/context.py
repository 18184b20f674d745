"""What the rules read: indices built once from the rights graph, facts per measure, scenario views.

The engine reads the graph exactly once, into flat indices keyed by id. Per measure it then builds
:class:`MeasureFacts` (inherited data, aims, alternatives, safeguards, detection arithmetic,
required safeguard types) once, and a cheap :class:`MeasureView` per *scenario* (the real safeguards,
one removed, or hypothetical ones added) for the flip analysis. Nothing is copied per measure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..graph import RightsGraph
from ..load import Resolved
from ..model import (
    Aim,
    Alternative,
    Citation,
    EssenceArgument,
    Estimate,
    Interference,
    Measure,
    Mitigation,
    Right,
    Safeguard,
)
from ..translation.sentence import sentence, term, worded
from .calculus import Calculus
from .chain import nearest, upstream_levels
from .condition import Compiled, Subject, compile_condition
from .detection import Arithmetic, arithmetic
from .requirements import Requirement, Requirements
from .severity import Applied, Residual, floor_for, residual


@dataclass(frozen=True, slots=True)
class Scenario:
    """A variation of the safeguards: some removed, some catalogue types added hypothetically."""

    removed: frozenset[str] = frozenset()
    added: tuple[str, ...] = ()

    @property
    def is_baseline(self) -> bool:
        return not self.removed and not self.added


BASELINE = Scenario()


@dataclass(frozen=True, slots=True)
class Protection:
    """A safeguard as it protects one measure (on any of its rights)."""

    safeguard: str
    type: str | None
    effective: bool
    binding: bool
    hypothetical: bool = False
    #: Every mitigation it makes on this measure is weak: enough for an expected requirement, not for an
    #: essential one (the courts ask essential safeguards to be effective, not present in name only).
    weak: bool = False
    #: The downstream measure it is recorded on, when it protects this measure along the chain
    #: (``SafeguardType.reaches_upstream``); None when it is recorded on this measure.
    via: str | None = None

    @property
    def node(self) -> str:
        return f"safeguard:{self.safeguard}"

    @property
    def label(self) -> str:
        """Its id, and for a protection along the chain the downstream measure it sits on."""
        if self.via is None:
            return self.safeguard
        return sentence("{safeguard} (on downstream measure {measure})", safeguard=self.safeguard, measure=self.via)


@dataclass(frozen=True, slots=True)
class MeasureFacts:
    """Everything about one measure that no scenario changes."""

    measure: Measure
    node: str
    subject: Subject
    upstream: tuple[str, ...]
    categories_from: tuple[str, ...]
    population: Estimate | None
    population_from: tuple[str, ...]
    interferences: tuple[Interference, ...]
    inherited: Mapping[str, tuple[str, ...]]
    aims: tuple[Aim, ...]
    alternatives: tuple[Alternative, ...]
    mitigations: Mapping[str, tuple[tuple[Safeguard, Mitigation], ...]]
    protections: tuple[Protection, ...]
    detection: Arithmetic | None
    requirements: tuple[Requirement, ...]
    floor: int
    #: Required types the measure's own terms meet (``SafeguardType.met_when``), with the condition's text.
    met_by_terms: Mapping[str, str] = field(default_factory=dict)
    #: Required type → why the measure's terms stop its safeguard records from meeting it (void_when).
    void_by_terms: Mapping[str, str] = field(default_factory=dict)
    #: Required type → (safeguard, downstream measure) pairs of that type recorded only downstream, which
    #: do not protect this measure because the type does not reach upstream: the safeguards step warns.
    downstream_only: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MeasureView:
    """A measure under one scenario: residual severities and the safeguards by type."""

    facts: MeasureFacts
    scenario: Scenario
    residuals: tuple[Residual, ...]
    protections: tuple[Protection, ...]
    by_type: Mapping[str, tuple[Protection, ...]]

    @property
    def measure(self) -> Measure:
        return self.facts.measure

    @property
    def node(self) -> str:
        return self.facts.node

    @property
    def max_residual(self) -> int:
        return max((r.residual for r in self.residuals), default=0)

    def records(self, type_ref: str) -> tuple[Protection, ...]:
        """The effective safeguard records of ``type_ref`` that count: none when the terms void the type."""
        if type_ref in self.facts.void_by_terms:
            return ()
        return tuple(p for p in self.by_type.get(type_ref, ()) if p.effective)

    def meets(self, type_ref: str, essential: bool = False) -> bool:
        """Safeguard type ``type_ref`` is in place: by the measure's own terms, or by an effective record that
        its terms do not void, and, for an essential requirement, one that is not only weak."""
        if type_ref in self.facts.met_by_terms:
            return True
        return any(not (essential and p.weak) for p in self.records(type_ref))


@dataclass(frozen=True, slots=True)
class StepInfo:
    """The step a rule runs for: its id, title and the method's sources for it."""

    id: str
    title: str
    cite: tuple[Citation, ...] = ()


@dataclass
class EngineContext:
    """Indices over one rights graph; built once per evaluation, read by every rule."""

    rg: RightsGraph
    calculus: Calculus = field(init=False)
    measures: dict[str, Measure] = field(init=False, default_factory=dict)
    aims: dict[str, Aim] = field(init=False, default_factory=dict)
    safeguards: dict[str, Safeguard] = field(init=False, default_factory=dict)
    alternatives: dict[str, Alternative] = field(init=False, default_factory=dict)
    rights: dict[str, Right | None] = field(init=False, default_factory=dict)
    right_titles: dict[str, str] = field(init=False, default_factory=dict)
    requirements: Requirements = field(init=False)
    _interferes: dict[str, list[Interference]] = field(init=False, default_factory=dict)
    _pursues: dict[str, list[str]] = field(init=False, default_factory=dict)
    _feeds: dict[str, list[str]] = field(init=False, default_factory=dict)
    _replaced_by: dict[str, list[str]] = field(init=False, default_factory=dict)
    _mitigations: dict[str, dict[str, list[tuple[Safeguard, Mitigation]]]] = field(init=False, default_factory=dict)
    _levels: dict[str, tuple[tuple[str, ...], ...]] = field(init=False, default_factory=dict)
    _down_levels: dict[str, tuple[tuple[str, ...], ...]] = field(init=False, default_factory=dict)
    _facts: dict[str, MeasureFacts] = field(init=False, default_factory=dict)
    _patterns: dict[str, tuple[Compiled, ...]] = field(init=False, default_factory=dict)
    _arguments: dict[str, tuple[tuple[EssenceArgument, Compiled], ...]] = field(init=False, default_factory=dict)
    mode: str = field(init=False, default="ex-post")
    mode_reason: str = field(init=False, default="")
    later_law: LaterLaw = field(init=False)

    def case_in_force(self, ref: str) -> bool:
        """True when judgment ``ref`` ('<framework>/<case>') is in the data and is law on the as-of date."""
        resolved = self.rg.resolved
        fid, _, cid = ref.partition("/")
        fw = resolved.frameworks.get(fid)
        case = next((c for c in fw.cases if c.id == cid), None) if fw else None
        return case is not None and case.is_law_on(resolved.as_of)

    def __post_init__(self) -> None:
        resolved = self.rg.resolved
        self.calculus = Calculus.from_settings(resolved.assessment.settings)
        self.mode, self.mode_reason = assessment_mode(resolved)
        self.later_law = LaterLaw(resolved)
        self.requirements = Requirements(resolved.frameworks, resolved.as_of)
        g = self.rg.g
        for _, data in sorted(g.nodes(data=True), key=lambda nd: str(nd[0])):
            kind = data["type"]
            if kind == "measure":
                self.measures[data["id"]] = data["obj"]
            elif kind == "aim":
                self.aims[data["id"]] = data["obj"]
            elif kind == "safeguard":
                self.safeguards[data["id"]] = data["obj"]
            elif kind == "alternative":
                self.alternatives[data["id"]] = data["obj"]
            elif kind == "right":
                self.rights[data["id"]] = data["obj"]
                right = data["obj"]
                label = data.get("label") or data["id"]
                self.right_titles[data["id"]] = worded(label, right.wordings("title")) if right else label
        for m in self.measures:
            self._interferes[m] = []
            self._pursues[m] = []
            self._feeds[m] = []
        for u, v, data in g.edges(data=True):
            kind = data["type"]
            if kind == "interferes":
                self._interferes[data["measure"]].append(data["obj"])
            elif kind == "mitigates":
                sg = self.safeguards[g.nodes[u]["id"]]
                by_right = self._mitigations.setdefault(data["measure"], {})
                by_right.setdefault(data["obj"].right, []).append((sg, data["obj"]))
            elif kind == "pursues":
                self._pursues[g.nodes[u]["id"]].append(g.nodes[v]["id"])
            elif kind == "feeds":
                self._feeds[g.nodes[u]["id"]].append(g.nodes[v]["id"])
            elif kind == "replaces":
                self._replaced_by.setdefault(g.nodes[v]["id"], []).append(g.nodes[u]["id"])
        self._levels = upstream_levels(self._feeds)
        fed_by: dict[str, list[str]] = {m: [] for m in self.measures}
        for source, targets in self._feeds.items():
            for target in targets:
                fed_by[target].append(source)
        # Upstream levels of the reversed flow are the downstream levels, nearest first.
        self._down_levels = upstream_levels(fed_by)

    @property
    def resolved(self) -> Resolved:
        return self.rg.resolved

    def right_title(self, ref: str) -> str:
        """The name of a right, for sentences."""
        return self.right_titles.get(ref, ref)

    def provision_label(self, ref: str) -> str:
        """'Reg. 2021/1232 Art. 3(1)' for a provision reference, or the reference itself."""
        prov = self.resolved.index.get("provision", ref)
        fw = self.resolved.frameworks.get(ref.split("/", 1)[0])
        if prov is None or fw is None:
            return ref
        return prov.pinpoint if fw.names_itself(prov.pinpoint) else f"{fw.short_title or fw.title} {prov.pinpoint}"

    def essence_patterns(self, right: str) -> tuple[Compiled, ...]:
        """The compiled case-law essence patterns of ``right`` (none for unknown rights)."""
        cached = self._patterns.get(right)
        if cached is None:
            r = self.rights.get(right)
            cached = tuple(compile_condition(c, f"right '{right}': essence_patterns[{i}]")
                           for i, c in enumerate(r.essence_patterns)) if r else ()
            self._patterns[right] = cached
        return cached

    def essence_arguments(self, right: str) -> tuple[tuple[EssenceArgument, Compiled], ...]:
        """The contested essence patterns of ``right``, each with its compiled condition."""
        cached = self._arguments.get(right)
        if cached is None:
            r = self.rights.get(right)
            cached = tuple((a, compile_condition(a.when, f"right '{right}': essence_arguments '{a.id}'"))
                           for a in r.essence_arguments) if r else ()
            self._arguments[right] = cached
        return cached

    def facts(self, measure_id: str) -> MeasureFacts:
        """The scenario-independent facts of one measure (built on first use)."""
        cached = self._facts.get(measure_id)
        if cached is None:
            cached = self._build_facts(measure_id)
            self._facts[measure_id] = cached
        return cached

    def _own_categories(self, mid: str) -> tuple[str, ...] | None:
        return tuple(self.measures[mid].data_categories) or None

    def _build_facts(self, mid: str) -> MeasureFacts:
        m = self.measures[mid]
        levels = self._levels.get(mid, ())
        upstream = tuple(sorted(x for level in levels for x in level))
        categories: tuple[str, ...] = tuple(m.data_categories)
        categories_from: tuple[str, ...] = ()
        if not categories:
            cats = nearest(levels, self._own_categories)
            categories = tuple(sorted({c for _, v in cats for c in v}))
            categories_from = tuple(m for m, _ in cats)
        population = m.affected.count if m.affected and m.affected.count else None
        population_from: tuple[str, ...] = ()
        if population is None:
            counts = nearest(levels, lambda x: _count(self.measures[x]))
            if counts:
                population = max((e for _, e in counts), key=lambda e: e.central)
                population_from = tuple(m for m, _ in counts)
        subject = Subject(m, categories, population.central if population else None)
        interferences = tuple(sorted(self._interferes[mid], key=lambda i: i.right))
        inherited = {
            i.right: tuple(u for u in upstream if any(j.right == i.right for j in self._interferes[u]))
            for i in interferences
        }
        mitigations = {r: tuple(sorted(v, key=lambda sm: sm[0].id))
                       for r, v in sorted(self._mitigations.get(mid, {}).items())}
        seen: dict[str, Safeguard] = {sg.id: sg for pairs in mitigations.values() for sg, _ in pairs}
        strengths: dict[str, set[str]] = {}
        for pairs in mitigations.values():
            for sg, mit in pairs:
                strengths.setdefault(sg.id, set()).add(mit.strength)
        protections = tuple(Protection(sg.id, sg.type, sg.effective, sg.binding, weak=strengths[sg.id] == {"weak"})
                            for sg in sorted(seen.values(), key=lambda s: s.id))
        aims = tuple(self.aims[a] for a in sorted(set(self._pursues[mid])) if a in self.aims)
        alternatives = tuple(self.alternatives[a] for a in sorted(set(self._replaced_by.get(mid, []))))
        detection = arithmetic(m.detection, population) if m.detection is not None else None
        requirements = self.requirements.of(subject, interferences)
        chained, downstream_only = self._along_chain(mid, requirements, protections)
        protections += chained
        met = {r.type: text for r in requirements if (text := self.requirements.met(r.type, subject)) is not None}
        void = {r.type: text for r in requirements if (text := self.requirements.void(r.type, subject)) is not None}
        return MeasureFacts(
            measure=m, node=f"measure:{mid}", subject=subject, upstream=upstream, categories_from=categories_from,
            population=population, population_from=population_from, interferences=interferences,
            inherited=inherited, aims=aims, alternatives=alternatives, mitigations=mitigations,
            protections=protections, detection=detection,
            requirements=requirements,
            floor=floor_for(m, categories, self.calculus), met_by_terms=met, void_by_terms=void,
            downstream_only=downstream_only,
        )

    def _along_chain(self, mid: str, requirements: tuple[Requirement, ...], own: tuple[Protection, ...]
                     ) -> tuple[tuple[Protection, ...], dict[str, tuple[tuple[str, str], ...]]]:
        """Safeguards of a required type that the measure lacks but a downstream measure has.

        Those whose type reaches upstream (``SafeguardType.reaches_upstream``: human review before a
        report reviews the detection's hit) protect this measure too; the others are returned apart, so
        the safeguards step can say why they do not count here. The residual severity is untouched: a
        downstream safeguard meets a requirement of this measure, it does not lessen what this measure does.
        """
        have = {p.type for p in own if p.type}
        wanted = [r.type for r in requirements if r.type not in have]
        downstream = [d for level in self._down_levels.get(mid, ()) for d in level]
        if not wanted or not downstream:
            return (), {}
        chained: list[Protection] = []
        only: dict[str, list[tuple[str, str]]] = {}
        for t in wanted:
            reaches = self.requirements.reaches_upstream(t)
            for d in downstream:
                for sg, strong in _typed(self._mitigations.get(d, {}), t):
                    if reaches:
                        chained.append(Protection(sg.id, t, sg.effective, sg.binding, weak=not strong, via=d))
                    else:
                        only.setdefault(t, []).append((sg.id, d))
        return tuple(chained), {t: tuple(pairs) for t, pairs in only.items()}

    def view(self, facts: MeasureFacts, scenario: Scenario = BASELINE) -> MeasureView:
        """The measure under ``scenario``: residual severities and protections."""
        calc = self.calculus
        added = scenario.added
        hypothetical = tuple(
            Applied(f"+{t}", t, calc.flip_added_strength, calc.levels(calc.flip_added_strength), True, True, True)
            for t in added)
        residuals = []
        for itf in facts.interferences:
            candidates = [
                Applied(sg.id, sg.type, mit.strength, calc.levels(mit.strength) if sg.effective else 0,
                        sg.effective, sg.binding)
                for sg, mit in facts.mitigations.get(itf.right, ()) if sg.id not in scenario.removed
            ]
            candidates.extend(hypothetical)
            residuals.append(residual(itf, facts.floor, candidates, facts.inherited.get(itf.right, ())))
        protections = tuple(p for p in facts.protections if p.safeguard not in scenario.removed) + tuple(
            Protection(f"+{t}", t, True, True, hypothetical=True) for t in added)
        by_type: dict[str, list[Protection]] = {}
        for p in protections:
            if p.type:
                by_type.setdefault(p.type, []).append(p)
        return MeasureView(facts, scenario, tuple(residuals), protections,
                           {t: tuple(ps) for t, ps in by_type.items()})


class LaterLaw:
    """Judgments given on or after the as-of date: citations to them are taken out of findings as law.

    A finding may cite a judgment (a method step's sources, an essence statement) that post-dates the
    assessment's as-of date; an assessment as of 2022 cannot rely on a 2024 judgment. Such citations
    are removed from the finding's sources and named in a reason as later case law instead.
    """

    def __init__(self, resolved: Resolved) -> None:
        later = sorted(((case.date, f"{fid}/{case.id}", case) for fid, fw in resolved.frameworks.items()
                        for case in fw.cases if not case.is_law_on(resolved.as_of)), key=lambda t: (t[0], t[1]))
        #: '<framework>/<case>' → 'Name (date)', in date order: the results' ``later_case_law``.
        self.names: dict[str, str] = {ref: f"{case.name} ({day.isoformat()})" for day, ref, case in later}

    def split(self, cite: list[Citation]) -> tuple[list[Citation], list[str]]:
        """The citations that are law on the as-of date, and the names of the later judgments cited."""
        if not self.names:
            return cite, []
        keep: list[Citation] = []
        later: list[str] = []
        for c in cite:
            parts = c.ref.split("/")
            name = self.names.get("/".join(parts[:2]))
            if name is None:
                keep.append(c)
            elif name not in later:
                later.append(name)
        return keep, later


DRAFT_STATUSES = frozenset({"proposal", "position"})


def draft_status(resolved: Resolved, ref: str) -> str | None:
    """'proposal' or 'position' when provision ``ref`` is in a draft on the as-of date, else None."""
    fw = resolved.frameworks.get(ref.split("/", 1)[0])
    version = fw.version_at(resolved.as_of) if fw else None
    if version is not None and version.status in DRAFT_STATUSES:
        return version.status
    if fw is not None and version is None and fw.kind in DRAFT_STATUSES:
        return fw.kind
    return None


def assessment_mode(resolved: Resolved) -> tuple[str, str]:
    """Ex ante or ex post, and why: the author's choice, else ex ante when a legal basis is a draft."""
    chosen = resolved.assessment.mode
    if chosen is not None:
        return chosen, sentence("The author chose the {mode} mode.", mode=term(chosen))
    drafts = sorted({ref.split("/", 1)[0] for m in resolved.assessment.measures for ref in m.legal_basis
                     if draft_status(resolved, ref)})
    if drafts:
        return "ex-ante", sentence("Ex ante: the legal basis is in a draft on {date} ({drafts}), so the text is "
                                   "assessed as if adopted.", date=resolved.as_of, drafts=", ".join(drafts))
    return "ex-post", sentence("Ex post: the law is assessed as in force on {date}.", date=resolved.as_of)


def _typed(by_right: Mapping[str, list[tuple[Safeguard, Mitigation]]], type_ref: str
           ) -> list[tuple[Safeguard, bool]]:
    """The safeguards of ``type_ref`` among one measure's mitigations, each once, with 'not only weak'."""
    strong: dict[str, bool] = {}
    found: dict[str, Safeguard] = {}
    for pairs in by_right.values():
        for sg, mit in pairs:
            if sg.type == type_ref:
                found[sg.id] = sg
                strong[sg.id] = strong.get(sg.id, False) or mit.strength != "weak"
    return [(found[k], strong[k]) for k in sorted(found)]


def _count(m: Measure) -> Estimate | None:
    return m.affected.count if m.affected and m.affected.count else None
