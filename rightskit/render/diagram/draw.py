"""Drawing records with the graphviz library: HTML-like labels, styles, links and tooltips.

Every label is an HTML-like table assembled here from escaped pieces (``text.html``); every
tooltip goes through ``text.tooltip``; every URL is ``text.url`` of an id. Nothing else puts
text into the graph, so the escaping rules live in one place.
"""

from __future__ import annotations

import re

import graphviz

from ...translation import gettext
from . import style
from .facts import EdgeFact, NodeFact
from .text import cell_tooltip, html, html_lines, safe_name, tooltip, url

_CLASS_UNSAFE = re.compile(r"[^a-z0-9-]+")


def _look(node: NodeFact) -> style.Look:
    if node.kind in ("measure", "measure-group"):
        return style.verdict(node.look)
    if node.kind in ("right", "right-group"):
        return style.severity(node.look) if node.look else style.UNKNOWN
    if node.look == "ineffective":
        return style.INEFFECTIVE
    return style.Look(style.SHAPES[node.shape or node.kind].colour, style.WHITE, "", "")


def badge(look: style.Look, text: str | None = None, size: str = "11") -> str:
    """A filled cell holding a symbol: the verdict, status or severity at a glance."""
    return (f'<td bgcolor="{look.colour}" valign="middle" cellpadding="3">'
            f'<font color="{look.ink}" point-size="{size}"><b>{html(text if text is not None else look.symbol)}</b>'
            "</font></td>")


def steps_row(steps: tuple[tuple[str, str], ...], size: str = "8") -> str:
    """A strip of the seven Art. 52(1) steps, each a symbol and a short name on its status colour."""
    cells = []
    for step, status in steps:
        look = style.status(status)
        cells.append(f'<td bgcolor="{look.colour}" cellpadding="2"><font color="{look.ink}" point-size="{size}">'
                     f"{html(look.symbol)} {html(gettext(style.STEP_SHORT.get(step, step)))}</font></td>")
    return ('<tr><td colspan="2" cellpadding="0"><table border="0" cellborder="0" cellspacing="1" '
            f'cellpadding="0"><tr>{"".join(cells)}</tr></table></td></tr>')


def node_label(node: NodeFact, *, width: int = 26, title_lines: int = 3, marker: str = "", small: str = "8") -> str:
    """The HTML-like label of a node: badge, bold title, small lines, optional step strip.

    ``small`` is the size of the smallest text (a right's severity badge, the step strip): the
    print layout raises it so nothing prints below the PDF's legible minimum.
    """
    look = _look(node)
    symbol = ""
    if node.kind in ("measure", "measure-group"):
        symbol = badge(look)
    elif node.kind in ("right", "right-group") and node.look:
        symbol = badge(look, look.symbol, small)
    rows = [f"<tr>{symbol}<td align=\"left\" balign=\"left\"><b>{html_lines(node.title, width, title_lines)}"
            "</b></td></tr>"]
    pad = "<td></td>" if symbol else ""
    for line in node.lines:
        rows.append(f'<tr>{pad}<td align="left" balign="left"><font point-size="9" color="{style.DARK_GREY}">'
                    f"{html_lines(line, width + 8, 2)}</font></td></tr>")
    if marker:
        rows.append(f'<tr>{pad}<td align="left" balign="left"><font point-size="9"><b>{html(marker)}</b>'
                    "</font></td></tr>")
    if node.steps:
        rows.append(steps_row(node.steps, small))
    return ('<<table border="0" cellborder="0" cellspacing="2" cellpadding="1">'
            + "".join(rows) + "</table>>")


