"""Golden DOT for every view of a small assessment (and a diff); UPDATE_GOLDEN=1 regenerates them.

The results are hand-made (tests/golden/diagrams/support.py), so these files change only when the
drawing changes. Review a regenerated diff like code: it is the picture.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from diagram_common import GOLDEN, support

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def bundle():  # type: ignore[no-untyped-def]
    return support.load_bundle()


def _changed(tmp_path: Path) -> Path:
    """The small assessment with one severity lowered, one safeguard replaced: the diff's B side."""
    text = support.SMALL.read_text(encoding="utf-8")
    text = text.replace("severity: very-serious, rationale: Machine", "severity: moderate, rationale: Machine")
    text = text.replace("  - id: audit\n    title: Annual audit\n    effective: false\n",
                        "  - id: exempt\n    title: Encrypted services exempt\n")
    target = tmp_path / "b" / "assessment.yaml"
    target.parent.mkdir()
    target.write_text(text, encoding="utf-8")
    return target


def _check(name: str, dot: bytes) -> None:
    path = GOLDEN / f"{name}.dot"
    if UPDATE:
        path.write_bytes(dot)
        return
    assert path.exists(), f"missing golden {path.name}: run UPDATE_GOLDEN=1 pytest {__file__}"
    expected = path.read_bytes()
    assert dot == expected, f"{path.name} differs from the drawing; if intended, regenerate with UPDATE_GOLDEN=1"


def _golden_name(view: str) -> str:
    from rightskit.render.diagram import view_file_name

    return view_file_name(view, "dot").removesuffix(".dot")


def test_every_view_matches_its_golden(bundle) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import diagram, views_for

    views = views_for(bundle)
    assert views == [
        "overview", "chain", "measure:detect-known", "measure:detect-new", "measure:forward", "measure:remove",
        "measure:report", "right:dg-charter/art-11", "right:dg-charter/art-7", "right:dg-charter/art-8",
        "right:dg-convention/art-8",
    ]
    for view in views:
        _check(_golden_name(view), diagram(bundle, view, "dot"))


def test_diff_matches_its_golden(bundle, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rightskit.render.diagram import diff_diagram

    other = support.load_bundle(_changed(tmp_path))
    _check("diff", diff_diagram(bundle, other, "dot"))


def test_goldens_parse_with_dot() -> None:
    """Every golden file is valid DOT for the installed Graphviz (exit 0, nothing on stderr)."""
    import subprocess

    files = sorted(GOLDEN.glob("*.dot"))
    assert len(files) >= 12
    for path in files:
        proc = subprocess.run(["dot", "-Tsvg"], input=path.read_bytes(), capture_output=True, timeout=60)
        assert proc.returncode == 0 and not proc.stderr, (path.name, proc.stderr)
