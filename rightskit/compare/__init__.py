"""``rightskit diff``: compare two assessments, or two versions of one.

It loads both sides through the pipeline (load → model → graph → evaluate), then compares

* the models: measures, interferences, safeguards, mitigations, aims, alternatives, sources and
  frameworks added, removed or changed (:mod:`.model_diff`);
* the results: verdict and step-status changes for each measure, residual severity for each
  right (:mod:`.results_diff`);

and writes the :class:`DiffResult` as terminal text, JSON or an HTML report (:mod:`.text`,
:mod:`.html`). Everything is sorted, so reruns are byte-identical.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .comparison import Comparison, Side
from .difference import DIFF_SCHEMA_VERSION, DiffResult, DiffSide, MeasurePair

if TYPE_CHECKING:
    from ..pipeline import Options

__all__ = ["DIFF_SCHEMA_VERSION", "Comparison", "DiffResult", "Side", "compare", "diff", "format_diff",
           "load_side", "parse_renames"]

FORMATS = ("text", "json", "html", "markdown")


def load_side(path: Path, options: Options | None = None) -> Side:
    """Load and evaluate one side of the comparison."""
    from .. import pipeline

    bundle = pipeline.evaluate(path, options)
    return Side(path, bundle.resolved, bundle)


def parse_renames(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``OLD=NEW`` strings as a mapping; a malformed pair is a usage error."""
    from ..errors import UsageError

    out: dict[str, str] = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise UsageError(f"--rename '{pair}': write OLD=NEW, e.g. detect-known=detection-order-known")
        if old.strip() in out:
            raise UsageError(f"--rename: '{old.strip()}' is renamed twice")
        out[old.strip()] = new.strip()
    return out


def _side(side: Side) -> DiffSide:
    a = side.resolved.assessment
    return DiffSide(path=str(side.path), id=a.id, title=a.title, as_of=a.as_of.isoformat(),
                    evaluated=side.bundle is not None)


def compare(a: Side, b: Side, renames: Mapping[str, str] | None = None) -> DiffResult:
    """The difference from ``a`` to ``b``; measure ids of ``a`` are mapped through ``renames`` first."""
    from .model_diff import diff_models, rename_assessment
    from .results_diff import diff_results

    renames = dict(renames or {})
    model_a = rename_assessment(a.resolved.assessment, renames)
    changes, unchanged, carried = diff_models(model_a, b.resolved.assessment)
    carried.renamed = dict(sorted(renames.items()))
    notes: list[str] = []
    results = None
    versions: list[MeasurePair] = []
    if a.bundle is not None and b.bundle is not None:
        from .articles import pair_measures

        results = diff_results(a.bundle.results, b.bundle.results, renames)
        ra = {renames.get(k, k): v for k, v in a.bundle.results.measures.items()}
        versions = pair_measures(a.resolved, b.resolved, ra, b.bundle.results.measures, model_a, changes,
                                 {m.measure: m.steps for m in results.measures})
    else:
        notes.append("one side was not evaluated; only the models were compared")
    if a.resolved.assessment.id == b.resolved.assessment.id:
        notes.append("both sides are the same assessment id: this compares two versions (or dates) of one assessment")
    if renames:
        notes.append("measures compared under other ids: "
                     + ", ".join(f"{old} → {new}" for old, new in sorted(renames.items())))
    return DiffResult(a=_side(a), b=_side(b), changes=changes, unchanged=unchanged, carried_over=carried,
                      results=results, versions=versions, notes=notes)


def diff(
    path_a: Path, path_b: Path, options_a: Options | None = None, options_b: Options | None = None,
    renames: Mapping[str, str] | None = None,
) -> Comparison:
    """Load both sides and compare them."""
    side_a = load_side(path_a, options_a)
    side_b = load_side(path_b, options_b)
    return Comparison(compare(side_a, side_b, renames), side_a, side_b)


def format_diff(comparison: Comparison, fmt: str) -> str:
    """The comparison as 'text', 'json', 'html' or 'markdown'."""
    if fmt == "json":
        return comparison.result.model_dump_json(indent=2) + "\n"
    if fmt == "html":
        from .html import html_report

        return html_report(comparison)
    if fmt == "markdown":
        from .markdown import markdown_report

        return markdown_report(comparison.result)
    if fmt == "text":
        from .text import text_report

        return text_report(comparison.result)
    from ..errors import UsageError

    raise UsageError(f"unknown diff format '{fmt}'; use one of {', '.join(FORMATS)}")
