"""The diagram API: views, errors, formats, links, tooltips, styles, reproducibility, real pipeline."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from diagram_common import SVG, XLINK, needs_dot, support

from rightskit.errors import UsageError


@pytest.fixture(scope="module")
def bundle():  # type: ignore[no-untyped-def]
    return support.load_bundle()


def nodes_of(svg: bytes) -> dict[str, dict[str, str]]:
    """SVG node title -> {'href', 'tooltip', 'class'}."""
    out = {}
    for g in ET.fromstring(svg).iter(f"{SVG}g"):
        if "node" not in (g.get("class") or "").split():
            continue
        title = g.find(f"{SVG}title")
        link = next((a for a in g.iter(f"{SVG}a")), None)
        assert title is not None and title.text
        out[title.text] = {"href": link.get(f"{XLINK}href", "") if link is not None else "",
                           "tooltip": link.get(f"{XLINK}title", "") if link is not None else "",
                           "class": g.get("class", "")}
    return out


# -- the API -----------------------------------------------------------------------------------


def test_views_for_lists_overview_chain_measures_rights(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import views_for

    views = views_for(bundle)
    assert views[:2] == ["overview", "chain"]
    assert [v for v in views if v.startswith("measure:")] == [
        "measure:detect-known", "measure:detect-new", "measure:forward", "measure:remove", "measure:report"]
    assert "right:dg-charter/art-7" in views and "right:dg-charter/art-24" not in views  # protected, not touched


def test_build_view_returns_a_graphviz_digraph(bundle) -> None:  # type: ignore[no-untyped-def]
    import graphviz

    from rightskit.render.diagram import build_view, views_for

    for view in views_for(bundle):
        g = build_view(bundle, view)
        assert isinstance(g, graphviz.Digraph)
        assert "rankdir=LR" in g.source


def test_unknown_view_names_the_valid_views(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import diagram

    with pytest.raises(UsageError) as err:
        diagram(bundle, "overveiw", "svg")
    assert "overview, chain, measure:<id>, right:<ref>" in err.value.message
    assert "did you mean 'overview'" in err.value.message


def test_unknown_ids_name_the_closest_ids(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import diagram

    with pytest.raises(UsageError) as err:
        diagram(bundle, "measure:detect-knwon", "svg")
    assert "unknown measure 'detect-knwon'" in err.value.message and "'detect-known'" in err.value.message
    with pytest.raises(UsageError) as err:
        diagram(bundle, "right:dg-charter/art-77", "svg")
    assert "'dg-charter/art-7'" in err.value.message
    with pytest.raises(UsageError) as err:
        diagram(bundle, "measure:zzz", "svg")
    assert "known measures: detect-known, detect-new" in err.value.message


def test_unknown_format_is_a_usage_error(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import diagram, diff_diagram

    with pytest.raises(UsageError, match="svg, png, pdf, dot"):
        diagram(bundle, "overview", "gif")
    with pytest.raises(UsageError):
        diff_diagram(bundle, bundle, "jpeg")


@needs_dot
def test_every_format_renders(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import diagram

    assert diagram(bundle, "overview", "svg").lstrip().startswith(b"<?xml")
    assert diagram(bundle, "overview", "png").startswith(b"\x89PNG")
    pdf = diagram(bundle, "overview", "pdf")
    assert pdf.startswith(b"%PDF") and b"/CreationDate (D:20000101000000" in pdf
    assert diagram(bundle, "overview", "dot").startswith(b'digraph overview {')


@needs_dot
def test_output_is_byte_identical_across_runs(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import diagram, views_for

    again = support.load_bundle()
    for view in views_for(bundle):
        for fmt in ("dot", "svg"):
            assert diagram(bundle, view, fmt) == diagram(again, view, fmt), (view, fmt)
    assert diagram(bundle, "overview", "pdf") == diagram(again, "overview", "pdf")
    assert diagram(bundle, "overview", "png") == diagram(again, "overview", "png")


def test_view_file_names() -> None:
    from rightskit.render.diagram import view_file_name

    assert view_file_name("overview") == "overview.svg"
    assert view_file_name("measure:detect-known", "png") == "measure-detect-known.png"
    assert view_file_name("right:eu-charter/art-7") == "right-eu-charter-art-7.svg"


# -- links, tooltips, style ----------------------------------------------------------------------


@needs_dot
def test_every_node_links_to_its_report_section_and_has_a_tooltip(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import diagram

    nodes = nodes_of(diagram(bundle, "measure:detect-known", "svg"))
    assert nodes["measure/detect-known"]["href"] == "#measure-detect-known"
    assert nodes["right/dg-charter/art-7"]["href"] == "#right-dg-charter-art-7"
    assert nodes["safeguard/deletion"]["href"] == "#safeguard-deletion"
    assert nodes["aim/protect-children"]["href"] == "#aim-protect-children"
    assert nodes["provision/dg-regulation/art-3-1-a"]["href"] == ""  # provisions have no report section
    assert "Worst residual severity is serious." in nodes["measure/detect-known"]["tooltip"]
    alt = nodes_of(diagram(bundle, "measure:detect-new", "svg"))["alternative/user-reports"]
    assert alt["href"] == "#alternative-user-reports"
    for view in ("overview", "chain", "right:dg-charter/art-8"):
        for name, node in nodes_of(diagram(bundle, view, "svg")).items():
            assert node["tooltip"], (view, name)
            if not name.startswith("provision/"):
                assert node["href"].startswith("#"), (view, name)


def test_the_anchors_match_the_html_report() -> None:
    """The HTML report builds its section ids with these functions; the diagram must agree."""
    from rightskit.render import context_builder as context
    from rightskit.render.diagram.text import anchor

    assert anchor("right", "eu-charter/art-7") == context.right_anchor("eu-charter/art-7")
    for kind in ("measure", "safeguard", "aim", "alternative"):
        assert anchor(kind, "detect-known") == context.anchor(kind, "detect-known")


def test_style_follows_verdict_and_residual_severity(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import build_view, style

    src = build_view(bundle, "overview").source
    line = next(x for x in src.splitlines() if x.lstrip().startswith('"measure/detect-new" ['))
    look = style.VERDICT["disproportionate"]
    assert f'color="{look.colour}"' in line and "✗" in line and 'class="measure disproportionate"' in line
    line = next(x for x in src.splitlines() if x.lstrip().startswith('"measure/remove" ['))
    assert "✓" in line and style.VERDICT["proportionate"].colour in line
    # Edge style: colour, width and dash all follow the residual severity.
    edge = next(x for x in src.splitlines() if '"measure/detect-new" -> "right/dg-charter/art-7"' in x)
    serious = style.SEVERITY["serious"]
    assert serious.colour in edge and f"penwidth={serious.penwidth:g}" in edge
    edge = next(x for x in src.splitlines() if '"measure/report" -> "right/dg-charter/art-8"' in x)
    assert "style=dotted" in edge  # residual none: dotted grey
    # Ineffective safeguards: dashed grey, and said in words.
    line = next(x for x in src.splitlines() if x.lstrip().startswith('"safeguard/audit" ['))
    assert "dashed" in line and "ineffective in practice" in line


def test_palette_is_okabe_ito_and_every_colour_has_a_second_cue() -> None:
    from rightskit.render.diagram import style

    okabe_ito = {style.BLACK, style.ORANGE, style.SKY_BLUE, style.BLUISH_GREEN, style.YELLOW, style.BLUE,
                 style.VERMILLION, style.REDDISH_PURPLE}
    for table in (style.VERDICT, style.STATUS):
        for word, look in table.items():
            assert look.colour in okabe_ito | {style.GREY}
            assert look.symbol in "✓!✗⊘?" and look.label, word
        assert len({look.symbol for look in table.values()}) == len(table)
    widths = [look.penwidth for look in style.SEVERITY.values()]
    assert widths == sorted(widths) and len(set(widths)) == len(widths)  # thicker = worse
    assert len({look.symbol for look in style.SEVERITY.values()}) == len(style.SEVERITY)  # ●○ scale


def test_shapes_follow_node_type(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import build_view

    src = build_view(bundle, "measure:detect-new").source
    shapes = dict(re.findall(r'^\s*"(\w+)/[^"]*" \[.*?shape=(\w+)', src, re.M))
    assert shapes == {"alternative": "box", "aim": "cds", "measure": "box", "provision": "tab",
                      "right": "ellipse", "safeguard": "hexagon"}
    assert "dashed" in next(x for x in src.splitlines() if x.lstrip().startswith('"alternative/'))


def test_every_view_has_a_legend(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import build_view, views_for

    for view in views_for(bundle):
        src = build_view(bundle, view).source
        assert "Verdict (badge, outline):" in src and "Shapes:" in src, view
    assert "Residual severity (line):" in build_view(bundle, "overview").source
    assert "Art. 52(1) steps:" in build_view(bundle, "measure:report").source
    assert "Data flow:" in build_view(bundle, "chain").source


def test_measure_view_shows_steps_aims_basis_alternatives_and_labelled_edges(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import build_view

    src = build_view(bundle, "measure:detect-new").source
    for needle in ("✓ law", "! nec", "✗ prop", "? suit", "aim/protect-children", "provision/dg-regulation/art-3-1-a",
                   "alternative/user-reports", "could replace", "legal basis", "serious (from very serious)",
                   "safeguard/human-review", "moderate</font>"):
        assert needle in src, needle
    assert "safeguard/deletion" not in src  # it mitigates another measure


def test_right_view_shows_every_measure_with_cumulative_severity(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import build_view

    src = build_view(bundle, "right:dg-charter/art-8").source
    for mid in ("detect-known", "detect-new", "forward", "report"):
        assert f'"measure/{mid}" -> "right/dg-charter/art-8"' in src
    assert "cumulative: very serious" in src
    assert "strong for report" in src


def test_chain_labels_edges_with_the_data_that_flows(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import build_view

    src = build_view(bundle, "chain").source
    edge = next(x for x in src.splitlines() if '"measure/detect-known" -> "measure/report"' in x)
    assert "content, traffic data" in edge
    edge = next(x for x in src.splitlines() if '"measure/report" -> "measure/forward"' in x)
    assert "content, subscriber data" in edge
    assert "EU bodies" in src and "Providers" in src  # swim lanes per actor


def test_chain_without_feeds_says_so() -> None:
    from rightskit.authoring import Assessment
    from rightskit.render.diagram import build_view, views_for

    a = Assessment("No chain", as_of="2022-06-01", frameworks=["dg-charter"])
    a.measure("only", "Only measure", kind="detection").interferes("dg-charter/art-7", severity="minor", rationale="x")
    b = support.bundle_of(a)
    assert "chain" not in views_for(b)
    assert "No measure feeds another" in build_view(b, "chain").source


@needs_dot
def test_diff_marks_added_removed_and_changed(bundle, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import diff_diagram

    text = support.SMALL.read_text(encoding="utf-8").replace(
        "severity: very-serious, rationale: Machine", "severity: moderate, rationale: Machine").replace(
        "  - id: audit\n    title: Annual audit\n    effective: false\n", "  - id: exempt\n    title: Exempt\n")
    (tmp_path / "assessment.yaml").write_text(text, encoding="utf-8")
    other = support.load_bundle(tmp_path / "assessment.yaml")
    src = diff_diagram(bundle, other, "dot").decode()
    assert "cluster_A" in src and "cluster_B" in src
    assert "1 added, 1 removed" in src
    added = next(x for x in src.splitlines() if x.lstrip().startswith('"B/safeguard/exempt" ['))
    assert "+ added" in added and "penwidth=4.5" in added
    removed = next(x for x in src.splitlines() if x.lstrip().startswith('"A/safeguard/audit" ['))
    assert "− removed" in removed and "dashed" in removed
    changed = next(x for x in src.splitlines() if x.lstrip().startswith('"B/right/dg-charter/art-7" ['))
    assert "~ changed: cumulative very serious → " in changed and "peripheries=2" in changed
    svg = diff_diagram(bundle, other, "svg")
    assert b"+ added" in svg
    same = diff_diagram(bundle, bundle, "dot").decode()
    assert "0 added, 0 removed, 0 changed" in same and "~ changed:" not in same


# -- the real pipeline ---------------------------------------------------------------------------


@needs_dot
def test_real_pipeline_draws_every_view() -> None:
    from rightskit import pipeline
    from rightskit.render.diagram import diagram, views_for

    b = pipeline.evaluate(support.SMALL, support.options())
    views = views_for(b)
    assert "chain" in views and "measure:detect-new" in views
    for view in views:
        svg = diagram(b, view, "svg")
        assert ET.fromstring(svg) is not None
        assert diagram(b, view, "dot") == diagram(b, view, "dot")


REPORTS = sorted(p for p in (Path(__file__).resolve().parents[2] / "reports").glob("*") if p.is_dir())


@needs_dot
@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS, ids=[p.name for p in REPORTS])
def test_flagship_reports_draw(report: Path) -> None:
    from rightskit import pipeline
    from rightskit.render.diagram import diagram, views_for

    b = pipeline.evaluate(report, pipeline.Options())
    for view in views_for(b):
        nodes = nodes_of(diagram(b, view, "svg"))
        assert nodes, view


def test_many_safeguards_become_panels_per_right() -> None:
    from rightskit.authoring import Assessment
    from rightskit.render.diagram import build_view

    a = Assessment("Panels", as_of="2022-06-01", frameworks=["dg-charter"])
    m = a.measure("m", "Measure", kind="detection")
    m.interferes("dg-charter/art-7", severity="serious", rationale="x")
    m.interferes("dg-charter/art-8", severity="serious", rationale="x")
    for i in range(17):
        s = a.safeguard(f"s-{i:02d}", f"Safeguard {i}", effective=i != 3)
        s.mitigates(m, "dg-charter/art-7" if i % 2 else "dg-charter/art-8", strength=("weak", "strong")[i % 2])
    src = build_view(support.bundle_of(a), "overview").source
    assert '"panel/dg-charter/art-7"' in src and '"panel/dg-charter/art-8"' in src
    assert '"safeguard/s-00"' not in src  # no node per safeguard any more
    assert 'href="#safeguard-s-01"' in src and "Safeguard 3 (ineffective)" in src
    assert "safeguards listed per right" in src  # the legend says how to read it
    assert "8 safeguards for Respect for private" in src
