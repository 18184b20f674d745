"""A measure's view for print: top to bottom, in parts that each print at a legible size.

The interactive view (``views.measure_view``) reads left to right and is about 1,400 pt wide, its
legend one long line per scale: across the PDF's 17 cm text width its 9 pt labels printed at 2.6
to 4.9 pt. For the PDF the same records are drawn top to bottom and split into parts:

1. the measure with its step strip, and beside it (under it, when beside prints too small) one list
   of its context: aims, legal basis, less intrusive alternatives, the measures it is fed by and
   feeds, each list capped at ``PANEL_ROWS`` rows;
2. the rights it interferes with, a few side by side a part, each saying this measure's residual
   severity (from inherent) and standing above the panel of safeguards that mitigate this
   measure's interference with it.

Every part is laid out by dot and its size read back from the SVG. The PDF prints a part at its
natural size, or smaller to fit the text width (``TEXT_WIDTH_PT``) and the figure height
(``FIGURE_HEIGHT_PT``); a part whose smallest label would then print below ``MIN_PRINTED_PT`` is
drawn again with the list under the measure (part 1) or with fewer rights a part (the others). The HTML,
the svg output and ``rightskit diagram`` keep the interactive view: these parts exist only in the PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import graphviz

from ...translation import gettext as _
from . import draw, style
from .facts import (
    NodeFact,
    Reader,
    aim_node,
    alternative_node,
    interference_edge,
    measure_node,
    provision_node,
    right_node,
    words,
)
from .layout import render
from .legend import legend_rows
from .panels import PANEL_ROWS, panel_edge, panel_more, panel_rows, panel_title
from .text import dot_name, tooltip, url

if TYPE_CHECKING:
    from ...bundle import Bundle

#: The smallest size, in points, at which any label of a printed part may print.
MIN_PRINTED_PT = 7.0
#: The PDF's text width (A4, 2 cm side margins in report.typ) and the tallest part it prints: 21 cm
#: of the 25.2 cm text height, so a part and its caption always fit one page.
TEXT_WIDTH_PT = 17 / 2.54 * 72
FIGURE_HEIGHT_PT = 21 / 2.54 * 72
#: Size of the smallest text in a printed part (the step strip, a right's badge), in points.
SMALL = "9"
#: Characters a line of a printed list holds, and legend entries per line.
LIST_WIDTH = 36
LEGEND_PER_LINE = 3
#: Most rights in one part (side by side); fewer when the part would not print legibly.
RIGHTS_PER_PART = 3
#: Characters a line of a right's title holds in print (an ellipse grows with its label).
RIGHT_WIDTH = 20

_SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)pt"[^>]*?\bheight="([\d.]+)pt"')
_FONT = re.compile(r'font-size="([\d.]+)"')


@dataclass(frozen=True)
class PrintedPart:
    """One drawn part: its SVG, its natural size and its smallest label, in points."""

    svg: bytes
    width: float
    height: float
    smallest: float

    @property
    def scale(self) -> float:
        """The factor the PDF prints the part at: natural size, or smaller to fit the page."""
        return min(1.0, TEXT_WIDTH_PT / self.width, FIGURE_HEIGHT_PT / self.height)

    @property
    def printed_smallest(self) -> float:
        return self.smallest * self.scale


def measure(svg: bytes) -> PrintedPart:
    """A part's size and smallest font size, read from the SVG dot wrote."""
    text = svg.decode("utf-8")
    size = _SIZE.search(text)
    if size is None:  # pragma: no cover - dot always writes both in points
        raise ValueError("SVG without a width and height in points")
    fonts = [float(v) for v in _FONT.findall(text)]
    return PrintedPart(svg, float(size.group(1)), float(size.group(2)), min(fonts) if fonts else 0.0)


def _graph(name: str, title: str, items: list[str], shapes: list[str], subtitle: str = "") -> graphviz.Digraph:
    g = draw.new_graph(name, title, subtitle, legend=legend_rows(items, shapes, LEGEND_PER_LINE), rankdir="TB",
                       width=44)
    g.attr("graph", ranksep="0.45", nodesep="0.25")
    return g


def _shapes(nodes: list[NodeFact], *extra: str) -> list[str]:
    used = {n.shape or n.kind for n in nodes} | set(extra)
    return [s for s in style.SHAPES if s in used]


def _row(node: NodeFact, *more: str) -> draw.ListRow:
    text = " · ".join((node.title, *(m for m in more if m)))
    return text, url(node.kind, node.ident) if node.link else "", node.tooltip or (node.title,)


def _capped(rows: list[draw.ListRow]) -> list[draw.ListRow]:
    if len(rows) <= PANEL_ROWS:
        return rows
    more = _("… {n} more: see the measure's section").format(n=len(rows) - PANEL_ROWS + 1)
    return [*rows[:PANEL_ROWS - 1], (more, "", ())]


