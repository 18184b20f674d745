"""The views: overview, one measure, one right, the measure chain.

Each view gathers records (``facts``), collapses them when too many (``aggregate``), then
draws them (``draw``) into a ``graphviz.Digraph``. Layout is left to right: what acts on the
subject on the left, the subject in the middle, what limits or protects it on the right.
Edges that point "backwards" in that reading order are drawn reversed with ``dir=back``, so the
arrow keeps its meaning while dot ranks the columns as intended.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import graphviz

from ...translation import N_, format_date
from ...translation import gettext as _
from . import draw
from .aggregate import AGGREGATE_ABOVE, COLUMN_MAX, collapse, counted
from .facts import (
    EdgeFact,
    Facts,
    NodeFact,
    Reader,
    aim_node,
    alternative_node,
    for_measure,
    framework_title,
    interference_edge,
    measure_node,
    mitigations,
    provision_node,
    right_node,
    safeguard_node,
    strongest,
    type_words,
    words,
)
from .legend import legend_rows
from .panels import PANEL_SAFEGUARDS_ABOVE, draw_panels, without_safeguards
from .text import dot_name

if TYPE_CHECKING:
    from ...bundle import Bundle

#: The chain's swim lanes, one per actor type (msgids, translated where drawn).
ACTORS = {"provider": N_("Providers"), "public-authority": N_("Public authorities"), "eu-body": N_("EU bodies"),
          "other": N_("Other actors")}


def detail_hint(bundle: Bundle) -> str:
    """How to see the detail of an aggregated picture, with the assessment's file name."""
    files = bundle.resolved.files
    name = files[0].name if files else "ASSESSMENT"
    return _("For detail run: rightskit diagram {name} --view measure:ID (or right:REF).").format(name=name)


def _subtitle(bundle: Bundle) -> str:
    a = bundle.resolved.assessment
    return _("{title} · as of {date}").format(title=a.title, date=format_date(a.as_of))


def _same_rank(g: graphviz.Digraph, names: Iterable[str]) -> None:
    names = list(names)
    if len(names) > 1:
        with g.subgraph() as s:
            s.attr(rank="same")
            for n in names:
                s.node(n)


def _shapes(nodes: Iterable[NodeFact]) -> list[str]:
    from .style import SHAPES

    used = {n.shape or n.kind for n in nodes}
    return [s for s in SHAPES if s in used]


def draw_columns(g: graphviz.Digraph, facts: Facts, *, columns: list[list[str]], cluster_rights: bool,
                 bundle: Bundle, prefix: str = "", markers: dict[str, str] | None = None,
                 extra: dict[str, dict[str, str]] | None = None) -> None:
    """Nodes of ``facts`` into ``g``: rights clustered by framework, each column on one rank."""
    markers = markers or {}
    extra = extra or {}
    clusters: dict[str, graphviz.Digraph] = {}
    for name, node in sorted(facts.nodes.items()):
        target = g
        if cluster_rights and node.kind in ("right", "right-group"):
            key = f"{prefix}{node.group}"
            if key not in clusters:
                clusters[key] = draw.cluster(g, key, framework_title(bundle, node.group))
            target = clusters[key]
        draw.add_node(target, node, name=prefix + name, marker=markers.get(name, ""), extra=extra.get(name))
    for key in sorted(clusters):
        g.subgraph(clusters[key])
    for column in columns:
        _same_rank(g, [prefix + n for n in column])


def draw_edges(g: graphviz.Digraph, facts: Facts, *, reverse_kinds: tuple[str, ...], labels: bool,
               prefix: str = "", extra: dict[tuple[str, str, str], dict[str, str]] | None = None) -> None:
    for e in facts.sorted_edges():
        draw.add_edge(g, e, reverse=e.kind in reverse_kinds, labels=labels, tail=prefix + e.tail,
                      head=prefix + e.head, extra=(extra or {}).get((e.tail, e.head, e.kind)))


# -- overview ----------------------------------------------------------------------------------


