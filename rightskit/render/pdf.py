"""PDF: the report context as JSON, typeset by Typst (the ``typst`` wheel), never as markup.

The context is written to ``data.json`` in a private temporary folder, next to ``report.typ`` and
the diagram SVGs; the template reads it with ``json()``, so user text is data, never Typst markup.
With SOURCE_DATE_EPOCH set, the PDF carries that date and two renders are byte-identical;
without it the PDF carries no date at all.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Problem, RenderError, RenderWarning, SourceLocation, TemplateError
from ..translation import catalogue, format_date, language
from .html import TEMPLATES_DIR
from .pdf_parts import PARTS_ABOVE, render_parts, write_figures

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .diagram_set import PrintedFigure
    from .template_context import Measure, ReportContext

MAIN = "report.typ"


#: Above this many measures the PDF is a summary (verdicts, steps at a glance, rights, required
#: safeguard types) and the HTML report carries the findings: a full PDF runs to 20 to 27 pages a
#: measure, and Typst's time and memory grow with it (100 measures: 21 s and 4 GB on the reference
#: machine; 1,000: out of memory). 30 is also where the reports stop embedding a diagram per measure.
PDF_DETAIL_LIMIT = 30


def typst_data(ctx: ReportContext, printed: Mapping[str, list[PrintedFigure]] | None = None, *,
               shallow: bool = False) -> dict[str, Any]:
    """The context as JSON data for Typst; inline SVG is dropped (Typst reads the files).

    ``printed`` maps a view to the parts the PDF prints instead of it (a measure's view, drawn for
    print so its labels stay legible; see ``diagram.printed``): each part's file and printed width.
    ``shallow`` (a summary PDF typeset in parts) keeps the main text's records and makes each
    measure's summary when it is read: the parts' data is written with a JSON default that turns
    records into their fields (:mod:`.pdf_parts`), so no deep copy of them is held.
    """
    detail = len(ctx.measure_ids) <= PDF_DETAIL_LIMIT
    if detail:
        data = dataclasses.asdict(ctx)
    else:
        # Only what the summary PDF shows: copying every finding would cost more than the PDF itself.
        # The action plan is not in the PDF (its items are the conditions the summary already gives).
        heavy = {"measures", "safeguards", "aims", "alternatives", "actions"}
        if shallow:
            heavy.add("opinion")
        data = {f.name: _plain(getattr(ctx, f.name)) for f in dataclasses.fields(ctx) if f.name not in heavy}
        if shallow:
            data["opinion"] = ctx.opinion
            data["measures"] = _Summaries(ctx.measures)
        else:
            data["measures"] = {mid: _measure_summary(m) for mid, m in ctx.measures.items()}
        data.update(safeguards={}, aims={}, alternatives={}, safeguard_ids=[], aim_ids=[], alternative_ids=[])
    data["detail"] = detail
    # The template's words in the report's language (it looks each English phrase up, English by default).
    data["words"] = catalogue(language())
    data["as_of_text"] = format_date(ctx.as_of)
    data["detail_limit"] = PDF_DETAIL_LIMIT
    for d in data["diagrams"].values():
        d["svg"] = ""
    data["printed"] = {view: [{"file": p.file, "width": p.width} for p in parts]
                       for view, parts in sorted((printed or {}).items()) if view in ctx.diagrams}
    return data


def _plain(value: Any) -> Any:
    """A context value as JSON data (dataclasses, lists, tuples and dicts of them)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Summaries(Mapping[str, dict[str, Any]]):
    """Each measure's summary for the PDF, made when it is read."""

    def __init__(self, measures: Mapping[str, Measure]) -> None:
        self._measures = measures

    def __getitem__(self, mid: str) -> dict[str, Any]:
        return _measure_summary(self._measures[mid])

    def __iter__(self) -> Iterator[str]:
        return iter(self._measures)

    def __len__(self) -> int:
        return len(self._measures)


