"""Hostile text in labels, tooltips and ids: every DOT parses with the real `dot`, every SVG shows
the text literally, and no user text becomes markup or a working link."""

from __future__ import annotations

import itertools
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from diagram_common import SVG, XLINK, needs_dot, support

pytestmark = needs_dot



# Each short enough to stay on one label line, so the SVG text can be compared whole.
HOSTILE = {
    "quotes": 'say "hi" \'there\'',
    "backslashes": "a\\b \\N \\G \\E \\L x\\",
    "escapes": "\\n \\l \\r \\\\ end",
    "angle": "a < b > c",
    "entities": "&amp; &lt;b&gt; &#92; &",
    "html": "<b>x</b><br/>",
    "table": '<table><tr><td href="x">',
    "dot": '] ; } { [ "a"=b -> c',
    "script": "<script>alert(1)</script>",
    "link": "javascript:alert(1)",
    "url": "https://evil.example/x",
    "cdata": "]]> <!-- x --> <![CDATA[",
}
NEWLINES = "first line\nsecond line\r\nthird"
LONG = "Supercalifragilistic " * 20  # 420 characters: under the 500 a title may have


def hostile_bundle():  # type: ignore[no-untyped-def]
    from rightskit.authoring import Assessment

    a = Assessment("Hostile <b>\"title\"</b> \\N", as_of="2022-06-01", frameworks=["dg-charter"])
    a.aim("aim", HOSTILE["html"], kind="general-interest", description=HOSTILE["backslashes"],
          protects=["dg-charter/art-24"])
    previous = None
    for i, (key, text) in enumerate([*HOSTILE.items(), ("newlines", NEWLINES), ("long", LONG)]):
        m = a.measure(f"m-{i:02d}-{key}", text, kind="detection", description=text, aims=["aim"],
                      data_categories=["content"])
        m.interferes("dg-charter/art-7", severity="serious", rationale=text * (40 if key == "long" else 1))
        if previous is not None:
            previous.feeds(m)
        previous = m
    a.safeguard("sg", HOSTILE["dot"], requires=HOSTILE["script"]).mitigates(
        "m-00-quotes", "dg-charter/art-7", strength="weak", rationale=HOSTILE["entities"])
    a.alternative("alt", HOSTILE["table"], replaces=["m-00-quotes"], description=HOSTILE["cdata"])
    return support.bundle_of(a)


@pytest.fixture(scope="module")
def bundle():  # type: ignore[no-untyped-def]
    return hostile_bundle()