def overview_facts(r: Reader) -> Facts:
    """Measures, the rights they touch, and the safeguards, with interference and mitigation edges."""
    f = Facts()
    for mid in sorted(r.measures):
        f.add(measure_node(r, mid))
    rights = {i.right for m in r.measures.values() for i in m.interferes} | {row[2] for row in mitigations(r)}
    for ref in sorted(rights):
        f.add(right_node(r, ref))
    for sid in sorted(r.safeguards):
        f.add(safeguard_node(r, sid))
    for mid in sorted(r.measures):
        for itf in sorted(r.measures[mid].interferes, key=lambda i: i.right):
            f.link(interference_edge(r, mid, itf.right, label=False))
    by_pair: dict[tuple[str, str], list[tuple[str, str, bool]]] = {}
    for sid, mid, ref, strength, works, _why in mitigations(r):
        by_pair.setdefault((sid, ref), []).append((mid, strength, works))
    for (sid, ref), rows in sorted(by_pair.items()):
        working = [s for _, s, ok in rows if ok]
        look = strongest(working) if working else "ineffective"
        tip = (_("{safeguard} mitigates {right}").format(safeguard=sid, right=ref),
               *(for_measure(m, s) + ("" if ok else _(" (ineffective)")) for m, s, ok in rows))
        f.link(EdgeFact(dot_name("safeguard", sid), dot_name("right", ref), "mitigates", look, words(look), tip))
    return f


def aggregate_overview(r: Reader, f: Facts, *, full: bool = False) -> tuple[Facts, list[str]]:
    """Collapse the overview's big columns (> COLUMN_MAX): measures by kind, rights by framework,
    safeguards by catalogue type; all three when that is still too many, or when ``full`` (the diff
    needs both sides grouped alike). Returns what was collapsed."""
    bundle = r.bundle
    rules = (
        ("measure", _("measures by kind"), kind_title),
        ("right", _("rights by framework"), lambda k: rights_title(bundle, k)),
        ("safeguard", _("safeguards by type"), lambda k: safeguards_title(bundle, k)),
    )
    big = [rule for rule in rules if len(f.of(rule[0])) > COLUMN_MAX and not full]
    out = f
    for kind, _what, title in big:
        out = collapse(out, kind, lambda n: n.group, title)
    if len(out.nodes) > AGGREGATE_ABOVE or not big:
        big = list(rules)
        out = f
        for kind, _what, title in big:
            out = collapse(out, kind, lambda n: n.group, title)
    return out, [what for _kind, what, _title in big]


def rights_title(bundle: Bundle, framework: str) -> str:
    """A group of rights' caption: 'Rights: <framework>'."""
    return _("Rights: {framework}").format(framework=framework_title(bundle, framework))


def safeguards_title(bundle: Bundle, key: str) -> str:
    """A group of safeguards' caption: 'Safeguards: <type>'."""
    return _("Safeguards: {type}").format(type=type_words(bundle, key))


def kind_title(kind: str) -> str:
    """A group of measures' caption: 'Detection measures'."""
    text = _("{kind} measures").format(kind=words(kind))
    return text[:1].upper() + text[1:]


def overview(bundle: Bundle) -> graphviz.Digraph:
    r = Reader(bundle)
    f = overview_facts(r)
    note = ""
    if len(f.nodes) > AGGREGATE_ABOVE:
        total = len(f.nodes)
        f, what = aggregate_overview(r, f)
        note = _("Aggregated ({total} nodes > {limit}): {what}. {hint}").format(
            total=total, limit=AGGREGATE_ABOVE, what=", ".join(what), hint=detail_hint(bundle))
    panels = len(f.of("safeguard")) > PANEL_SAFEGUARDS_ABOVE
    shapes = _shapes(f.nodes.values())
    if panels:
        f = without_safeguards(f)
        shapes = [*_shapes(f.nodes.values()), "safeguard-panel"]
    legend = legend_rows(["verdict", "severity", "strength"], shapes)
    g = draw.new_graph("overview", _("Overview: measures → rights ← safeguards"), _subtitle(bundle), note, legend)
    measures = sorted(n.name for n in f.nodes.values() if n.kind in ("measure", "measure-group"))
    columns, minlen = safeguard_columns(f, len(measures))
    draw_columns(g, f, columns=[measures, *columns], cluster_rights=True, bundle=bundle)
    draw_edges(g, f, reverse_kinds=("mitigates",), labels=False, extra=minlen)
    if panels:
        draw_panels(g, r, f)
    return g