def context_sections(r: Reader, mid: str) -> list[draw.ListSection]:
    """The measure's aims, legal basis, alternatives and data flows, as lists (empty ones left out)."""
    m = r.measures[mid]

    def flow(tail: str, head: str) -> str:
        a, b = r.measures[tail], r.measures[head]
        shared = sorted(set(a.data_categories) & set(b.data_categories))
        return _("data: {categories}").format(
            categories=", ".join(words(c) for c in shared) if shared else _("not specified"))

    aims = [_row(aim_node(r, a), _("importance {importance}").format(importance=words(r.aims[a].importance))
                 if a in r.aims else "")
            for a in sorted(set(m.aims))]
    basis = [_row(node, *node.lines) for node in (provision_node(r, ref) for ref in sorted(set(m.legal_basis)))]
    alternatives = [_row(node, *node.lines) for node in (alternative_node(r, alt.id) for alt in
                                                         sorted(r.alternatives.values(), key=lambda a: a.id)
                                                         if mid in alt.replaces)]
    fed_by = [_row(measure_node(r, o.id), flow(o.id, mid))
              for o in sorted(r.measures.values(), key=lambda x: x.id) if mid in o.feeds and o.id != mid]
    feeds = [_row(measure_node(r, t), flow(mid, t)) for t in sorted(set(m.feeds)) if t in r.measures and t != mid]
    sections = [(_("Pursues"), style.REDDISH_PURPLE, aims), (_("Legal basis"), style.DARK_GREY, basis),
                (_("Less intrusive alternatives"), style.DARK_GREY, alternatives),
                (_("Fed by"), style.BLACK, fed_by), (_("Feeds into"), style.BLACK, feeds)]
    return [(heading, colour, _capped(rows)) for heading, colour, rows in sections if rows]


def measure_rights(r: Reader, mid: str) -> list[NodeFact]:
    """The rights ``mid`` interferes with, each saying this measure's residual severity (from inherent)."""
    out = []
    for ref in sorted({i.right for i in r.measures[mid].interferes}):
        node = right_node(r, ref)
        said = _("this measure: {severity}").format(severity=interference_edge(r, mid, ref).label)
        out.append(replace(node, lines=(*node.lines, said)))
    return out


def measure_part(r: Reader, mid: str, beside: bool) -> graphviz.Digraph:
    """Part 1: the measure with its step strip and its context list, ``beside`` it or under it."""
    subject = measure_node(r, mid, steps=True)
    sections = context_sections(r, mid)
    g = _graph(f"measure-{mid}-print", _("Measure: {title}").format(title=subject.title), ["verdict", "status"],
               _shapes([subject]))
    draw.add_node(g, subject, small=SMALL)
    if sections:
        context = dot_name("context", mid)
        g.node(context, draw.list_label(sections, LIST_WIDTH), shape="plain",
               tooltip=tooltip(_("Aims, legal basis, alternatives and data flows of {title}").format(
                   title=subject.title)),
               **{"class": "context"})
        g.edge(subject.name, context, color=style.GREY, arrowhead="none", style="dashed")
        if beside:
            with g.subgraph() as row:
                row.attr(rank="same")
                row.node(subject.name)
                row.node(context)
    return g


def rights_part(r: Reader, mid: str, rights: list[NodeFact], number: int, of: int) -> graphviz.Digraph:
    """A later part: ``rights`` side by side, each above the panel of safeguards that mitigate this
    measure's interference with it."""
    title = _("Rights and safeguards") + (_(" ({number} of {of})").format(number=number, of=of) if of > 1 else "")
    panels = {node.ident: panel_rows(r, node.ident, mid) for node in rights}
    guarded = any(panels.values())
    g = _graph(f"measure-{mid}-print-{number}", title, ["severity", "strength"] if guarded else ["severity"],
               _shapes(rights, *(["safeguard-panel"] if guarded else [])),
               _("Measure: {title}").format(title=r.measures[mid].title))
    for node in rights:
        draw.add_node(g, node, small=SMALL, width=RIGHT_WIDTH)
        rows = panels[node.ident]
        if rows:
            name = dot_name("panel", node.ident)
            draw.add_panel(g, name, panel_title(rows, node.title), rows[:PANEL_ROWS], panel_more(rows), LIST_WIDTH,
                           2)
            # Laid out right -> panel, the arrow drawn back at the right: the safeguards mitigate it.
            draw.add_edge(g, panel_edge(rows, node, name), reverse=True, labels=False, tail=name, head=node.name,
                          extra={"tailport": "s", "headport": "n"})
    return g


def _fitting(candidates: list[list[graphviz.Digraph]]) -> list[PrintedPart]:
    """The first candidate whose every part prints legibly, else the one whose worst part prints largest."""
    best: list[PrintedPart] = []
    for graphs in candidates:
        parts = [measure(render(g, "svg")) for g in graphs]
        if all(p.printed_smallest >= MIN_PRINTED_PT for p in parts):
            return parts
        if not best or min(p.printed_smallest for p in parts) > min(p.printed_smallest for p in best):
            best = parts
    return best


def printed_parts(bundle: Bundle, mid: str) -> list[PrintedPart]:
    """The printed parts of measure ``mid``'s view, each drawn and measured."""
    r = Reader(bundle)
    parts = _fitting([[measure_part(r, mid, beside)] for beside in (True, False)])
    rights = measure_rights(r, mid)
    options = []
    for size in range(min(len(rights), RIGHTS_PER_PART), 0, -1):
        groups = [rights[i:i + size] for i in range(0, len(rights), size)]
        options.append([rights_part(r, mid, group, k, len(groups)) for k, group in enumerate(groups, 1)])
    return parts + _fitting(options)
