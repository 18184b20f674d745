"""The legend every view carries: an HTML-like table listing only what the view uses.

The legend sits in the caption block under the title (the graph label), one compact line per
scale, rather than in a node: a legend node takes part in the layout, widens whatever column it
lands in, and moves from view to view, while a caption never disturbs the drawing and costs the
layout nothing. It is built here from fixed words and escaped like every other label.

Each entry shows the colour together with its non-colour cue (symbol, dot scale, line glyph)
and the word, so the legend itself works in greyscale and for colour-blind readers.
"""

from __future__ import annotations

from ...translation import N_
from ...translation import gettext as _
from . import style
from .facts import words
from .text import html

# Line glyphs that echo the edge styles: dotted, dashed, thin, thick, heavy.
_SEVERITY_GLYPH = {"none": "┈┈┈", "minor": "╌╌╌", "moderate": "───", "serious": "━━━", "very-serious": "▬▬▬"}
_STRENGTH_GLYPH = ("───", "━━━", "▬▬▬")
_DIFF = ((N_("+ added"), N_("thick outline, only in B")), (N_("− removed"), N_("dashed, grey, only in A")),
         (N_("~ changed"), N_("double outline; what changed is written")))


def _badge(look: style.Look) -> str:
    # A colour swatch, then the symbol the node badge shows: colour and shape of the mark together.
    return f'<font color="{look.colour}">■</font><b>{html(look.symbol)}</b>'


def _glyph(colour: str, glyph: str) -> str:
    return f'<font color="{colour}"><b>{html(glyph)}</b></font>'


def _word(text: str) -> str:
    return f" {html(text)}     "


def _line(head: str, cells: list[str]) -> str:
    """One legend line: its heading (a msgid, translated here), then its (mark, word) cells."""
    first = f"<b>{html(_(head))}</b>  " if head else ""
    return f'<tr><td align="left"><font point-size="9">{first}{"".join(cells)}</font></td></tr>'


def _lines(head: str, cells: list[str], per_line: int) -> list[str]:
    """One legend line, or with ``per_line`` several, each of at most that many (mark, word) pairs."""
    if not per_line:
        return [_line(head, cells)]
    step = 2 * per_line
    return [_line(head if i == 0 else "", cells[i:i + step]) for i in range(0, len(cells), step)]


def _listing(head: str, items: list[str], per_line: int) -> list[str]:
    """A ' · '-joined list as one legend line, or ``per_line`` items a line."""
    step = per_line or len(items) or 1
    return [_line(head if i == 0 else "", [_word(" · ".join(items[i:i + step]))]) for i in range(0, len(items), step)]


def legend_rows(items: list[str], shapes: list[str], per_line: int = 0) -> str:
    """The legend as a one-cell table row, for the caption: verdict, status, severity, strength,
    feeds, diff (in that order, those listed in ``items``) and the shapes listed. ``per_line`` (the
    print layout) wraps each scale after that many entries, so the legend does not set the width."""
    lines = []
    if "diff" in items:
        cells = []
        for mark, text in _DIFF:
            cells += [f"<b>{html(_(mark))}</b>", _word(_(text))]
        lines += _lines(N_("Changes A → B:"), cells, per_line)
    if "verdict" in items:
        cells = []
        for look in style.VERDICT.values():
            cells += [_badge(look), _word(_(look.label))]
        lines += _lines(N_("Verdict (badge, outline):"), cells, per_line)
    if "status" in items:
        cells = []
        for look in style.STATUS.values():
            cells += [_badge(look), _word(_(look.label))]
        steps = [f"{_(short)} = {words(step)}" for step, short in style.STEP_SHORT.items()]
        lines += _lines(N_("Art. 52(1) steps:"), cells, per_line)
        lines += _listing("", steps, per_line)
    if "severity" in items:
        cells = []
        for word, look in style.SEVERITY.items():
            cells += [_glyph(look.colour, _SEVERITY_GLYPH[word]), _word(f"{look.symbol} {_(look.label)}")]
        lines += _lines(N_("Residual severity (line):"), cells, per_line)
    if "strength" in items:
        cells = []
        for glyph, look in zip(_STRENGTH_GLYPH, style.STRENGTH.values(), strict=True):
            cells += [_glyph(look.colour, glyph), _word(_(look.label))]
        cells += [_glyph(style.GREY, "╌╌╌"), _word(_("ineffective"))]
        lines += _lines(N_("Safeguard strength:"), cells, per_line)
    if "feeds" in items:
        lines += _lines(N_("Data flow:"), [_glyph(style.BLACK, "━━▶"),
                                           _word(_("feeds into; label = data categories"))], per_line)
    if shapes:
        lines += _listing(N_("Shapes:"), [_(style.SHAPES[s].legend) for s in shapes],
                          per_line and max(1, per_line // 2))
    return (f'<tr><td align="left"><table border="1" color="{style.RULE_GREY}" cellborder="0" cellspacing="0" '
            f'cellpadding="2" bgcolor="{style.WHITE}">' + "".join(lines) + "</table></td></tr>")
