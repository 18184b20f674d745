"""Stage 5, render: the report as HTML, PDF, Markdown, JSON and SVG diagrams.

:func:`render_formats` is the one entry point the pipeline calls. It builds the typed report
context once (flat records keyed by id), draws each diagram once, and writes every requested
output atomically inside the output folder. Jinja2, Typst and Graphviz are imported only by the
format that needs them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import RenderError, UsageError
from .output import atomic_write, ensure_out_dir, target_in

if TYPE_CHECKING:
    from ..pipeline import Bundle
    from .records import ReportContext

#: Output formats, in the order they are written, and the file each one writes.
FORMATS: dict[str, str] = {
    "json": "results.json",
    "md": "report.md",
    "html": "index.html",
    "pdf": "report.pdf",
    "svg": "diagrams/<view>.svg",
}

__all__ = ["FORMATS", "build_context", "render_formats"]


def build_context(bundle: Bundle, diagrams: bool = True) -> ReportContext:
    """The report context, with the report's diagrams when the diagram module is available."""
    from .context import build_context as build
    from .diagrams import DiagramSet, report_views

    records = {}
    if diagrams:
        ds = DiagramSet(bundle)
        if ds.available:
            records = ds.records(report_views(bundle))
    return build(bundle, records)


def _check_formats(formats: list[str]) -> list[str]:
    wanted = [f.strip().lower() for f in formats if f.strip()]
    unknown = sorted({f for f in wanted if f not in FORMATS})
    if unknown:
        raise UsageError(f"unknown format{'s' if len(unknown) > 1 else ''} {', '.join(repr(u) for u in unknown)}; "
                         f"valid formats: {', '.join(FORMATS)}")
    if not wanted:
        raise UsageError(f"no format given; valid formats: {', '.join(FORMATS)}")
    return [f for f in FORMATS if f in wanted]


def render_formats(
    bundle: Bundle,
    formats: list[str],
    out_dir: Path,
    *,
    templates: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write each of ``formats`` (html, pdf, md, json, svg) into ``out_dir``; return the files written."""
    from .context import build_context as build
    from .diagrams import DiagramSet, all_views, file_name, report_views

    wanted = _check_formats(formats)
    say = progress or (lambda _msg: None)
    root = ensure_out_dir(Path(out_dir))
    written: list[Path] = []

    def write(name: str, data: bytes | str) -> None:
        written.append(atomic_write(target_in(root, name), data))

    if "json" in wanted:
        from .json_out import results_json

        say("results.json")
        write("results.json", results_json(bundle))

    diagrams = DiagramSet(bundle)
    needs_context = bool({"html", "pdf", "md"} & set(wanted))
    ctx = None
    if needs_context:
        started = time.perf_counter()
        records = diagrams.records(report_views(bundle)) if diagrams.available else {}
        ctx = build(bundle, records)
        say(f"report context ({time.perf_counter() - started:.2f} s)")

    if "md" in wanted:
        from .markdown import render_markdown

        assert ctx is not None
        say("report.md")
        write("report.md", render_markdown(ctx))
    if "html" in wanted:
        from .html import render_html

        assert ctx is not None
        say("index.html")
        write("index.html", render_html(ctx, templates))
    if "pdf" in wanted:
        from .pdf import render_pdf

        assert ctx is not None
        say("report.pdf")
        write("report.pdf", render_pdf(ctx, templates))

    # Diagram files: every view for 'svg'; the report's own views when the Markdown links to them.
    views: list[str] = []
    if "svg" in wanted:
        if not diagrams.available:
            raise RenderError("the svg format needs the diagram module (rightskit.render.diagram), "
                              "which is not available in this installation")
        views = all_views(bundle)
    elif "md" in wanted and ctx is not None:
        views = list(ctx.diagrams)
    if views:
        say(f"diagrams/ ({len(views)} views)")
        svgs = diagrams.svgs(views)
        names: dict[str, str] = {}
        for view in views:
            name = file_name(view)
            if name in names.values():  # two views that sanitise to the same name: keep both, numbered
                stem, n = name.removesuffix(".svg"), 2
                while f"{stem}-{n}.svg" in names.values():
                    n += 1
                name = f"{stem}-{n}.svg"
            names[view] = name
            write(name, svgs[view])
    return written
