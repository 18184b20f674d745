"""The look of the diagrams: the Okabe–Ito palette, shapes per node type, lines per severity.

Colour is never the only signal. Verdicts and step statuses carry a symbol (✓ ! ✗ ⊘ ?) and a
word; severities a word, a dot scale (●●●○) and a line width and dash; safeguard strength a line
width and a word; shapes name the node type. The palette is Okabe & Ito's (2008), readable
with the common colour-vision deficiencies; grey is added for "unknown" and "none".
"""

from __future__ import annotations

from dataclasses import dataclass

from ...evaluate.steps import SPECS
from ...model.scales import SEVERITY_ORDER, STRENGTH_ORDER
from ...translation import N_

# Okabe–Ito
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
# Neutrals
GREY = "#8C8C8C"
DARK_GREY = "#4D4D4D"
LIGHT_GREY = "#F2F2F2"
RULE_GREY = "#C8C8C8"
WHITE = "#FFFFFF"

FONT = "Helvetica"
SMALL = "10"


@dataclass(frozen=True)
class Look:
    """How one word of a scale looks: colour, text colour on it, symbol, line style and width.

    ``label`` is the English msgid (the same as the report's badge); it is translated where it is shown.
    """

    colour: str
    ink: str  # text colour on a cell filled with ``colour``
    symbol: str
    label: str
    style: str = "solid"
    penwidth: float = 1.0
    tint: str = WHITE  # a light fill of the same hue, for node backgrounds


TINT = {BLUISH_GREEN: "#E3F3EE", ORANGE: "#FCF2DC", VERMILLION: "#FBE8DC", BLACK: "#E4E4E4",
        GREY: "#F2F2F2", SKY_BLUE: "#E8F4FB", BLUE: "#E6F0F8"}

VERDICT: dict[str, Look] = {
    "proportionate": Look(BLUISH_GREEN, WHITE, "✓", N_("Proportionate"), "solid", 1.5, TINT[BLUISH_GREEN]),
    "proportionate-with-conditions": Look(ORANGE, BLACK, "!", N_("Proportionate with conditions"), "solid", 2.0,
                                          TINT[ORANGE]),
    "disproportionate": Look(VERMILLION, WHITE, "✗", N_("Disproportionate"), "solid", 3.0, TINT[VERMILLION]),
    "essence-violated": Look(BLACK, WHITE, "⊘", N_("Essence violated"), "solid", 3.5, TINT[BLACK]),
    "undetermined": Look(GREY, BLACK, "?", N_("Undetermined"), "dashed", 1.5, TINT[GREY]),
}
STATUS: dict[str, Look] = {
    "satisfied": Look(BLUISH_GREEN, WHITE, "✓", N_("Satisfied"), tint=TINT[BLUISH_GREEN]),
    "concern": Look(ORANGE, BLACK, "!", N_("Concern"), tint=TINT[ORANGE]),
    "not-satisfied": Look(VERMILLION, WHITE, "✗", N_("Not satisfied"), tint=TINT[VERMILLION]),
    "undetermined": Look(GREY, BLACK, "?", N_("Undetermined"), "dashed", tint=TINT[GREY]),
}


def _dots(rank: int, of: int) -> str:
    return "●" * rank + "○" * (of - rank)


_SEVERITY_LINES: dict[str, tuple[str, str, float]] = {
    # colour, line style, width: lighter and thinner for less, darker and thicker for more
    "none": (GREY, "dotted", 1.0),
    "minor": (SKY_BLUE, "dashed", 1.5),
    "moderate": (ORANGE, "solid", 2.5),
    "serious": (VERMILLION, "solid", 3.5),
    "very-serious": (BLACK, "solid", 5.0),
}
SEVERITY: dict[str, Look] = {
    word: Look(colour, WHITE if word in ("serious", "very-serious") else BLACK,
               _dots(i, len(SEVERITY_ORDER) - 1), word.replace("-", " ").capitalize(), style, width, TINT[colour])
    for i, (word, (colour, style, width)) in enumerate(_SEVERITY_LINES.items())
}
STRENGTH: dict[str, Look] = {
    word: Look(BLUE, WHITE, _dots(i + 1, len(STRENGTH_ORDER)), word.capitalize(), "solid", 1.0 + 1.2 * i,
               TINT[BLUE])
    for i, word in enumerate(STRENGTH_ORDER)
}
UNKNOWN = Look(GREY, BLACK, "?", N_("Unknown"), "dashed", 1.0, TINT[GREY])
INEFFECTIVE = Look(GREY, BLACK, "✗", N_("Ineffective"), "dashed", 1.0, TINT[GREY])