def safeguard_columns(f: Facts, height: int) -> tuple[list[list[str]], dict[tuple[str, str, str], dict[str, str]]]:
    """Split a long safeguard column into up to four, so the overview is not one tall strip.

    Safeguards are sorted by the first right they mitigate and dealt out in turn (a honeycomb), so
    each right's safeguards stay at its height; ``minlen`` on the edges puts each in its column.
    """
    safeguards = [n for n in f.nodes.values() if n.kind in ("safeguard", "safeguard-group")]
    first_right = {e.tail: e.head for e in reversed(f.sorted_edges()) if e.kind == "mitigates"}
    rights = sorted({n.name for n in f.nodes.values() if n.kind in ("right", "right-group")})
    safeguards.sort(key=lambda n: (rights.index(first_right[n.name]) if n.name in first_right else len(rights),
                                   n.name))
    k = max(1, min(4, -(-len(safeguards) // max(height, 12))))
    columns: list[list[str]] = [[] for _ in range(k)]
    for i, node in enumerate(safeguards):
        columns[i % k].append(node.name)
    extra: dict[tuple[str, str, str], dict[str, str]] = {}
    column_of = {name: j for j, column in enumerate(columns) for name in column}
    for e in f.edges.values():
        if e.kind == "mitigates":
            # Leave the right from its east point and enter from the west: tidy fans, not a web.
            extra[(e.tail, e.head, e.kind)] = {"tailport": "e", "headport": "w",
                                               **({"minlen": str(column_of[e.tail] + 1)}
                                                  if column_of.get(e.tail) else {})}
        elif e.kind == "interferes":
            extra[(e.tail, e.head, e.kind)] = {"headport": "w"}
    return columns, extra


# -- one measure -------------------------------------------------------------------------------


def _flow(r: Reader, tail: str, head: str) -> str:
    """The data categories that flow from measure ``tail`` into ``head``: those both process."""
    a, b = r.measures.get(tail), r.measures.get(head)
    if a is None or b is None:
        return ""
    shared = sorted(set(a.data_categories) & set(b.data_categories))
    return ", ".join(words(c) for c in shared) if shared else _("data not specified")


def _feeds_edge(r: Reader, tail: str, head: str) -> EdgeFact:
    flow = _flow(r, tail, head)
    return EdgeFact(dot_name("measure", tail), dot_name("measure", head), "feeds", "", flow,
                    (_("{tail} feeds {head}").format(tail=tail, head=head), _("Data: {flow}").format(flow=flow)))


def measure_facts(r: Reader, mid: str) -> Facts:
    m = r.measures[mid]
    f = Facts()
    f.add(measure_node(r, mid, steps=True))
    for aid in sorted(set(m.aims)):
        f.add(aim_node(r, aid))
        f.link(EdgeFact(dot_name("measure", mid), dot_name("aim", aid), "pursues", "", _("pursues"),
                        (_("{measure} pursues {aim}").format(measure=mid, aim=aid),)))
    for ref in sorted(set(m.legal_basis)):
        f.add(provision_node(r, ref))
        f.link(EdgeFact(dot_name("provision", ref), dot_name("measure", mid), "basis", "", _("legal basis"),
                        (_("{provision} is a legal basis of {measure}").format(provision=ref, measure=mid),)))
    for alt in sorted(r.alternatives.values(), key=lambda a: a.id):
        if mid in alt.replaces:
            f.add(alternative_node(r, alt.id))
            f.link(EdgeFact(dot_name("alternative", alt.id), dot_name("measure", mid), "replaces", "",
                            _("could replace"),
                            (_("{alternative} could replace {measure}").format(alternative=alt.id, measure=mid),),
                            dashed=True))
    for other in sorted(r.measures.values(), key=lambda x: x.id):
        if mid in other.feeds and other.id != mid:
            f.add(measure_node(r, other.id))
            f.link(_feeds_edge(r, other.id, mid))
    for target in sorted(set(m.feeds)):
        if target in r.measures and target != mid:
            f.add(measure_node(r, target))
            f.link(_feeds_edge(r, mid, target))
    for itf in sorted(m.interferes, key=lambda i: i.right):
        f.add(right_node(r, itf.right))
        f.link(interference_edge(r, mid, itf.right))
    for sid, _mid, ref, strength, effective, rationale in mitigations(r, measure=mid):
        f.add(safeguard_node(r, sid))
        look = strength if effective else "ineffective"
        f.link(EdgeFact(dot_name("safeguard", sid), dot_name("right", ref), "mitigates", look,
                        words(strength) + ("" if effective else _(" (ineffective)")),
                        (_("{safeguard} mitigates {measure} → {right}: {strength}").format(
                            safeguard=sid, measure=mid, right=ref, strength=words(strength)), rationale)))
    return f


def _collapse_columns(r: Reader, f: Facts, keep: str) -> tuple[Facts, list[str]]:
    """Collapse any column of a focused view that holds more than COLUMN_MAX nodes; the view's
    subject ``keep`` always stays a node of its own."""
    bundle = r.bundle
    notes = []
    for kind, key, title in (
        ("right", lambda n: n.group, lambda k: rights_title(bundle, k)),
        ("safeguard", lambda n: n.group, lambda k: safeguards_title(bundle, k)),
        ("measure", lambda n: n.group, kind_title),
        ("provision", lambda n: n.group,
         lambda k: _("Provisions: {framework}").format(framework=framework_title(bundle, k))),
        ("aim", lambda n: "aims", lambda k: _("Aims")),
        ("alternative", lambda n: "alternatives", lambda k: _("Alternatives")),
    ):
        others = [n for n in f.of(kind) if n.name != keep]
        if len(others) > COLUMN_MAX:
            notes.append(counted(kind, len(others)))
            subject = f.nodes.pop(keep)
            f = collapse(f, kind, key, title)
            f.add(subject)
    return f, notes


#: Past this many safeguards a measure's own view lists them in panels per right (see panels.py).
MEASURE_PANEL_ABOVE = 8


def _collapsed_note(bundle: Bundle, notes: list[str]) -> str:
    """A focused view's note on the columns it collapsed; empty when it collapsed none."""
    if not notes:
        return ""
    return _("Aggregated ({columns} collapsed). {hint}").format(columns=", ".join(notes), hint=detail_hint(bundle))


def measure_view(bundle: Bundle, mid: str) -> graphviz.Digraph:
    r = Reader(bundle)
    f = measure_facts(r, mid)
    subject = dot_name("measure", mid)
    f, notes = _collapse_columns(r, f, subject)
    note = _collapsed_note(bundle, notes)
    # A column of 20 hexagons made the page-wide picture a strip whose text printed at 2 pt in the PDF:
    # past MEASURE_PANEL_ABOVE safeguards the view lists them in one panel per right, as the overview does.
    panels = len(f.of("safeguard")) > MEASURE_PANEL_ABOVE
    if panels:
        f = without_safeguards(f)
    legend = legend_rows(["verdict", "status", "severity", "strength"],
                         [*_shapes(f.nodes.values()), *(["safeguard-panel"] if panels else [])])
    g = draw.new_graph(f"measure-{mid}", _("Measure: {title}").format(title=r.measures[mid].title), _subtitle(bundle),
                       note, legend)
    left = [n.name for n in f.nodes.values() if n.kind in ("aim", "provision", "alternative", "group")]
    draw_columns(g, f, columns=[sorted(left)], cluster_rights=True, bundle=bundle)
    draw_edges(g, f, reverse_kinds=("pursues", "mitigates"), labels=True)
    if panels:
        draw_panels(g, r, f, measure=mid)
    return g


# -- one right ---------------------------------------------------------------------------------


def right_facts(r: Reader, ref: str) -> Facts:
    f = Facts()
    f.add(right_node(r, ref))
    for mid in sorted(r.measures):
        if any(i.right == ref for i in r.measures[mid].interferes):
            f.add(measure_node(r, mid))
            f.link(interference_edge(r, mid, ref))
    by_safeguard: dict[str, list[tuple[str, str, bool]]] = {}
    for sid, mid, _right, strength, works, _why in mitigations(r, right=ref):
        by_safeguard.setdefault(sid, []).append((mid, strength, works))
    for sid, rows in sorted(by_safeguard.items()):
        f.add(safeguard_node(r, sid))
        working = [s for _, s, ok in rows if ok]
        look = strongest(working) if working else "ineffective"
        label = "; ".join(_("{strength} for {measure}").format(strength=words(s), measure=m) for m, s, _ok in rows)
        f.link(EdgeFact(dot_name("safeguard", sid), dot_name("right", ref), "mitigates", look, label,
                        (_("{safeguard} mitigates interferences with {right}").format(safeguard=sid, right=ref),
                         label)))
    for aim in sorted(r.aims.values(), key=lambda a: a.id):
        if ref in aim.protects:
            f.add(aim_node(r, aim.id))
            f.link(EdgeFact(dot_name("aim", aim.id), dot_name("right", ref), "protects", "", _("protects"),
                            (_("{aim} protects {right}").format(aim=aim.id, right=ref),), dashed=True))
    return f


def right_view(bundle: Bundle, ref: str) -> graphviz.Digraph:
    r = Reader(bundle)
    f = right_facts(r, ref)
    subject = dot_name("right", ref)
    f, notes = _collapse_columns(r, f, subject)
    note = _collapsed_note(bundle, notes)
    title = f.nodes[subject].title
    legend = legend_rows(["verdict", "severity", "strength"], _shapes(f.nodes.values()))
    g = draw.new_graph(f"right-{ref.replace('/', '-')}", _("Right: {title}").format(title=title), _subtitle(bundle),
                       note, legend)
    measures = [n.name for n in f.nodes.values() if n.kind in ("measure", "measure-group")]
    draw_columns(g, f, columns=[sorted(measures)], cluster_rights=False, bundle=bundle)
    draw_edges(g, f, reverse_kinds=("mitigates", "protects"), labels=True)
    return g


# -- the chain ---------------------------------------------------------------------------------


def chain_facts(r: Reader) -> Facts:
    f = Facts()
    for mid in sorted(r.measures):
        for target in sorted(set(r.measures[mid].feeds)):
            if target in r.measures and target != mid:
                f.add(measure_node(r, mid))
                f.add(measure_node(r, target))
                f.link(_feeds_edge(r, mid, target))
    return f


def chain_view(bundle: Bundle) -> graphviz.Digraph:
    r = Reader(bundle)
    f = chain_facts(r)
    note = ""
    if not f.nodes:
        note = _("No measure feeds another: there is no chain to draw.")
    elif len(f.nodes) > AGGREGATE_ABOVE:
        note = _("Aggregated: {n} measures grouped by kind (> {limit}). {hint}").format(
            n=len(f.nodes), limit=AGGREGATE_ABOVE, hint=detail_hint(bundle))
        f = collapse(f, "measure", lambda n: n.group, kind_title)
    legend = legend_rows(["verdict", "feeds"], _shapes(f.nodes.values()))
    g = draw.new_graph("chain", _("Measure chain: the data flow from detection to action"), _subtitle(bundle), note,
                       legend)
    lanes: dict[str, graphviz.Digraph] = {}
    for _name, node in sorted(f.nodes.items()):
        m = r.measures.get(node.ident) if node.kind == "measure" else None
        if m is None:  # a group of measures spans actors
            draw.add_node(g, node)
            continue
        actor: str = m.actor_type
        if actor not in lanes:
            lanes[actor] = draw.cluster(g, f"actor-{actor}", _(ACTORS[actor]) if actor in ACTORS else words(actor))
        draw.add_node(lanes[actor], node)
    for actor in sorted(lanes):
        g.subgraph(lanes[actor])
    draw_edges(g, f, reverse_kinds=(), labels=True)
    return g
