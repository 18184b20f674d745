"""The PDF prints every label of a measure's diagram at 7 pt or more, measured in the typeset PDF.

The size is read back from the PDF itself: each piece of text is drawn at a font size under the
transformation of the SVG it came from, so its printed size is the font size times the scale of
the text and current transformation matrices. Body text is drawn unscaled; a diagram's text is
drawn under the scale Typst gave its SVG.
"""

from __future__ import annotations

import math
import re
import statistics
from pathlib import Path

import pypdf
import pytest

from rightskit import pipeline
from rightskit.render import render_formats
from rightskit.render.diagram.printed import MIN_PRINTED_PT
from rightskit.render.diagram_set import file_name

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
_CAPTION = re.compile(r"Diagram file: ?diagrams/(measure-[a-z0-9._-]+?)\.svg")


def page_texts(page: pypdf.PageObject) -> tuple[str, list[float]]:
    """A page's body text, and the printed size (pt) of every text run drawn inside a scaled SVG."""
    body: list[str] = []
    drawn: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text.strip() or not size:
            return
        scale = math.hypot(cm[0], cm[1])
        if abs(scale - 1) > 1e-3:  # inside a scaled SVG: a diagram's label
            drawn.append(size * scale * math.hypot(tm[0], tm[1]))
        else:
            body.append(text)

    page.extract_text(visitor_text=visit)
    return "".join(body), drawn


def printed_label_sizes(pdf: Path) -> dict[str, list[float]]:
    """Measure diagram -> the printed size (pt) of every text run drawn inside it, from the PDF."""
    out: dict[str, list[float]] = {}
    for page in pypdf.PdfReader(str(pdf)).pages:
        body, drawn = page_texts(page)
        names = set(_CAPTION.findall(body))
        if drawn and names:
            assert len(names) == 1, f"two measure diagrams on one page: {names}"
            out.setdefault(names.pop(), []).extend(drawn)
    return out


@pytest.mark.parametrize("name", ["csar-ep-position-2023"])
def test_measure_diagram_labels_print_at_seven_points_or_more(name: str, tmp_path: Path) -> None:
    bundle = pipeline.evaluate(ROOT / "reports" / name)
    render_formats(bundle, ["pdf"], tmp_path)
    sizes = printed_label_sizes(tmp_path / "report.pdf")
    expected = {file_name(f"measure:{m}").removeprefix("diagrams/").removesuffix(".svg")
                for m in bundle.results.measures}
    assert set(sizes) == expected, "a measure's diagram is missing"
    for figure, values in sorted(sizes.items()):
        assert len(values) > 50, f"{figure}: only {len(values)} labels read back"  # the measurement saw the text
        assert min(values) >= MIN_PRINTED_PT, (
            f"{figure}: labels print at {min(values):.2f} pt (median {statistics.median(values):.2f} pt)")
