"""The diff as one self-contained HTML page (Jinja2, autoescaped, StrictUndefined).

The template sees one typed :class:`DiffContext` and nothing else. The diff diagram, when the
render stage provides ``diff_diagram``, is embedded as an ``<img>`` data URI: an SVG shown that
way never runs script, whatever text the assessments hold.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .difference import ITEM_KINDS, DiffResult
from .text import ARROW, PLURAL, field_line, pair_details, pair_heading

if TYPE_CHECKING:
    from .comparison import Comparison

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class DiffContext:
    """Everything the diff template may read."""

    diff: DiffResult
    kinds: tuple[str, ...]
    plural: dict[str, str]
    arrow: dict[str, str]
    diagram_uri: str | None
    diagram_note: str | None
    version: str


def diagram_data_uri(comparison: Comparison) -> tuple[str | None, str | None]:
    """The diff diagram as an SVG data URI, or None with the reason it is missing."""
    a, b = comparison.a.bundle, comparison.b.bundle
    if a is None or b is None:
        return None, "No diagram: both sides must be evaluated to draw the diff diagram."
    from ..render.diagram import diff_diagram

    svg = diff_diagram(a, b, "svg")
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii"), None


def _environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["field_line"] = field_line
    env.filters["pair_heading"] = pair_heading
    env.filters["pair_details"] = pair_details
    return env


def html_report(comparison: Comparison) -> str:
    """Render the diff page."""
    from ..version import __version__

    uri, note = diagram_data_uri(comparison)
    context = DiffContext(diff=comparison.result, kinds=ITEM_KINDS, plural=PLURAL, arrow=ARROW,
                          diagram_uri=uri, diagram_note=note, version=__version__)
    template = _environment().get_template("diff.html.j2")
    out: str = template.render(ctx=context)
    return out