def _measure_summary(m: Measure) -> dict[str, Any]:
    return {"id": m.id, "anchor": m.anchor, "title": m.title, "verdict": dataclasses.asdict(m.verdict),
            "verdict_reason": m.verdict_reason,
            "steps": [{"id": s.id, "title": s.title, "short": s.short, "status": dataclasses.asdict(s.status)}
                      for s in m.steps]}


def source_date_epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def render_pdf(ctx: ReportContext, templates: Path | None = None,
               printed: Mapping[str, list[PrintedFigure]] | None = None) -> bytes:
    """Typeset the report; ``templates`` may hold a ``report.typ`` that replaces the shipped one;
    ``printed`` holds the print parts of measure views (see ``typst_data``)."""
    template = TEMPLATES_DIR / MAIN
    if templates is not None and (Path(templates) / MAIN).is_file():
        template = Path(templates) / MAIN
        _refuse_packages(template)
    epoch = source_date_epoch()
    # Parts cut the summary PDF's rows; a detailed PDF (at most PDF_DETAIL_LIMIT measures) is one piece.
    if template == TEMPLATES_DIR / MAIN and len(ctx.measure_ids) > max(PARTS_ABOVE, PDF_DETAIL_LIMIT):
        return _in_parts(ctx, template, epoch, printed)
    # Imported here, not above: the parts are typeset in processes of their own, and Typst's library
    # would only add to this process's memory.
    import typst

    with tempfile.TemporaryDirectory(prefix="rightskit-pdf-") as tmp:
        root = Path(tmp)
        (root / MAIN).write_bytes(template.read_bytes())
        (root / "data.json").write_text(json.dumps(typst_data(ctx, printed), ensure_ascii=False, sort_keys=True),
                                        encoding="utf-8")
        write_figures(root, _figure_files(ctx, printed))
        try:
            with warnings.catch_warnings():
                # Missing glyphs and similar warnings do not stop the report; errors do.
                warnings.simplefilter("ignore")
                pdf, tagged = _compile(typst.compile, typst.TypstError, str(root / MAIN), root=str(root),
                                       format="pdf", sys_inputs={"dated": "1" if epoch is not None else "0"},
                                       timestamp=epoch)
        except typst.TypstError as exc:
            raise _typst_error(exc, template, root) from None
        except RuntimeError as exc:  # older typst wheels raise a plain RuntimeError
            raise RenderError(f"typesetting the PDF failed: {exc}") from None
    if not isinstance(pdf, bytes):  # pragma: no cover - multi-page formats return lists
        raise RenderError("typst returned no PDF")
    if not tagged:
        # Outside the block above, which silences Typst's own warnings: this one the user must see.
        warnings.warn(UNTAGGED_WARNING, RenderWarning, stacklevel=2)
    return _without_false_suspects(pdf)


def _figure_files(ctx: ReportContext, printed: Mapping[str, list[PrintedFigure]] | None) -> dict[str, str]:
    """file -> SVG of every figure the PDF reads: the report's diagrams and the measures' print parts."""
    files = {d.file: d.svg for d in ctx.diagrams.values()}
    files.update((p.file, p.svg) for parts in (printed or {}).values() for p in parts)
    return files


def _in_parts(ctx: ReportContext, template: Path, epoch: int | None,
              printed: Mapping[str, list[PrintedFigure]] | None) -> bytes:
    """The summary PDF of a large assessment, typeset in parts (see :mod:`.pdf_parts`); never tagged."""
    pdf = render_parts(typst_data(ctx, printed, shallow=True), template, _figure_files(ctx, printed), epoch)
    warnings.warn(PARTS_WARNING.format(n=len(ctx.measure_ids), limit=PARTS_ABOVE), RenderWarning, stacklevel=3)
    return pdf


#: What the user is told when a large PDF is typeset in parts.
PARTS_WARNING = ("report.pdf is not a tagged PDF: with {n:,} measures (more than {limit:,}) it is typeset in parts, "
                 "to bound its memory, and merged; a tag tree cannot be merged. The HTML report (index.html) is "
                 "accessible.")


