"""Golden files for the HTML, Markdown and JSON of the small assessment.

The bundle uses hand-made results (tests/golden/small/results.yaml), so these files change only
when the render stage changes. Diagrams are left out: they belong to the diagram module, which has
its own golden files, and Graphviz versions differ between machines.

Regenerate with: UPDATE_GOLDEN=1 python -m pytest tests/golden/test_render_golden.py
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "small" / "expected"


def _bundle():
    spec = importlib.util.spec_from_file_location("rightskit_test_fixture_bundle", HERE / "fixture_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.small_bundle()


def _outputs() -> dict[str, str]:
    from rightskit.render import build_context
    from rightskit.render.html import render_html
    from rightskit.render.json_out import results_json
    from rightskit.render.markdown import render_markdown

    bundle = _bundle()
    ctx = build_context(bundle, diagrams=False)
    return {"index.html": render_html(ctx), "report.md": render_markdown(ctx), "results.json": results_json(bundle)}


@pytest.fixture(autouse=True)
def _no_source_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.mark.parametrize("name", ["index.html", "report.md", "results.json"])
def test_golden(name: str) -> None:
    actual = _outputs()[name]
    path = EXPECTED / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{name} differs from the golden file; if intended, rerun with UPDATE_GOLDEN=1"


def test_outputs_are_byte_identical_across_runs() -> None:
    first, second = _outputs(), _outputs()
    assert first == second
