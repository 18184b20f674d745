"""Safeguard panels: past ``PANEL_SAFEGUARDS_ABOVE`` safeguards the overview lists them per right.

One hexagon per safeguard stops working somewhere past a dozen: the flagship CSAR assessment has
45, most mitigating the same two rights, and their edges fanned out into a web nobody could
follow. A panel per right — one row per safeguard, strongest first, each row a link to the
safeguard's report section with its own tooltip — keeps the picture to one edge per right.
"""

from __future__ import annotations

import graphviz

from ...model.scales import strength_rank
from ...translation import gettext as _
from ...translation import ngettext
from . import draw
from .facts import EdgeFact, Facts, NodeFact, Reader, for_measure, mitigations, safeguard_node, strongest
from .text import dot_name

#: Past this many safeguards the overview lists them in one panel per right instead of one node each.
PANEL_SAFEGUARDS_ABOVE = 16
#: Rows in one panel; the rest are counted ("… 5 more") and shown in the right's own view.
PANEL_ROWS = 14


def without_safeguards(f: Facts) -> Facts:
    out = Facts()
    for _name, node in sorted(f.nodes.items()):
        if node.kind != "safeguard":
            out.add(node)
    for e in f.sorted_edges():
        if e.tail in out.nodes and e.head in out.nodes:
            out.link(e)
    return out


def panel_rows(r: Reader, right: str, measure: str | None = None) -> list[draw.PanelRow]:
    """The rows of ``right``'s panel: each safeguard mitigating an interference with it (of ``measure``
    only, in a measure's view), working ones first, strongest first."""
    by_safeguard: dict[str, list[tuple[str, str, bool]]] = {}
    for sid, mid, _right, strength, works, _why in mitigations(r, measure=measure, right=right):
        by_safeguard.setdefault(sid, []).append((mid, strength, works))
    rows: list[draw.PanelRow] = []
    for sid, items in by_safeguard.items():
        node = safeguard_node(r, sid)
        working = [s for _, s, ok in items if ok]
        tip = (*node.tooltip, *(for_measure(m, s) for m, s, _ok in items))
        rows.append((strongest(working) if working else strongest([s for _m, s, _ok in items]), node.title, sid,
                     tip, bool(working)))
    rows.sort(key=lambda row: (not row[4], -strength_rank(row[0]), row[1].lower(), row[2]))
    return rows


def panel_title(rows: list[draw.PanelRow], right_title: str) -> str:
    return ngettext("{n} safeguard for {right}", "{n} safeguards for {right}", len(rows)).format(
        n=len(rows), right=right_title)


def panel_more(rows: list[draw.PanelRow]) -> str:
    if len(rows) <= PANEL_ROWS:
        return ""
    return _("… {n} more: see the right's own view").format(n=len(rows) - PANEL_ROWS)


def panel_edge(rows: list[draw.PanelRow], right: NodeFact, name: str) -> EdgeFact:
    """The one edge from a right to its panel, styled as the strongest working safeguard in it."""
    best = [row[0] for row in rows if row[4]]
    return EdgeFact(right.name, name, "mitigates", strongest(best) if best else "ineffective", "",
                    (_("Safeguards that mitigate interferences with {right}").format(right=right.ident),))


def draw_panels(g: graphviz.Digraph, r: Reader, f: Facts, measure: str | None = None) -> None:
    """One panel per right listing the safeguards that mitigate interferences with it (of ``measure`` only,
    in a measure's own view)."""
    names: list[str] = []
    for right in f.of("right"):
        rows = panel_rows(r, right.ident, measure)
        if not rows:
            continue
        name = dot_name("panel", right.ident)
        names.append(name)
        draw.add_panel(g, name, panel_title(rows, right.title), rows[:PANEL_ROWS], panel_more(rows))
        draw.add_edge(g, panel_edge(rows, right, name), reverse=True, labels=False, tail=name, head=right.name,
                      extra={"tailport": "e", "headport": "w"})
    if len(names) > 1:
        with g.subgraph() as column:
            column.attr(rank="same")
            for n in names:
                column.node(n)
