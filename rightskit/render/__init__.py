"""Stage 5, render: the report as HTML, PDF, Markdown, JSON and SVG diagrams.

:func:`render_formats` is the one entry point the pipeline calls. It builds the typed report
context once (flat records keyed by id), draws each diagram once, and writes every requested
output atomically inside the output folder. Jinja2, Typst and Graphviz are imported only by the
format that needs them.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from .output import atomic_write, ensure_out_dir, target_in

if TYPE_CHECKING:
    from ..bundle import Bundle
    from .diagram_set import DiagramSet, PrintedFigure
    from .template_context import ReportContext

#: Output formats, in the order they are written, and the file each one writes.
FORMATS: dict[str, str] = {
    "json": "results.json",
    "md": "report.md",
    "html": "index.html",
    "pdf": "report.pdf",
    "docx": "report.docx",
    "svg": "diagrams/<view>.svg",
}

#: What an output writer accepts: the whole file, or its pieces in order (a streamed render).
Writable = bytes | str | Iterable[bytes] | Iterable[str]

__all__ = ["FORMATS", "build_context", "draw_diagram", "render_formats"]


def build_context(bundle: Bundle, diagrams: bool = True, drawn: DiagramSet | None = None) -> ReportContext:
    """The report context in the active language, with the report's diagrams (drawn by ``drawn`` when given)."""
    from .context_builder import build_context as build
    from .diagram_set import DiagramSet, report_views

    bundle = _spoken(bundle)
    records = (drawn or DiagramSet(bundle)).records(report_views(bundle)) if diagrams else {}
    return build(bundle, records)


def draw_diagram(bundle: Bundle, view: str, fmt: str = "svg") -> bytes:
    """One view of ``bundle`` as ``fmt`` (svg, png, pdf, dot), its words in the active language."""
    from .diagram import diagram

    return diagram(_spoken(bundle), view, fmt)


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
    release: bool = False,
) -> list[Path]:
    """Write each of ``formats`` (html, pdf, docx, md, json, svg) into ``out_dir``; return the files written.

    ``release``: the caller is done with ``bundle`` after this call, so its graph is emptied once
    everything drawn from it is drawn, before the reports are written (at 10,000 measures the Python
    process holds the assessment, the results and the report context; the graph is what it no longer
    needs).
    """
    from .diagram_set import DiagramSet

    wanted = _check_formats(formats)
    say = progress or (lambda _msg: None)
    root = ensure_out_dir(Path(out_dir))
    written: list[Path] = []

    def write(name: str, data: Writable) -> None:
        written.append(atomic_write(target_in(root, name), data))

    if "json" in wanted:
        from .json_out import results_json_chunks

        say("results.json")
        write("results.json", results_json_chunks(bundle))
    # The results stay English (results.json above, the canonical record); the reports say the engine's
    # sentences in the report's language.
    bundle = _spoken(bundle)
    diagrams = DiagramSet(bundle)
    ctx = None
    if {"html", "pdf", "md", "docx"} & set(wanted):
        started = time.perf_counter()
        ctx = build_context(bundle, drawn=diagrams)
        say(f"report context ({time.perf_counter() - started:.2f} s)")
    _write_reports(bundle, wanted, ctx, diagrams, templates, say, write, release)
    return written


def _spoken(bundle: Bundle) -> Bundle:
    """``bundle`` with the engine's sentences in the active language (``bundle`` itself in English)."""
    from ..translation import SOURCE, language
    from ..translation.sentence import localized, spoken, templated

    if language() in (SOURCE, bundle.spoken_in):
        return bundle
    source = bundle
    if not bundle.templated:
        # Evaluated for an English report (plain text): the engine runs again, keeping its templates.
        from ..evaluate import evaluate

        with templated():
            source = _copy(bundle, results=evaluate(bundle.graph), templated=True)
    said = _copy(source, results=localized(source.results), spoken_in=language())
    if source.review is not None:
        # The reviewer's verdicts are decided again from the results (review.override); decided from the
        # templated results, their reasons are sentences too, and are said in the language like the rest.
        with templated():
            verdicts = _copy(source).reviewed.verdicts
        said.reviewed.verdicts = {m: replace(v, reason=str(spoken(v.reason))) for m, v in verdicts.items()}
    return said