#: Typst writes ``/MarkInfo<</Marked true/Suspects false>>``. That is valid PDF, but poppler up to at
#: least 22.12 (Debian 12's pdfinfo, pdftotext) reports "Syntax Error: Suspects object is wrong type
#: (boolean)" for a false value. ``false`` is the default, so the entry can go; it is blanked with
#: spaces of the same length so every byte offset in the cross-reference table stays right.
_FALSE_SUSPECTS = b"/Suspects false"


def _without_false_suspects(pdf: bytes) -> bytes:
    """The PDF with a ``/Suspects false`` entry of the document catalogue blanked out (see above)."""
    at = pdf.find(b"/MarkInfo<<")
    if at < 0:
        return pdf
    end = pdf.find(b">>", at)
    entry = pdf.find(_FALSE_SUSPECTS, at, end)
    if entry < 0:
        return pdf
    return pdf[:entry] + b" " * len(_FALSE_SUSPECTS) + pdf[entry + len(_FALSE_SUSPECTS):]


#: Typst's internal errors in building the PDF's tag tree (the structure a screen reader follows), a
#: known bug that depends on where footnotes and page breaks fall (typst/typst#8776, #8487): a report
#: of 300 measures hits it. The same document compiles without tags.
_TAG_TREE_BUG = re.compile(r"internal error: (parent group|tags weren't properly closed)")


#: What the user is told when the PDF had to be written without tags.
UNTAGGED_WARNING = ("report.pdf is not a tagged PDF: Typst failed to build its tag tree for this layout (a known "
                    "Typst bug, typst/typst#8776), so it was typeset again without tags; screen readers get no "
                    "structure. The HTML report (index.html) is accessible.")


def _compile(compile_pdf: Any, typst_error: type[Exception], *args: Any, **kwargs: Any) -> tuple[Any, bool]:
    """``compile_pdf(...)`` and whether the PDF is tagged: again untagged if Typst's tagging fails on this layout."""
    try:
        return compile_pdf(*args, **kwargs), True
    except typst_error as exc:
        if not _TAG_TREE_BUG.search(str(getattr(exc, "message", exc))):
            raise
        return compile_pdf(*args, **kwargs, pdf_tags=False), False


_PACKAGE_IMPORT = re.compile(r'"@[a-z0-9-]+/')


def _refuse_packages(template: Path) -> None:
    """Refuse a user template that imports a Typst package: Typst would download it while rendering."""
    text = template.read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        match = _PACKAGE_IMPORT.search(line)
        if match:
            raise TemplateError("template imports a package", [Problem(
                f"the template imports a Typst package ({match.group(0)}…)",
                SourceLocation(str(template), number, match.start() + 1),
                "rendering fetches nothing from the network: put the package's files next to the template "
                "and import them by relative path",
            )])


_SPAN = re.compile(r"┌─ (?P<file>[^\n]+?):(?P<line>\d+):(?P<col>\d+)")


def _typst_error(exc: Exception, template: Path, root: Path) -> RenderError | TemplateError:
    """A Typst failure located in the user's report.typ (never in our private temporary folder)."""
    message = str(getattr(exc, "message", exc)).replace(str(root), "<report root>")
    detail = str(getattr(exc, "diagnostic", "") or "")
    # Typst names files relative to the working directory; show the template the user wrote instead.
    detail = re.sub(r"(?:[^\s]*/)?" + re.escape(root.name) + r"/", "", detail)
    if template == TEMPLATES_DIR / MAIN:
        return RenderError(f"typesetting the PDF failed in the PDF template: {message}\n{detail}")
    m = _SPAN.search(detail)
    line, col = (int(m["line"]), int(m["col"])) if m and m["file"].endswith(MAIN) else (0, 0)
    where = SourceLocation(str(template), line, col)
    return TemplateError(f"{where}: {message}", [Problem(f"Typst error: {message}", where,
                                                         "fix your report.typ at this line")])
