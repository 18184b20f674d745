"""Diagrams of an assessment, drawn with Graphviz through the graphviz library.

Views (the names ``--view`` takes):

``overview``
    measures → rights ← safeguards: measures in the left column (outline and badge = verdict),
    rights in the middle, clustered by framework (outline = cumulative residual severity),
    safeguards on the right (blue; line width = strength). Edge colour, width and dash follow the
    residual severity of each interference.
    Past 16 safeguards (``panels.PANEL_SAFEGUARDS_ABOVE``) they are listed in one blue panel per right
    (a row per safeguard, each row a link with its own tooltip) instead of one hexagon each: the
    flagship CSAR assessment has 45 safeguards, and 45 hexagons fanning out of two rights were
    unreadable.
``measure:<id>``
    one measure with its Art. 52(1) step strip, aims, legal basis, alternatives, the measures
    feeding it or fed by it, the rights it interferes with (labelled "residual (from inherent)"),
    and the safeguards that mitigate each interference.
    The PDF prints this view as parts drawn for print, top to bottom (``printed.py``), so that
    every label prints at 7 pt or more; the HTML and the svg output keep this view.
``right:<ref>``
    one right with its cumulative severity, every measure that touches it (residual severity on
    the edge), the safeguards that mitigate those interferences and the aims that protect it.
``chain``
    the measure chain (detection → reporting → removal or forwarding) in swim lanes per actor;
    edge labels are the data categories that flow (those both measures process).

``diff_diagram(a, b, fmt)`` draws two assessments side by side (clusters A and B) and marks
added (+), removed (−) and changed (~) nodes by outline and by a text marker.

Size: a picture with more than ``AGGREGATE_ABOVE`` = 150 nodes is aggregated — measures by
kind, rights by framework, safeguards by catalogue type — and says so in its caption, with the
command that shows the detail; in a focused view a column of more than ``COLUMN_MAX`` = 40 nodes
collapses the same way. Every view therefore stays under ~200 nodes and lays out in well under
2 s. Measured on the 2-core reference machine with these labels: an overview of 150 nodes takes
0.17 s in dot, 500 nodes 0.6 s, 900 nodes 1.3 s, 2,000 nodes (not aggregated) 11 s; aggregated,
the 2,000-node assessment's overview takes 0.03 s.

Every view carries its legend in the caption under the title (an HTML-like table in the graph
label, built like every label here), listing only the scales and shapes the view uses. A legend
node would take part in the layout and widen whichever column it landed in.

Every node links to its section of the HTML report (``#measure-<id>``, ``#right-<ref with / as
->``, ``#safeguard-<id>``, ``#aim-<id>``, ``#alternative-<id>``) and has a tooltip with its
rationale. Output is reproducible: the same bundle gives byte-identical DOT and SVG.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...errors import UsageError, did_you_mean
from .aggregate import AGGREGATE_ABOVE, COLUMN_MAX
from .layout import FORMATS, render

if TYPE_CHECKING:
    import graphviz

    from ...bundle import Bundle

__all__ = [
    "AGGREGATE_ABOVE", "COLUMN_MAX", "FORMATS", "VIEW_KINDS", "build_view", "diagram", "diff_diagram",
    "view_file_name", "views_for",
]

#: The view names, with placeholders for ids.
VIEW_KINDS = ("overview", "chain", "measure:<id>", "right:<ref>")


def _rights(bundle: Bundle) -> list[str]:
    a = bundle.resolved.assessment
    refs = {i.right for m in a.measures for i in m.interferes} | set(bundle.results.rights)
    return sorted(refs)


def _has_chain(bundle: Bundle) -> bool:
    ids = {m.id for m in bundle.resolved.assessment.measures}
    return any(t in ids and t != m.id for m in bundle.resolved.assessment.measures for t in m.feeds)


def views_for(bundle: Bundle) -> list[str]:
    """Every view a report should embed: overview, chain (when measures feed each other), each
    measure and each right interfered with, in that order and sorted by id."""
    views = ["overview"]
    if _has_chain(bundle):
        views.append("chain")
    views += [f"measure:{m.id}" for m in sorted(bundle.resolved.assessment.measures, key=lambda m: m.id)]
    views += [f"right:{ref}" for ref in _rights(bundle)]
    return views


def _unknown(what: str, ident: str, view: str, known: list[str]) -> UsageError:
    hint = did_you_mean(ident, known)
    listing = ", ".join(known[:10]) + (" …" if len(known) > 10 else "")
    return UsageError(f"unknown {what} '{ident}' in view '{view}': "
                      + (hint if hint else f"known {what}s: {listing or 'none'}"))


def build_view(bundle: Bundle, view: str) -> graphviz.Digraph:
    """The ``graphviz.Digraph`` of ``view``; raises UsageError naming the valid views or closest ids."""
    from . import views

    if view == "overview":
        return views.overview(bundle)
    if view == "chain":
        return views.chain_view(bundle)
    kind, sep, ident = view.partition(":")
    if sep and kind == "measure":
        known = sorted(m.id for m in bundle.resolved.assessment.measures)
        if ident not in known:
            raise _unknown("measure", ident, view, known)
        return views.measure_view(bundle, ident)
    if sep and kind == "right":
        known = _rights(bundle)
        if ident not in known:
            raise _unknown("right", ident, view, known)
        return views.right_view(bundle, ident)
    hint = did_you_mean(view, views_for(bundle))
    raise UsageError(f"unknown view '{view}': valid views are {', '.join(VIEW_KINDS)}"
                     + (f"; {hint}" if hint else ""))


def diagram(bundle: Bundle, view: str, fmt: str = "svg") -> bytes:
    """``view`` of ``bundle`` as ``fmt`` (svg, png, pdf or dot)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown diagram format '{fmt}': use one of {', '.join(FORMATS)}")
    return render(build_view(bundle, view), fmt)


def diff_diagram(bundle_a: Bundle, bundle_b: Bundle, fmt: str = "svg") -> bytes:
    """Two assessments side by side; added, removed and changed nodes marked."""
    from .diff import build_diff

    if fmt not in FORMATS:
        raise UsageError(f"unknown diagram format '{fmt}': use one of {', '.join(FORMATS)}")
    return render(build_diff(bundle_a, bundle_b), fmt)


def view_file_name(view: str, fmt: str = "svg") -> str:
    """A safe file name for a view: ``overview.svg``, ``measure-scan.svg``, ``right-eu-charter-art-7.svg``."""
    import re

    from .text import anchor

    kind, _, ident = view.partition(":")
    stem = anchor(kind, ident) if ident else (re.sub(r"[^a-z0-9-]+", "-", kind.lower()).strip("-") or "view")
    return f"{stem}.{fmt}"