def _copy(bundle: Bundle, **changes: Any) -> Bundle:
    """A copy of ``bundle`` with ``changes``, keeping its input hash once worked out (it reads every input)."""
    copied = replace(bundle, **changes)
    if "input_hash" in vars(bundle):
        vars(copied)["input_hash"] = bundle.input_hash
    return copied


def _write_reports(bundle: Bundle, wanted: list[str], ctx: ReportContext | None, diagrams: DiagramSet,
                   templates: Path | None, say: Callable[[str], None],
                   write: Callable[[str, Writable], None], release: bool = False) -> None:
    """The Markdown, HTML, DOCX, diagram and PDF outputs; with ``release``, the graph is emptied as soon as
    everything drawn from it is drawn (the diagrams first, then the reports)."""
    # Typst typesets in native code without holding the GIL, so the PDF is made in a thread while
    # the other formats are written; it is written last, and a failure is raised all the same.
    pool: ThreadPoolExecutor | None = None
    printed_job: Future[dict[str, list[PrintedFigure]]] | None = None
    pdf_job: Future[bytes] | None = None
    if "pdf" in wanted:
        assert ctx is not None
        say("report.pdf (typesetting while the other formats are written)")
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rightskit-pdf")
        # Each measure's view is drawn again for print (top to bottom, in parts): the interactive view is
        # ~1,400 pt wide and printed its labels at 3 to 5 pt. Its own job, so the graph can be released
        # once it is done; the one worker runs the two jobs in order. In a copy of this context, so the
        # PDF thread writes in the report's language too.
        printed_job = pool.submit(contextvars.copy_context().run, diagrams.printed, ctx.diagrams)
        pdf_job = pool.submit(contextvars.copy_context().run, _typeset, ctx, printed_job, templates)
    try:
        png = None
        if "docx" in wanted and ctx is not None and ctx.overview is not None:
            from .diagram import diagram

            png = diagram(bundle, ctx.overview, "png")
        views = _diagram_views(bundle, wanted, ctx, say)
        svgs = diagrams.svgs(views)
        if release:
            if printed_job is not None:
                printed_job.result()
            bundle.graph.g.clear()
        if "md" in wanted:
            from .markdown import markdown_chunks

            assert ctx is not None
            say("report.md")
            write("report.md", markdown_chunks(ctx))
        if "html" in wanted:
            from .html import html_chunks

            assert ctx is not None
            say("index.html")
            write("index.html", html_chunks(ctx, templates))
        if "docx" in wanted:
            from .word import render_docx

            assert ctx is not None
            say("report.docx")
            write("report.docx", render_docx(ctx, png))
        _write_diagrams(views, svgs, write)
        if pdf_job is not None:
            write("report.pdf", pdf_job.result())
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _typeset(ctx: ReportContext, printed: Future[dict[str, list[PrintedFigure]]], templates: Path | None) -> bytes:
    """The PDF, with the measures' views as drawn for print."""
    from .pdf import render_pdf

    return render_pdf(ctx, templates, printed.result())


def _diagram_views(bundle: Bundle, wanted: list[str], ctx: ReportContext | None,
                   say: Callable[[str], None]) -> list[str]:
    """The views written as files: every view for 'svg'; the report's own views when the Markdown links to them."""
    from .diagram_set import SVG_MEASURE_VIEWS_UP_TO, all_views

    views: list[str] = []
    if "svg" in wanted:
        views = all_views(bundle)
        if len(bundle.resolved.assessment.measures) > SVG_MEASURE_VIEWS_UP_TO:
            say(f"diagrams/: no diagram per measure above {SVG_MEASURE_VIEWS_UP_TO:,} measures; "
                "draw one with: rightskit diagram PATH --view measure:<id>")
    elif "md" in wanted and ctx is not None:
        views = list(ctx.diagrams)
    if views:
        say(f"diagrams/ ({len(views)} views)")
    return views


def _write_diagrams(views: list[str], svgs: dict[str, bytes], write: Callable[[str, Writable], None]) -> None:
    """Each view's SVG as its file; two views whose names sanitise alike are both kept, numbered."""
    from .diagram_set import file_name

    names: dict[str, str] = {}
    for view in views:
        name = file_name(view)
        if name in names.values():
            stem, n = name.removesuffix(".svg"), 2
            while f"{stem}-{n}.svg" in names.values():
                n += 1
            name = f"{stem}-{n}.svg"
        names[view] = name
        write(name, svgs[view])