def node_attrs(node: NodeFact) -> dict[str, str]:
    """Shape, colours, line style, link and tooltip of a node."""
    shape = style.SHAPES[node.shape or node.kind]
    look = _look(node)
    styles = [s for s in shape.style.split(",") if s]
    if look.style in ("dashed", "dotted", "bold") and look.style not in styles:
        styles.append(look.style)
    attrs = {
        "shape": shape.shape,
        "style": ",".join(styles),
        "color": look.colour if node.kind in ("measure", "right", "measure-group", "right-group")
        or node.look == "ineffective" else shape.colour,
        "fillcolor": look.tint if node.kind in ("measure", "right", "measure-group", "right-group") else shape.fill,
        "penwidth": f"{max(look.penwidth, 1.2):g}",
        "tooltip": tooltip(*node.tooltip) or tooltip(node.title),
        "class": " ".join(_CLASS_UNSAFE.sub("-", w.lower()) for w in (node.kind, node.look) if w),
    }
    if node.kind.endswith("-group"):
        attrs["peripheries"] = "2"
    if node.link:
        attrs["URL"] = url(node.kind, node.ident)
    return attrs


def add_node(g: graphviz.Digraph, node: NodeFact, *, name: str | None = None, marker: str = "",
             extra: dict[str, str] | None = None, small: str = "8", width: int = 26) -> None:
    attrs = node_attrs(node)
    attrs.update(extra or {})
    g.node(name or node.name, node_label(node, width=width, marker=marker, small=small), **attrs)


PanelRow = tuple[str, str, str, tuple[str, ...], bool]  # strength, title, safeguard id, tooltip, effective
_STRENGTH_GLYPH = {"weak": "─", "moderate": "━", "strong": "▬"}


def _panel_head(title: str, colour: str, width: int, lines: int = 1) -> str:
    wrap = ' balign="left"' if lines > 1 else ""
    return (f'<tr><td colspan="2" align="left"{wrap} bgcolor="{colour}" cellpadding="3"><font color="#FFFFFF" '
            f'point-size="10"><b>{html_lines(title, width, lines)}</b></font></td></tr>')


def panel_label(title: str, rows: list[PanelRow], more: str = "", width: int = 46, lines: int = 1) -> str:
    """A list of safeguards as one node: a strength glyph and the title per row, each row a link
    to the safeguard's report section with its own tooltip; a row wraps at ``width`` characters
    onto at most ``lines`` lines."""
    cells = [_panel_head(title, style.BLUE, width + 2, lines)]
    wrap = ' balign="left"' if lines > 1 else ""
    for strength, text, sid, tip, effective in rows:
        look = style.strength(strength) if effective else style.INEFFECTIVE
        glyph = _STRENGTH_GLYPH.get(strength, "?") if effective else "╌"
        suffix = "" if effective else gettext(" (ineffective)")
        cells.append(f'<tr><td align="center"><font color="{look.colour}" point-size="11"><b>{html(glyph)}</b>'
                     f'</font></td><td align="left"{wrap} href="{url("safeguard", sid)}" title="{cell_tooltip(*tip)}">'
                     f'<font point-size="10">{html_lines(text + suffix, width, lines)}</font></td></tr>')
    if more:
        cells.append(f'<tr><td></td><td align="left"><font point-size="9" color="{style.DARK_GREY}"><i>{html(more)}'
                     "</i></font></td></tr>")
    return (f'<<table border="1" color="{style.BLUE}" cellborder="0" cellspacing="0" cellpadding="2" '
            f'bgcolor="#EAF3FA">' + "".join(cells) + "</table>>")


def add_panel(g: graphviz.Digraph, name: str, title: str, rows: list[PanelRow], more: str = "",
              width: int = 46, lines: int = 1) -> None:
    g.node(name, panel_label(title, rows, more, width, lines), shape="plain", tooltip=tooltip(title),
           **{"class": "panel"})


ListRow = tuple[str, str, tuple[str, ...]]  # text, URL ('' for none), tooltip
ListSection = tuple[str, str, list[ListRow]]  # heading, colour, rows


def list_label(sections: list[ListSection], width: int = 40) -> str:
    """Several short lists as one node: a coloured heading per list and one line per item (a link
    to the item's report section when it has one, with its own tooltip)."""
    cells = []
    for heading, colour, rows in sections:
        cells.append(_panel_head(heading, colour, width + 2, 2))
        for text, link, tip in rows:
            target = f' href="{link}"' if link else ""
            cells.append(f'<tr><td align="left" width="4"></td><td align="left" balign="left"{target} '
                         f'title="{cell_tooltip(*tip)}"><font point-size="10">{html_lines(text, width, 3)}</font>'
                         "</td></tr>")
    return (f'<<table border="1" color="{style.RULE_GREY}" cellborder="0" cellspacing="0" cellpadding="2" '
            f'bgcolor="{style.WHITE}">' + "".join(cells) + "</table>>")


