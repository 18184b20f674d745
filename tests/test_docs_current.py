"""The generated references in docs/ are current: regenerate them with `make docs`."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from rightskit.cli import main

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_field_reference_is_current() -> None:
    result = CliRunner().invoke(main, ["schema", "--markdown"])
    assert result.exit_code == 0, result.output
    assert (DOCS / "fields.md").read_text(encoding="utf-8") == result.stdout, "run `make docs`"


def test_python_api_reference_is_current() -> None:
    result = CliRunner().invoke(main, ["schema", "--markdown", "python-api"])
    assert result.exit_code == 0, result.output
    assert (DOCS / "python-api.md").read_text(encoding="utf-8") == result.stdout, "run `make docs`"


def test_field_reference_names_every_field_of_a_measure() -> None:
    from rightskit.model.assessment import Measure

    text = (DOCS / "fields.md").read_text(encoding="utf-8")
    section = text.split("## Measure\n", 1)[1].split("\n## ", 1)[0]
    assert all(f"| `{name}` |" in section for name in Measure.model_fields)
