"""The legend every view carries: an HTML-like table listing only what the view uses.

The legend sits in the caption block under the title (the graph label), one compact line per
scale, rather than in a node: a legend node takes part in the layout, widens whatever column it
lands in, and moves from view to view, while a caption never disturbs the drawing and costs the
layout nothing. It is built here from fixed words and escaped like every other label.

Each entry shows the colour together with its non-colour cue (symbol, dot scale, line glyph)
and the word, so the legend itself works in greyscale and for colour-blind readers.
"""

from __future__ import annotations

from . import style
from .text import html

# Line glyphs that echo the edge styles: dotted, dashed, thin, thick, heavy.
_SEVERITY_GLYPH = {"none": "┈┈┈", "minor": "╌╌╌", "moderate": "───", "serious": "━━━", "very-serious": "▬▬▬"}
_STRENGTH_GLYPH = ("───", "━━━", "▬▬▬")
_DIFF = (("+ added", "thick outline, only in B"), ("− removed", "dashed, grey, only in A"),
         ("~ changed", "double outline; what changed is written"))


def _badge(look: style.Look) -> str:
    # A colour swatch, then the symbol the node badge shows: colour and shape of the mark together.
    return f'<font color="{look.colour}">■</font><b>{html(look.symbol)}</b>'


def _glyph(colour: str, glyph: str) -> str:
    return f'<font color="{colour}"><b>{html(glyph)}</b></font>'


def _word(text: str) -> str:
    return f" {html(text)}     "


def _line(head: str, cells: list[str]) -> str:
    first = f"<b>{html(head)}</b>  " if head else ""
    return f'<tr><td align="left"><font point-size="9">{first}{"".join(cells)}</font></td></tr>'


def legend_rows(items: list[str], shapes: list[str]) -> str:
    """The legend as a one-cell table row, for the caption: verdict, status, severity, strength,
    feeds, diff (in that order, those listed in ``items``) and the shapes listed."""
    lines = []
    if "diff" in items:
        cells = []
        for mark, text in _DIFF:
            cells += [f"<b>{html(mark)}</b>", _word(text)]
        lines.append(_line("Changes A → B:", cells))
    if "verdict" in items:
        cells = []
        for look in style.VERDICT.values():
            cells += [_badge(look), _word(look.label)]
        lines.append(_line("Verdict (badge, outline):", cells))
    if "status" in items:
        cells = []
        for look in style.STATUS.values():
            cells += [_badge(look), _word(look.label)]
        steps = " · ".join(f"{short} = {step.replace('-', ' ')}" for step, short in style.STEP_SHORT.items())
        lines.append(_line("Art. 52(1) steps:", cells))
        lines.append(_line("", [_word(steps)]))
    if "severity" in items:
        cells = []
        for word, look in style.SEVERITY.items():
            cells += [_glyph(look.colour, _SEVERITY_GLYPH[word]), _word(f"{look.symbol} {look.label}")]
        lines.append(_line("Residual severity (line):", cells))
    if "strength" in items:
        cells = []
        for glyph, look in zip(_STRENGTH_GLYPH, style.STRENGTH.values(), strict=True):
            cells += [_glyph(look.colour, glyph), _word(look.label)]
        cells += [_glyph(style.GREY, "╌╌╌"), _word("ineffective")]
        lines.append(_line("Safeguard strength:", cells))
    if "feeds" in items:
        lines.append(_line("Data flow:", [_glyph(style.BLACK, "━━▶"), _word("feeds into; label = data categories")]))
    if shapes:
        lines.append(_line("Shapes:", [_word(" · ".join(style.SHAPES[s].legend for s in shapes))]))
    return (f'<tr><td align="left"><table border="1" color="{style.RULE_GREY}" cellborder="0" cellspacing="0" '
            f'cellpadding="2" bgcolor="{style.WHITE}">' + "".join(lines) + "</table></td></tr>")
