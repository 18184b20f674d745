"""Stage 3, graph: the assessment as a typed networkx MultiDiGraph.

Node ids are ``<type>:<id>`` from the model (``measure:detect-known``, ``right:eu-charter/art-7``);
nodes and edges are added in sorted order so every iteration, and every output, is reproducible.

Edge types: ``interferes`` (measure → right), ``mitigates`` (safeguard → right, keyed by measure),
``pursues`` (measure → aim), ``protects`` (aim → right), ``feeds`` (measure → measure),
``basis`` (measure → provision), ``imposed-by`` (safeguard → provision), ``replaces``
(alternative → measure), ``serves`` (alternative → aim).
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..load import Resolved


def node_id(kind: str, ident: str) -> str:
    """The graph id of a model record."""
    return f"{kind}:{ident}"


class RightsGraph:
    """The graph plus the resolved assessment it was built from."""

    def __init__(self, resolved: Resolved, graph: nx.MultiDiGraph) -> None:
        self.resolved = resolved
        self.g = graph

    def nodes_of(self, kind: str) -> list[str]:
        """Node ids of one type, sorted."""
        return sorted(n for n, d in self.g.nodes(data=True) if d["type"] == kind)

    def data(self, node: str) -> dict[str, Any]:
        """Attributes of a node."""
        return dict(self.g.nodes[node])

    def edges(self, kind: str) -> list[tuple[str, str, dict[str, Any]]]:
        """Edges of one type, sorted by (source, target, key)."""
        return sorted(((u, v, d) for u, v, d in self.g.edges(data=True) if d["type"] == kind),
                      key=lambda e: (e[0], e[1], str(e[2].get("measure", ""))))


def build_graph(resolved: Resolved) -> RightsGraph:
    """Build the rights graph from a resolved assessment."""
    a = resolved.assessment
    idx = resolved.index
    g = nx.MultiDiGraph(assessment=a.id, as_of=a.as_of.isoformat())

    def right_node(ref: str) -> str:
        nid = node_id("right", ref)
        if nid not in g:
            right = idx.get("right", ref)
            g.add_node(nid, type="right", id=ref, label=right.title if right else ref,
                       framework=ref.split("/", 1)[0] if "/" in ref else "local", obj=right)
        return nid

    def provision_node(ref: str) -> str:
        nid = node_id("provision", ref)
        if nid not in g:
            prov = idx.get("provision", ref)
            g.add_node(nid, type="provision", id=ref, label=prov.pinpoint if prov else ref,
                       framework=ref.split("/", 1)[0], obj=prov)
        return nid

    for m in sorted(a.measures, key=lambda x: x.id):
        g.add_node(node_id("measure", m.id), type="measure", id=m.id, label=m.title, kind=m.kind, obj=m)
    for aim in sorted(a.aims, key=lambda x: x.id):
        g.add_node(node_id("aim", aim.id), type="aim", id=aim.id, label=aim.title, obj=aim)
    for s in sorted(a.safeguards, key=lambda x: x.id):
        g.add_node(node_id("safeguard", s.id), type="safeguard", id=s.id, label=s.title, obj=s)
    for alt in sorted(a.alternatives, key=lambda x: x.id):
        g.add_node(node_id("alternative", alt.id), type="alternative", id=alt.id, label=alt.title, obj=alt)

    for m in sorted(a.measures, key=lambda x: x.id):
        mid = node_id("measure", m.id)
        for itf in sorted(m.interferes, key=lambda x: x.right):
            g.add_edge(mid, right_node(itf.right), key=f"interferes:{m.id}", type="interferes",
                       measure=m.id, severity=itf.severity, obj=itf)
        for aim_id in sorted(m.aims):
            g.add_edge(mid, node_id("aim", aim_id), key=f"pursues:{aim_id}", type="pursues")
        for target in sorted(set(m.feeds)):
            g.add_edge(mid, node_id("measure", target), key=f"feeds:{target}", type="feeds")
        for ref in sorted(m.legal_basis):
            g.add_edge(mid, provision_node(ref), key=f"basis:{ref}", type="basis")
    for aim in sorted(a.aims, key=lambda x: x.id):
        for ref in sorted(aim.protects):
            g.add_edge(node_id("aim", aim.id), right_node(ref), key=f"protects:{ref}", type="protects")
    for s in sorted(a.safeguards, key=lambda x: x.id):
        sid = node_id("safeguard", s.id)
        for mit in sorted(s.mitigates, key=lambda x: (x.measure, x.right)):
            g.add_edge(sid, right_node(mit.right), key=f"mitigates:{mit.measure}", type="mitigates",
                       measure=mit.measure, strength=mit.strength, obj=mit)
        if s.binding:
            g.add_edge(sid, provision_node(str(s.source)), key="imposed-by", type="imposed-by")
    for alt in sorted(a.alternatives, key=lambda x: x.id):
        aid = node_id("alternative", alt.id)
        for ref in sorted(alt.replaces):
            g.add_edge(aid, node_id("measure", ref), key=f"replaces:{ref}", type="replaces")
        for ref in sorted(alt.aims):
            g.add_edge(aid, node_id("aim", ref), key=f"serves:{ref}", type="serves")
    return RightsGraph(resolved, g)