def edge_attrs(edge: EdgeFact, *, labels: bool = True) -> dict[str, str]:
    if edge.kind == "interferes":
        look = style.severity(edge.look)
        colour, width, line = look.colour, look.penwidth, look.style
    elif edge.kind == "mitigates":
        look = style.strength(edge.look) if edge.look != "ineffective" else style.INEFFECTIVE
        colour, width, line = look.colour, look.penwidth, look.style
    elif edge.kind == "feeds":
        colour, width, line = style.BLACK, 1.6, "solid"
    else:
        colour, width, line = style.GREY, 1.0, "dashed" if edge.dashed else "solid"
    if edge.dashed and line == "solid":
        line = "dashed"
    attrs = {"color": colour, "penwidth": f"{width:g}", "style": line,
             "tooltip": tooltip(*edge.tooltip) or tooltip(edge.kind)}
    text = edge.label if labels else ""
    if edge.count > 1:
        text = f"{text} ×{edge.count}" if text else f"×{edge.count}"
    if text:
        attrs["label"] = f'<<font point-size="9" color="{style.DARK_GREY}">{html_lines(text, 28, 3)}</font>>'
    return attrs


def add_edge(g: graphviz.Digraph, edge: EdgeFact, *, reverse: bool = False, labels: bool = True,
             tail: str | None = None, head: str | None = None, extra: dict[str, str] | None = None) -> None:
    """Draw ``edge``; ``reverse`` swaps its ends for the layout and flips the arrow back."""
    attrs = edge_attrs(edge, labels=labels)
    attrs.update(extra or {})
    a, b = tail or edge.tail, head or edge.head
    if reverse:
        a, b = b, a
        attrs["dir"] = "back"
    g.edge(a, b, **attrs)


def title_label(title: str, subtitle: str = "", note: str = "", legend: str = "", width: int = 100) -> str:
    """The graph's caption: the view's name in bold, the assessment, a note when aggregated, the legend;
    the title wraps at ``width`` characters."""
    rows = [f'<tr><td align="left"><font point-size="15"><b>{html_lines(title, width, 2)}</b></font>'
            "</td></tr>"]
    if subtitle:
        rows.append(f'<tr><td align="left" balign="left"><font point-size="11" color="{style.DARK_GREY}">'
                    f"{html_lines(subtitle, width + 10, 2)}</font></td></tr>")
    if note:
        rows.append(f'<tr><td align="left" balign="left" bgcolor="{style.YELLOW}" cellpadding="4">'
                    '<font point-size="11">'
                    f"{html_lines(note, width + 10, 4)}</font></td></tr>")
    rows.append(legend)
    return '<<table border="0" cellborder="0" cellspacing="2" cellpadding="1">' + "".join(rows) + "</table>>"


def new_graph(name: str, title: str, subtitle: str = "", note: str = "", legend: str = "",
              rankdir: str = "LR", width: int = 100) -> graphviz.Digraph:
    """An empty picture with the house style, its caption (title, subtitle, note) and legend rows."""
    g = graphviz.Digraph(name=safe_name(name))
    g.attr("graph", **style.GRAPH_ATTRS, rankdir=rankdir, label=title_label(title, subtitle, note, legend, width))
    g.attr("node", **style.NODE_ATTRS)
    g.attr("edge", **style.EDGE_ATTRS)
    return g


def cluster(g: graphviz.Digraph, key: str, label: str) -> graphviz.Digraph:
    """A cluster subgraph (a framework, an actor, a side of a diff) with an escaped caption."""
    sub = graphviz.Digraph(name=f"cluster_{safe_name(key)}")
    sub.attr("graph", **style.CLUSTER_ATTRS,
             label=f'<<font color="{style.DARK_GREY}"><b>{html_lines(label, 40, 2)}</b></font>>')
    return sub