def dot_svg(source: bytes) -> bytes:
    """Run the real dot; it must accept the input silently."""
    proc = subprocess.run(["dot", "-Tsvg"], input=source, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    assert not proc.stderr, proc.stderr.decode(errors="replace")
    return proc.stdout


def svg_texts(svg: bytes) -> tuple[list[str], list[str], list[str]]:
    """(text lines, tooltips, hrefs) of an SVG, decoded the way a browser decodes them."""
    root = ET.fromstring(svg)
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    tips = [el.get(f"{XLINK}title", "") for el in root.iter() if el.get(f"{XLINK}title")]
    hrefs = [el.get(f"{XLINK}href", "") for el in root.iter() if el.get(f"{XLINK}href") is not None]
    return texts, tips, hrefs


def test_every_view_parses_and_shows_the_text_literally(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import build_view, views_for

    seen_labels: set[str] = set()
    seen_tips: set[str] = set()
    for view in views_for(bundle):
        svg = dot_svg(build_view(bundle, view).source.encode("utf-8"))
        texts, tips, _ = svg_texts(svg)
        for key, text in HOSTILE.items():
            if text in texts:
                seen_labels.add(key)
            if any(text in tip for tip in tips):
                seen_tips.add(key)
        # No markup leaked into the picture: a user's <b> or <script> is text, never an element.
        root = ET.fromstring(svg)
        assert not [el for el in root.iter() if el.tag.rsplit("}", 1)[-1] in ("script", "foreignObject", "b")]
    assert seen_labels == set(HOSTILE), f"not shown literally in a label: {set(HOSTILE) - seen_labels}"
    assert seen_tips == set(HOSTILE), f"not shown literally in a tooltip: {set(HOSTILE) - seen_tips}"


def test_newlines_become_lines_and_long_names_are_truncated(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import build_view

    m_new = "m-12-newlines"
    svg = dot_svg(build_view(bundle, f"measure:{m_new}").source.encode())
    texts, tips, _ = svg_texts(svg)
    assert "first line second line" in texts or "first line second line third" in texts
    assert any("first line\nsecond line\nthird" in tip for tip in tips)  # tooltip keeps the lines

    svg = dot_svg(build_view(bundle, "measure:m-13-long").source.encode())
    texts, tips, _ = svg_texts(svg)
    root = ET.fromstring(svg)
    node_lines = [("".join(t.itertext())) for g in root.iter(f"{SVG}g") if "node" in (g.get("class") or "")
                  for t in g.iter(f"{SVG}text")]
    title_lines = [t for t in node_lines if t.startswith("Supercalifragilistic")]
    assert title_lines and all(len(t) <= 30 for t in title_lines)
    assert title_lines[-1].endswith("…")
    # The tooltip holds the text (capped, so a 20,000-character rationale cannot bloat the SVG).
    assert any(tip.startswith(LONG.strip()) for tip in tips)
    assert max(len(tip) for tip in tips) <= 700  # a 16,800-character rationale is capped


def test_links_come_only_from_our_anchors(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import build_view, views_for

    allowed = re.compile(r"^#(measure|right|safeguard|aim|alternative)-[a-z0-9._-]+$")
    for view in views_for(bundle):
        _, _, hrefs = svg_texts(dot_svg(build_view(bundle, view).source.encode()))
        assert hrefs, view
        assert all(allowed.match(h) for h in hrefs), (view, hrefs)


def test_dot_source_opens_no_file_and_no_network(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import build_view, views_for

    for view in views_for(bundle):
        source = build_view(bundle, view).source
        for attr in ("image=", "shapefile=", "fontpath=", "imagepath=", "<img", "stylesheet=", 'src="', 'href="'):
            assert attr not in source.lower(), (view, attr)
        urls = re.findall(r'URL="([^"]*)"', source)
        assert urls and all(u.startswith("#") for u in urls), view


def test_hostile_ids_are_inert() -> None:
    """Ids are constrained by the model; even so, names, clusters and anchors survive any string."""

    from rightskit.render.diagram import draw
    from rightskit.render.diagram.facts import EdgeFact, NodeFact
    from rightskit.render.diagram.text import anchor, dot_name, url

    nasty_ids = ['a"b', "a\\", "x:y:z", "<b>x</b>", "];}", "a b\nc", "ü/ß", "../../etc"]
    g = draw.new_graph("ids", "Ids")
    sub = draw.cluster(g, 'c"l\\', 'cluster "label" \\N')
    names = []
    for ident in nasty_ids:
        node = NodeFact("measure", ident, f"Title of {ident}", (ident,), "disproportionate", "measure", (ident,))
        draw.add_node(sub, node)
        names.append(node.name)
        assert ":" not in node.name and '"' not in node.name and "\\" not in node.name
        assert re.fullmatch(r"#measure-[a-z0-9._-]+", url("measure", ident))
    g.subgraph(sub)
    for a, b in itertools.pairwise(names):
        draw.add_edge(g, EdgeFact(a, b, "feeds", "", "x"))
    svg = dot_svg(g.source.encode("utf-8"))
    titles = [t.text for t in ET.fromstring(svg).iter(f"{SVG}title")]
    assert len({t for t in titles if t and t.startswith("measure/") and "->" not in t}) == len(nasty_ids)
    assert len({dot_name("measure", i) for i in nasty_ids}) == len(nasty_ids)  # encoding keeps ids apart
    assert anchor("right", "eu-charter/art-7") == "right-eu-charter-art-7"


def test_escaping_rules_against_the_installed_dot() -> None:
    """The three escaping contexts, each checked character by character with dot itself."""
    import graphviz

    from rightskit.render.diagram.text import html, tooltip

    samples = ["\\", "\\\\", "\\N", "\\G", "\\n", "\\l", '"', '\\"', "&", "&amp;", "<", ">", "]", "}", ";", "'"]
    for sample in samples:
        g = graphviz.Digraph("t")
        g.node("n", f"<<b>[{html(sample)}]</b>>", tooltip=tooltip(f"[{sample}]"), URL="#measure-n")
        texts, tips, _ = svg_texts(dot_svg(g.source.encode()))
        assert f"[{sample}]" in texts, (sample, texts)
        assert tips == [f"[{sample}]"], (sample, tips)


def test_safeguard_panels_escape_rows_and_link_only_to_anchors() -> None:
    """Past 16 safeguards the overview lists them in panels: each row is a link with its own tooltip."""
    from rightskit.authoring import Assessment
    from rightskit.render.diagram import build_view

    a = Assessment("Panels", as_of="2022-06-01", frameworks=["dg-charter"])
    m = a.measure("m", "Measure", kind="detection")
    m.interferes("dg-charter/art-7", severity="serious", rationale="x")
    texts = list(HOSTILE.values())
    for i in range(20):
        text = texts[i % len(texts)]
        a.safeguard(f"s-{i:02d}", text, requires=text).mitigates(m, "dg-charter/art-7", strength="moderate",
                                                                  rationale=text)
    src = build_view(support.bundle_of(a), "overview").source
    assert "20 safeguards for" in src and "… 6 more" in src
    svg = dot_svg(src.encode("utf-8"))
    labels, tips, hrefs = svg_texts(svg)
    assert all(re.fullmatch(r"#(measure|right|safeguard)-[a-z0-9._-]+", h) for h in hrefs), hrefs
    assert sum(h.startswith("#safeguard-s-") for h in hrefs) == 14  # PANEL_ROWS rows, each a link
    shown = {key for key, text in HOSTILE.items() if text in labels}
    in_tips = {key for key, text in HOSTILE.items() if any(text in tip for tip in tips)}
    rows = sorted(h for h in hrefs if h.startswith("#safeguard-"))
    expected = {key for i, key in enumerate(HOSTILE) if f"#safeguard-s-{i:02d}" in rows}
    assert len(expected) >= 8 and expected <= shown and expected <= in_tips
