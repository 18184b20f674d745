"""Aggregation: a generated 600-measure assessment stays a readable, small picture in every view.

No timings here (those belong in benchmarks/); the node counts are what keeps layout fast.
"""

from __future__ import annotations

import re

import pytest
from diagram_common import needs_dot, support


@pytest.fixture(scope="module")
def large():  # type: ignore[no-untyped-def]
    return support.bundle_of(support.large(600))


def node_count(source: str) -> int:
    return len(re.findall(r'^\s*"[^"]+" \[label=', source, re.M))


def test_threshold_is_documented() -> None:
    import rightskit.render.diagram as diagram

    assert diagram.AGGREGATE_ABOVE == 150 and diagram.COLUMN_MAX == 40
    assert "150 nodes" in (diagram.__doc__ or "")


def test_small_assessments_are_not_aggregated() -> None:
    from rightskit.render.diagram import build_view

    src = build_view(support.load_bundle(), "overview").source
    assert "Aggregated" not in src and "measure-group" not in src


def test_overview_aggregates_and_says_how_to_see_the_detail(large) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import AGGREGATE_ABOVE, build_view

    src = build_view(large, "overview").source
    assert "Aggregated (" in src and "measures by kind" in src and "safeguards by type" in src
    assert "--view measure:ID" in src
    assert node_count(src) <= AGGREGATE_ABOVE
    groups = re.findall(r'"measure-group/measure/([a-z-]+)"', src)
    assert sorted(set(groups)) == sorted(support.KINDS)
    assert "75 measures" in src and "×75" in src  # counts on groups and merged edges
    # Only four rights: the rights column stays in detail, with links.
    assert '"right/dg-charter/art-7"' in src and 'URL="#right-dg-charter-art-7"' in src
    # Group nodes link nowhere (there is no report section for a group) but explain themselves.
    group = next(x for x in src.splitlines() if x.lstrip().startswith('"measure-group/measure/detection" ['))
    assert "URL=" not in group and "Members: m-0000, m-0008" in group


def test_rights_collapse_by_framework_when_there_are_many() -> None:
    from rightskit.authoring import Assessment
    from rightskit.render.diagram import build_view

    a = Assessment("Many rights", as_of="2022-06-01", frameworks=["dg-charter"])
    for i in range(60):
        a.right(f"local-{i:02d}", f"Local right {i}", provisions=["dg-charter/art-7"])
    for i in range(120):
        a.measure(f"m-{i:03d}", f"Measure {i}", kind="detection").interferes(
            f"local-{i % 60:02d}", severity="serious", rationale="x")
    src = build_view(support.bundle_of(a), "overview").source
    assert "rights by framework" in src and '"right-group/right/local"' in src
    assert "60 rights" in src


def test_chain_aggregates_by_kind(large) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import build_view

    src = build_view(large, "chain").source
    assert "Aggregated:" in src and node_count(src) <= len(support.KINDS)
    assert "content" in src  # data categories survive merging


def test_right_view_collapses_a_long_measure_column(large) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import COLUMN_MAX, build_view

    src = build_view(large, "right:dg-charter/art-7").source
    assert "measures collapsed" in src
    assert '"right/dg-charter/art-7"' in src  # the subject stays itself
    assert node_count(src) <= 3 * COLUMN_MAX


def test_measure_view_keeps_its_subject_when_columns_collapse() -> None:
    from rightskit.authoring import Assessment
    from rightskit.render.diagram import COLUMN_MAX, build_view

    a = Assessment("Many safeguards", as_of="2022-06-01", frameworks=["dg-charter", "dg-regulation"])
    hub = a.measure("hub", "Hub", kind="reporting")
    hub.interferes("dg-charter/art-8", severity="serious", rationale="x")
    for i in range(50):
        m = a.measure(f"in-{i:02d}", f"Input {i}", kind="detection")
        m.interferes("dg-charter/art-7", severity="minor", rationale="x").feeds(hub)
        a.safeguard(f"s-{i:02d}", f"Safeguard {i}", type=None).mitigates(hub, "dg-charter/art-8", strength="weak")
    src = build_view(support.bundle_of(a), "measure:hub").source
    assert "50 safeguards, 50 measures collapsed" in src
    assert '"measure/hub"' in src and "✗" in src
    assert '"measure-group/measure/detection"' in src
    assert node_count(src) <= 3 * COLUMN_MAX


@needs_dot
def test_every_aggregated_view_renders(large) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import diagram, diff_diagram

    for view in ("overview", "chain", "measure:m-0001", "right:dg-charter/art-8"):
        assert b"<svg" in diagram(large, view, "svg")
    other = support.bundle_of(support.large(590))
    svg = diff_diagram(large, other, "svg")
    assert b"Aggregated: more than 150 nodes" in svg
    assert b"~ changed" in svg  # group counts changed


def test_views_for_a_large_assessment_lists_every_measure(large) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import views_for

    views = views_for(large)
    assert len([v for v in views if v.startswith("measure:")]) == 600
