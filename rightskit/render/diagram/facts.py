"""Flat, comparable records of what a diagram shows, read once from a bundle.

Views, aggregation and the diff all draw from these records, never from the model directly:
a node or edge is a frozen value with plain-text fields, so two assessments can be compared
record by record, and drawing never touches pydantic objects. Everything is sorted by id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...model.scales import severity_rank, strength_rank
from ...translation import N_, SOURCE, format_number, language
from ...translation import gettext as _
from ...translation.sentence import in_sentence
from ..badges import words as words  # the report's reading of a vocabulary word, shared by every view
from .text import dot_name

if TYPE_CHECKING:
    from ...bundle import Bundle
    from ...evaluate.results import InterferenceResult, MeasureResult


@dataclass(frozen=True)
class NodeFact:
    """One node: what it is, its words, the scale word that styles it, and its tooltip."""

    kind: str  # measure | right | safeguard | aim | alternative | provision (| *-group when aggregated)
    ident: str
    title: str
    lines: tuple[str, ...] = ()  # small text under the title
    look: str = ""  # verdict, severity or strength word that decides colour and line
    shape: str = ""  # key of style.SHAPES; defaults to ``kind``
    tooltip: tuple[str, ...] = ()
    group: str = ""  # cluster key (framework of a right, actor of a measure in the chain …)
    steps: tuple[tuple[str, str], ...] = ()  # (step id, status) for measures
    members: tuple[str, ...] = ()  # ids inside an aggregated group
    link: bool = True  # False for groups: there is no report section to link to

    @property
    def name(self) -> str:
        return dot_name(self.kind, self.ident)


@dataclass(frozen=True)
class EdgeFact:
    """One edge between two node names, with its kind, scale word, label and tooltip."""

    tail: str
    head: str
    kind: str  # interferes | mitigates | pursues | basis | replaces | feeds | protects
    look: str = ""
    label: str = ""
    tooltip: tuple[str, ...] = ()
    dashed: bool = False
    count: int = 1  # edges merged into this one when aggregated


@dataclass
class Facts:
    """The nodes and edges of one picture, keyed and ordered for reproducible output."""

    nodes: dict[str, NodeFact] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], EdgeFact] = field(default_factory=dict)

    def add(self, node: NodeFact) -> str:
        self.nodes.setdefault(node.name, node)
        return node.name

    def link(self, edge: EdgeFact) -> None:
        self.edges.setdefault((edge.tail, edge.head, edge.kind), edge)

    def of(self, kind: str) -> list[NodeFact]:
        return [n for _, n in sorted(self.nodes.items()) if n.kind == kind]

    def sorted_edges(self) -> list[EdgeFact]:
        return [e for _, e in sorted(self.edges.items())]


def type_words(bundle: Bundle, key: str) -> str:
    """A safeguard group's key as a caption says it: a catalogue type by its title, in lower case.

    English keeps the reading of the type's id it has always shown; another language shows the type's
    translated title (the same one the report's safeguard sections use), lower-cased except in German.
    """
    reading = words(key.split("/")[-1])
    lang = language()
    record = bundle.resolved.index.get("safeguard-type", key) if lang != SOURCE else None
    if record is None:
        return reading
    return in_sentence(str(record.worded("title", lang)))


# -- records -----------------------------------------------------------------------------------


class Reader:
    """A bundle with its records indexed by id, built once per picture."""

    def __init__(self, bundle: Bundle) -> None:
        a = bundle.resolved.assessment
        self.bundle = bundle
        self.measures = {m.id: m for m in a.measures}
        self.safeguards = {s.id: s for s in a.safeguards}
        self.aims = {x.id: x for x in a.aims}
        self.alternatives = {x.id: x for x in a.alternatives}
        self.essence: set[str] = {i.right for m in bundle.results.measures.values() for i in m.interferences
                                  if i.reaches_essence}
        self._mitigations: list[tuple[str, str, str, str, bool, str]] | None = None
        self._protects: dict[str, tuple[list[str], list[str]]] | None = None

    def protects(self, sid: str) -> tuple[list[str], list[str]]:
        """The measures safeguard ``sid`` protects: those it mitigates, and those it protects along the chain.

        Indexed on first use: a view without safeguards does not pay for a pass over every measure.
        """
        if self._protects is None:
            self._protects = {s.id: (sorted({x.measure for x in s.mitigates}), []) for s in self.safeguards.values()}
            for mid, res in self.bundle.results.measures.items():
                for chained in res.protected_downstream:
                    if chained in self._protects:
                        self._protects[chained][1].append(mid)
        return self._protects.get(sid, ([], []))


def framework_title(bundle: Bundle, fid: str) -> str:
    """A framework as a caption names it: its short title, as the source writes it (never translated)."""
    fw = bundle.resolved.frameworks.get(fid)
    if fw is None:
        return _("Defined in the assessment") if fid == "local" else fid
    return fw.short_title or fw.title


def right_framework(ref: str) -> str:
    return ref.split("/", 1)[0] if "/" in ref else "local"


def measure_result(bundle: Bundle, mid: str) -> MeasureResult | None:
    return bundle.results.measures.get(mid)


def interference_result(bundle: Bundle, mid: str, ref: str) -> InterferenceResult | None:
    result = measure_result(bundle, mid)
    if result is None:
        return None
    return next((i for i in result.interferences if i.right == ref), None)


def measure_node(r: Reader, mid: str, *, steps: bool = False) -> NodeFact:
    bundle = r.bundle
    m = r.measures.get(mid)
    result = measure_result(bundle, mid)
    verdict = result.verdict if result else "undetermined"
    title = m.title if m else (result.title if result else mid)
    kind = m.kind if m else "other"
    actor = f" · {m.actor}" if m and m.actor and m.actor != "unspecified" else ""
    step_states = tuple((s, r.status) for s, r in result.steps.items()) if (result and steps) else ()
    return NodeFact(
        "measure", mid, title, (f"{words(kind)}{actor}",), verdict, "measure",
        (title, _("Verdict: {verdict}").format(verdict=words(verdict)), result.verdict_reason if result else "",
         m.description if m and m.description else ""),
        group=kind, steps=step_states,
    )


def right_node(r: Reader, ref: str) -> NodeFact:
    bundle = r.bundle
    right = bundle.resolved.index.get("right", ref)
    result = bundle.results.rights.get(ref)
    title = right.worded("title", language()) if right is not None else (result.title if result else ref)
    cumulative = result.cumulative if result else ""
    absolute = bool(right is not None and right.absolute)
    essence = ref in r.essence
    lines = [ref]
    if cumulative:
        lines.append(_("cumulative: {severity}").format(severity=words(cumulative)))
    if essence:
        lines.append(_("essence reached"))
    return NodeFact(
        "right", ref, title, tuple(lines), cumulative, "right-absolute" if absolute else "right",
        (title, _("Cumulative residual severity: {severity}").format(
            severity=words(cumulative) or _("not evaluated")),
         result.explanation if result else "", right.summary if right is not None and right.summary else ""),
        group=right_framework(ref),
    )


def safeguard_node(r: Reader, sid: str) -> NodeFact:
    bundle = r.bundle
    s = r.safeguards.get(sid)
    if s is None:
        return NodeFact("safeguard", sid, sid)
    if s.binding:
        prov = bundle.resolved.index.get("provision", str(s.source))
        basis = _("binding: {provision}").format(provision=prov.pinpoint if prov is not None else s.source)
    else:
        basis = _("voluntary")
    own, chained = r.protects(sid)
    protects = _protects(own, chained)
    lines = [basis] + ([protects] if protects else []) + ([] if s.effective else [_("ineffective in practice")])
    return NodeFact(
        "safeguard", sid, s.title, tuple(lines), "" if s.effective else "ineffective",
        "safeguard" if s.binding else "safeguard-voluntary",
        (s.title, basis, protects, s.requires or "", "; ".join(s.conditions),
         "" if s.effective else _("Recorded as not effective in practice.")),
        group=s.type or ("binding" if s.binding else "voluntary"),
    )


#: Above this many measures a safeguard node counts them instead of naming them.
PROTECTS_NAMED = 3


def _protects(own: list[str], chained: list[str]) -> str:
    """'protects: scan, report; along the chain: detect' — which measures a safeguard protects."""
    def names(ids: list[str]) -> str:
        return ", ".join(ids) if len(ids) <= PROTECTS_NAMED else _("{n} measures").format(
            n=format_number(str(len(ids))))
    parts = [_("protects: {measures}").format(measures=names(own))] if own else []
    if chained:
        parts.append(_("along the chain: {measures}").format(measures=names(sorted(chained))))
    return "; ".join(parts)


#: An aim's kind as its tooltip names it (msgids; the Charter's words in each language).
AIM_KINDS = {"general-interest": N_("general interest"), "rights-of-others": N_("rights of others")}


def aim_node(r: Reader, aid: str) -> NodeFact:
    aim = r.aims.get(aid)
    if aim is None:
        return NodeFact("aim", aid, aid)
    line = _("aim · importance {importance}").format(importance=words(aim.importance))
    return NodeFact("aim", aid, aim.title, (line,), "", "aim",
                    (aim.title, _(AIM_KINDS.get(aim.kind, aim.kind)), aim.description or ""))


def alternative_node(r: Reader, aid: str) -> NodeFact:
    alt = r.alternatives.get(aid)
    if alt is None:
        return NodeFact("alternative", aid, aid)
    eff = (_("effectiveness {level}").format(level=words(alt.effectiveness.level)) if alt.effectiveness
           else _("effectiveness unknown"))
    return NodeFact("alternative", aid, alt.title, (_("alternative · {effectiveness}").format(effectiveness=eff),), "",
                    "alternative",
                    (alt.title, alt.description or "", alt.effectiveness.statement if alt.effectiveness else ""))


def provision_node(r: Reader, ref: str) -> NodeFact:
    bundle = r.bundle
    prov = bundle.resolved.index.get("provision", ref)
    fid = ref.split("/", 1)[0]
    title = prov.pinpoint if prov is not None else ref
    fw = bundle.resolved.frameworks.get(fid)
    # A whole-act record's pinpoint names the act already: the framework's title would say it twice.
    lines = () if fw is not None and fw.names_itself(title) else (framework_title(bundle, fid),)
    return NodeFact("provision", ref, title, lines, "", "provision",
                    (" ".join((title, *lines)), prov.title if prov is not None else "",
                     prov.summary if prov is not None else ""), group=fid, link=False)


# -- edges -------------------------------------------------------------------------------------


def interference_edge(r: Reader, mid: str, ref: str, *, label: bool = True) -> EdgeFact:
    bundle = r.bundle
    m = r.measures.get(mid)
    itf = next((i for i in m.interferes if i.right == ref), None) if m else None
    res = interference_result(bundle, mid, ref)
    inherent = res.inherent if res else (itf.severity if itf else "")
    residual = res.residual if res else inherent
    text = words(residual)
    if label and inherent and inherent != residual:
        text = _("{residual} (from {inherent})").format(residual=words(residual), inherent=words(inherent))
    if res is not None and res.reaches_essence:
        text += _(", essence")
    return EdgeFact(
        dot_name("measure", mid), dot_name("right", ref), "interferes", residual, text if label else "",
        (_("{measure} → {right}: residual {residual}, inherent {inherent}").format(
            measure=mid, right=ref, residual=words(residual), inherent=words(inherent)),
         itf.rationale if itf else "", res.explanation if res else ""),
    )


Mit = tuple[str, str, str, str, bool, str]


def mitigations(r: Reader, measure: str | None = None, right: str | None = None) -> list[Mit]:
    """(safeguard, measure, right, strength, effective, rationale) rows, sorted."""
    if r._mitigations is None:
        r._mitigations = sorted((s.id, mit.measure, mit.right, mit.strength, s.effective, mit.rationale or "")
                                for s in r.safeguards.values() for mit in s.mitigates)
    return [row for row in r._mitigations
            if (measure is None or row[1] == measure) and (right is None or row[2] == right)]


def for_measure(measure: str, strength: str) -> str:
    """'for scan: strong': a safeguard's strength for one measure, as a tooltip line."""
    return _("for {measure}: {strength}").format(measure=measure, strength=words(strength))


def strongest(values: list[str]) -> str:
    return max(values, key=strength_rank) if values else ""


def worst(values: list[str]) -> str:
    known = [v for v in values if v]
    return max(known, key=severity_rank) if known else ""
