"""The report's diagrams: which views exist, their file names, and drawing each view once per render.

Drawing is done by ``rightskit.render.diagram`` (Graphviz), imported when a view is first drawn, so
a render that needs no diagram never loads it. Each view is drawn at most once per render and
shared by the HTML, the PDF and the ``svg`` output.
"""

from __future__ import annotations

import contextvars
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from ..translation import gettext as _
from ..translation import language, speaking
from . import template_context as r
from .svg import aspect_ratio, sanitize_svg

if TYPE_CHECKING:
    from ..bundle import Bundle

DrawFn = Callable[["Bundle", str, str], bytes]

#: Measure diagrams are embedded in the HTML and PDF only up to this many measures (each costs a
#: Graphviz run).
EMBED_MEASURES_UP_TO = 30
#: The svg output writes a diagram per measure up to this many measures. Each is a Graphviz run of
#: about 30 ms, so 10,000 of them took over 300 s; above it the svg output has the overview (which
#: then aggregates measures by kind), the chain and the right views, and ``rightskit diagram PATH
#: --view measure:<id>`` draws any one measure.
SVG_MEASURE_VIEWS_UP_TO = 1_000


def all_views(bundle: Bundle) -> list[str]:
    """Every view the svg output writes: overview, chain, one per right, and one per measure up to
    ``SVG_MEASURE_VIEWS_UP_TO`` measures."""
    from .diagram import views_for

    views = list(views_for(bundle))
    if len(bundle.resolved.assessment.measures) > SVG_MEASURE_VIEWS_UP_TO:
        views = [v for v in views if not v.startswith("measure:")]
    return views


def report_views(bundle: Bundle) -> list[str]:
    """The views embedded in the HTML and PDF reports."""
    views = ["overview"]
    if any(m.feeds for m in bundle.resolved.assessment.measures):
        views.append("chain")
    if len(bundle.results.measures) <= EMBED_MEASURES_UP_TO:
        views += [f"measure:{m}" for m in sorted(bundle.results.measures)]
    return views


def file_name(view: str) -> str:
    """'diagrams/<name>.svg' for a view: 'measure:scan' -> 'diagrams/measure-scan.svg'."""
    from .diagram import view_file_name

    view = view_file_name(view, "svg").removesuffix(".svg")
    name = re.sub(r"[^a-z0-9._-]+", "-", view.lower().replace(":", "-").replace("/", "-")).strip("-.")
    return f"diagrams/{name or 'diagram'}.svg"


def title(bundle: Bundle, view: str) -> str:
    kind, _sep, ident = view.partition(":")
    if kind == "measure" and ident in bundle.results.measures:
        return bundle.results.measures[ident].title
    if kind == "right" and ident in bundle.results.rights:
        return bundle.results.rights[ident].title
    return {"overview": _("Overview"), "chain": _("Data flows between measures")}.get(view, view)


@dataclass(frozen=True, slots=True)
class PrintedFigure:
    """One part of a measure's view as the PDF prints it (see ``diagram.printed``)."""

    file: str  # 'diagrams/print/<name>-<n>.svg' in the PDF's private folder, never in the output folder
    svg: str  # sanitised SVG markup
    width: float  # printed width in points
    smallest: float  # the smallest label as printed, in points


_T = TypeVar("_T")


def _parallel(fn: Callable[[str], _T], items: list[str]) -> list[_T]:
    """``fn`` of each item, in order; in a few threads when there are several (dot runs as a process).

    Each item runs in its own copy of the caller's context, so a diagram drawn in a thread speaks the
    report's language (a context variable); one copy per item, because a context cannot be entered by
    two threads at once.
    """
    workers = max(1, min(4, os.cpu_count() or 1, len(items)))
    if workers == 1:
        return [fn(i) for i in items]
    contexts = [contextvars.copy_context() for _item in items]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda context, item: context.run(fn, item), contexts, items))


class DiagramSet:
    """Draws views on demand, once each, and keeps the SVG for every format that needs it.

    A set speaks the language that was active when it was made: its bundle's sentences (verdict reasons and
    explanations in the tooltips) are said in that one, so the fixed words are drawn in it too, whatever
    language is active when a view is asked for.
    """

    def __init__(self, bundle: Bundle, draw: DrawFn | None = None) -> None:
        self.bundle = bundle
        self.draw = draw  # None: rightskit.render.diagram.diagram, imported on first use
        self.lang = language()
        self._svg: dict[str, bytes] = {}

    def svgs(self, views: Iterable[str]) -> dict[str, bytes]:
        """view -> SVG bytes for ``views``, drawing the missing ones in parallel (dot runs as a process)."""
        wanted = list(dict.fromkeys(views))
        missing = [v for v in wanted if v not in self._svg]
        if missing:
            if self.draw is None:
                from .diagram import diagram

                self.draw = diagram
            draw = self.draw
            with speaking(self.lang):
                drawn = _parallel(lambda v: draw(self.bundle, v, "svg"), missing)
            self._svg.update(zip(missing, drawn, strict=True))
        return {v: self._svg[v] for v in wanted}

    def printed(self, views: Iterable[str]) -> dict[str, list[PrintedFigure]]:
        """view -> the parts the PDF prints instead of it, for the measure views among ``views``."""
        from .diagram.printed import printed_parts

        measures = [v for v in dict.fromkeys(views) if v.startswith("measure:")]
        with speaking(self.lang):
            drawn = _parallel(lambda v: printed_parts(self.bundle, v.partition(":")[2]), measures)
        out: dict[str, list[PrintedFigure]] = {}
        for view, parts in zip(measures, drawn, strict=True):
            stem = file_name(view).removeprefix("diagrams/").removesuffix(".svg")
            out[view] = [PrintedFigure(f"diagrams/print/{stem}-{n}.svg", sanitize_svg(p.svg, f"p{n}-{stem}"),
                                       round(p.width * p.scale, 2), round(p.printed_smallest, 2))
                         for n, p in enumerate(parts, 1)]
        return out

    def records(self, views: Iterable[str]) -> dict[str, r.Diagram]:
        """Sanitised diagram records for the report context."""
        out = {}
        for view, data in self.svgs(views).items():
            prefix = "d-" + file_name(view).removeprefix("diagrams/").removesuffix(".svg")
            svg = sanitize_svg(data, prefix)
            with speaking(self.lang):
                named = title(self.bundle, view)
            out[view] = r.Diagram(view=view, file=file_name(view), title=named, svg=svg, aspect=aspect_ratio(svg))
        return out
