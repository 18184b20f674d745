"""``render_formats(release=True)``: the graph is emptied once everything drawn from it is drawn, and the
outputs are the same bytes as a render that keeps it (nothing reads the graph after the release)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightskit import pipeline
from rightskit.render import render_formats

FLAGSHIP = Path(__file__).resolve().parents[1] / "reports" / "interim-regulation-2021-1232"
FORMATS = ["json", "md", "html", "pdf", "docx", "svg"]


def _outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_released_render_writes_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    kept = pipeline.evaluate(FLAGSHIP)
    render_formats(kept, FORMATS, tmp_path / "kept")
    assert kept.graph.g.number_of_nodes() > 0  # without release the caller's bundle is left as it was

    released = pipeline.evaluate(FLAGSHIP)
    render_formats(released, FORMATS, tmp_path / "released", release=True)
    assert released.graph.g.number_of_nodes() == 0
    kept_files, released_files = _outputs(tmp_path / "kept"), _outputs(tmp_path / "released")
    assert set(kept_files) == set(released_files) and "report.pdf" in kept_files
    assert [name for name in kept_files if kept_files[name] != released_files[name]] == []