#: Short names of the Art. 52(1) steps, for the step strip inside a measure node (msgids, translated where shown).
STEP_SHORT: dict[str, str] = {spec.id: spec.abbrev for spec in SPECS}


def verdict(word: str | None) -> Look:
    return VERDICT.get(word or "undetermined", VERDICT["undetermined"])


def status(word: str | None) -> Look:
    return STATUS.get(word or "undetermined", STATUS["undetermined"])


def severity(word: str | None) -> Look:
    return SEVERITY.get(word or "", UNKNOWN)


def strength(word: str | None) -> Look:
    return STRENGTH.get(word or "", UNKNOWN)


@dataclass(frozen=True)
class Shape:
    """The shape of a node type, its outline colour and fill, and how the legend names it (a msgid)."""

    shape: str
    colour: str
    fill: str
    style: str
    legend: str


SHAPES: dict[str, Shape] = {
    "measure": Shape("box", DARK_GREY, WHITE, "rounded,filled", N_("measure (box; outline = verdict)")),
    "measure-group": Shape("box3d", DARK_GREY, WHITE, "filled", N_("group of measures (3-D box)")),
    "right": Shape("ellipse", DARK_GREY, WHITE, "filled", N_("right (ellipse; outline = cumulative severity)")),
    "right-absolute": Shape("octagon", DARK_GREY, WHITE, "filled", N_("absolute right (octagon)")),
    "right-group": Shape("ellipse", DARK_GREY, WHITE, "filled", N_("group of rights (double ellipse)")),
    "safeguard": Shape("hexagon", BLUE, "#EAF3FA", "filled", N_("binding safeguard (hexagon)")),
    "safeguard-voluntary": Shape("note", BLUE, "#EAF3FA", "filled", N_("voluntary safeguard (note)")),
    "safeguard-panel": Shape("plain", BLUE, "#EAF3FA", "",
                             N_("safeguards listed per right (blue panel; line = strength)")),
    "safeguard-group": Shape("hexagon", BLUE, "#EAF3FA", "filled", N_("group of safeguards (double hexagon)")),
    "aim": Shape("cds", REDDISH_PURPLE, "#F9EEF4", "filled", N_("aim (flag)")),
    "alternative": Shape("box", SKY_BLUE, WHITE, "rounded,dashed,filled",
                         N_("less intrusive alternative (dashed box)")),
    "provision": Shape("tab", DARK_GREY, LIGHT_GREY, "filled", N_("legal basis: provision (tab)")),
    "group": Shape("folder", DARK_GREY, LIGHT_GREY, "filled", N_("group (folder)")),
}

GRAPH_ATTRS: dict[str, str] = {
    "fontname": FONT, "fontsize": "12", "labelloc": "t", "labeljust": "l", "nodesep": "0.22",
    "ranksep": "0.9", "newrank": "true", "pad": "0.2", "bgcolor": WHITE, "outputorder": "edgesfirst",
}
NODE_ATTRS: dict[str, str] = {"fontname": FONT, "fontsize": "11", "margin": "0.08,0.04", "penwidth": "1.2"}
EDGE_ATTRS: dict[str, str] = {"fontname": FONT, "fontsize": SMALL, "arrowsize": "0.7", "color": DARK_GREY}
CLUSTER_ATTRS: dict[str, str] = {
    "style": "rounded,filled", "color": RULE_GREY, "fillcolor": "#FAFAFA", "fontname": FONT, "fontsize": "11",
    "labeljust": "l", "margin": "10",
}
