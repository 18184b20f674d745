"""A measure's view drawn for print: parts that each print at 7 pt or more across the PDF's text
width, that together show every right, safeguard row, aim, provision and alternative of the
interactive view, and that escape user text as every other view does."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from diagram_common import SVG, needs_dot, support
from harness import golden_fixture
from test_diagram_safety import HOSTILE, dot_svg, hostile_bundle, svg_texts

from rightskit.render.diagram.facts import Reader
from rightskit.render.diagram.panels import PANEL_ROWS, panel_rows
from rightskit.render.diagram.printed import (
    FIGURE_HEIGHT_PT,
    MIN_PRINTED_PT,
    TEXT_WIDTH_PT,
    measure_part,
    measure_rights,
    printed_parts,
    rights_part,
)
from rightskit.render.diagram.text import url

pytestmark = needs_dot


def font_sizes(svg: bytes) -> list[float]:
    """The font size of every text in the SVG, read from the SVG (not from our constants)."""
    root = ET.fromstring(svg)
    return [float(t.get("font-size", "0")) for t in root.iter(f"{SVG}text")]


def check_printed(parts) -> None:  # type: ignore[no-untyped-def]
    for part in parts:
        sizes = font_sizes(part.svg)
        assert sizes, "a part without text"
        assert min(sizes) * part.scale >= MIN_PRINTED_PT, (min(sizes), part.scale)
        assert part.width * part.scale <= TEXT_WIDTH_PT + 0.01
        assert part.height * part.scale <= FIGURE_HEIGHT_PT + 0.01


def test_every_part_of_every_measure_prints_legibly_and_shows_what_the_view_shows() -> None:
    bundle = golden_fixture().real_bundle()
    r = Reader(bundle)
    for mid, m in sorted(r.measures.items()):
        parts = printed_parts(bundle, mid)
        assert len(parts) >= 2, mid  # the measure with its context, then its rights
        check_printed(parts)
        hrefs = {h for p in parts for h in svg_texts(p.svg)[2]}
        rights = {i.right for i in m.interferes}
        expected = {url("measure", mid)} | {url("right", ref) for ref in rights} | {url("aim", a) for a in m.aims}
        expected |= {url("alternative", a.id) for a in r.alternatives.values() if mid in a.replaces}
        expected |= {url("safeguard", row[2]) for ref in rights for row in panel_rows(r, ref, mid)[:PANEL_ROWS]}
        assert expected <= hrefs, (mid, expected - hrefs)
        labels = " ".join(t for p in parts for t in svg_texts(p.svg)[0])
        for ref in sorted(set(m.legal_basis)):  # provisions have no section to link to: their text is shown
            pinpoint = bundle.resolved.index.get("provision", ref)
            assert pinpoint is None or pinpoint.pinpoint.split()[0] in labels, (mid, ref)


def test_many_rights_are_split_over_parts_that_each_print_legibly() -> None:
    from rightskit.authoring import Assessment

    a = Assessment("Many rights", as_of="2022-06-01", frameworks=["dg-charter", "dg-convention"])
    m = a.measure("m", "A measure that interferes with every right in the frameworks", kind="detection")
    for k, ref in enumerate(support.RIGHTS):
        m.interferes(ref, severity="serious", rationale="x")
        for i in range(PANEL_ROWS + 2):
            a.safeguard(f"s-{k}-{i:02d}", f"Safeguard number {i} for right {k}, with a long descriptive title",
                        requires="x").mitigates(m, ref, strength="moderate", rationale="x")
    bundle = support.bundle_of(a)
    parts = printed_parts(bundle, "m")
    check_printed(parts)
    assert len(parts) >= 3  # five rights of 16 safeguards each do not fit one part
    titles = [t for p in parts[1:] for t in svg_texts(p.svg)[0] if re.match(r"Rights and safeguards \(\d+ of \d+\)", t)]
    assert len(titles) == len(parts) - 1
    assert sum(t.endswith("more: see the right's own view") for p in parts for t in svg_texts(p.svg)[0]) == 5


def test_printed_parts_show_hostile_text_literally_and_link_only_to_anchors() -> None:
    bundle = hostile_bundle()
    r = Reader(bundle)
    seen_labels: set[str] = set()
    seen_tips: set[str] = set()
    allowed = re.compile(r"^#(measure|right|safeguard|aim|alternative)-[a-z0-9._-]+$")
    for mid in sorted(r.measures):
        graphs = [measure_part(r, mid, True), measure_part(r, mid, False)]
        graphs += [rights_part(r, mid, [node], 1, 1) for node in measure_rights(r, mid)]
        for g in graphs:
            svg = dot_svg(g.source.encode("utf-8"))  # the real dot accepts it without a warning
            texts, tips, hrefs = svg_texts(svg)
            assert all(allowed.match(h) for h in hrefs), hrefs
            root = ET.fromstring(svg)
            assert not [el for el in root.iter() if el.tag.rsplit("}", 1)[-1] in ("script", "foreignObject", "b")]
            seen_labels |= {key for key, text in HOSTILE.items() if text in texts}
            seen_tips |= {key for key, text in HOSTILE.items() if any(text in tip for tip in tips)}
    assert seen_labels == set(HOSTILE), set(HOSTILE) - seen_labels
    assert seen_tips == set(HOSTILE), set(HOSTILE) - seen_tips
