"""Two assessments side by side: cluster A (before) and cluster B (after), changes marked.

Nodes are matched by their model id. A node only in B is *added* (thick outline, "+ added"),
only in A *removed* (dashed outline, grey fill, "− removed"), in both but with another title,
verdict, severity, basis or links *changed* (double outline, "~ changed: …" saying what). Edges
only in B get a "+" label, edges only in A a "−" label and a dashed line. When either side is
past the aggregation threshold both sides are compared as aggregated overviews (groups matched
by kind / framework / type), so the diff stays as fast as an overview.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import graphviz

from . import draw, style
from .aggregate import AGGREGATE_ABOVE
from .facts import Facts, Reader, words
from .legend import legend_rows
from .views import _shapes, aggregate_overview, detail_hint, draw_columns, draw_edges, overview_facts

if TYPE_CHECKING:
    from ...bundle import Bundle

Key = tuple[str, str, str]


def _links(f: Facts, name: str) -> set[tuple[str, str, str, str]]:
    return {(e.tail, e.head, e.kind, e.look) for e in f.edges.values() if name in (e.tail, e.head)}


def describe_change(fa: Facts, fb: Facts, name: str) -> str:
    """What changed about node ``name`` between A and B, in words; empty when nothing did."""
    a, b = fa.nodes[name], fb.nodes[name]
    parts = []
    if a.title != b.title:
        parts.append("title")
    if a.look != b.look:
        what = {"measure": "verdict", "right": "cumulative", "safeguard": "state"}.get(a.kind, "state")
        parts.append(f"{what} {words(a.look) or 'none'} → {words(b.look) or 'none'}")
    if a.lines != b.lines and a.look == b.look:
        parts.append("details")
    if a.shape != b.shape:
        parts.append("type")
    if _links(fa, name) != _links(fb, name):
        parts.append("links")
    return "; ".join(parts)


def build_diff(bundle_a: Bundle, bundle_b: Bundle) -> graphviz.Digraph:
    ra, rb = Reader(bundle_a), Reader(bundle_b)
    fa, fb = overview_facts(ra), overview_facts(rb)
    note = ""
    if len(fa.nodes) > AGGREGATE_ABOVE or len(fb.nodes) > AGGREGATE_ABOVE:
        note = (f"Aggregated: more than {AGGREGATE_ABOVE} nodes on one side, so groups are compared. "
                f"{detail_hint(bundle_b)}")
        fa, fb = aggregate_overview(ra, fa, full=True)[0], aggregate_overview(rb, fb, full=True)[0]
    added = sorted(fb.nodes.keys() - fa.nodes.keys())
    removed = sorted(fa.nodes.keys() - fb.nodes.keys())
    changed = {n: c for n in sorted(fa.nodes.keys() & fb.nodes.keys()) if (c := describe_change(fa, fb, n))}
    counts = f"{len(added)} added, {len(removed)} removed, {len(changed)} changed"
    sa, sb = bundle_a.resolved.assessment, bundle_b.resolved.assessment
    legend = legend_rows(["diff", "verdict", "severity", "strength"],
                         _shapes([*fa.nodes.values(), *fb.nodes.values()]))
    g = draw.new_graph(
        "diff", f"Changes from A to B: {counts}",
        f"A: {sa.title} (as of {sa.as_of.isoformat()}) · B: {sb.title} (as of {sb.as_of.isoformat()})",
        note, legend, rankdir="TB")
    g.attr("graph", ranksep="0.7", nodesep="0.3")

    sides = (
        ("A", fa, bundle_a, {n: "− removed" for n in removed} | {n: "~ changed (see B)" for n in changed},
         {n: {"style": _style(fa, n, "dashed"), "fillcolor": style.LIGHT_GREY, "penwidth": "2"} for n in removed},
         fa.edges.keys() - fb.edges.keys(), "−"),
        ("B", fb, bundle_b, {n: "+ added" for n in added} | {n: f"~ changed: {c}" for n, c in changed.items()},
         {n: {"penwidth": "4.5"} for n in added},
         fb.edges.keys() - fa.edges.keys(), "+"),
    )
    for side, facts, bundle, markers, extra, only_here, sign in sides:
        for n in changed:
            extra.setdefault(n, {})["peripheries"] = "2"
        sub = draw.cluster(g, side, f"{side}: {bundle.resolved.assessment.title}")
        prefix = f"{side}/"
        measures = sorted(n.name for n in facts.nodes.values() if n.kind in ("measure", "measure-group"))
        safeguards = sorted(n.name for n in facts.nodes.values() if n.kind in ("safeguard", "safeguard-group"))
        draw_columns(sub, facts, columns=[measures, safeguards], cluster_rights=True, bundle=bundle,
                     prefix=prefix, markers=markers, extra=extra)
        edge_extra: dict[Key, dict[str, str]] = {
            k: {"label": f'<<font point-size="11"><b>{sign}</b></font>>',
                **({"style": "dashed"} if sign == "−" else {})}
            for k in only_here
        }
        draw_edges(sub, facts, reverse_kinds=("mitigates",), labels=False, prefix=prefix, extra=edge_extra)
        g.subgraph(sub)
    return g


def _style(f: Facts, name: str, add: str) -> str:
    node = f.nodes[name]
    base = [s for s in style.SHAPES[node.shape or node.kind].style.split(",") if s and s not in ("dashed", "bold")]
    return ",".join([*base, add])
