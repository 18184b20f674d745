"""The generated references in docs/ are current: regenerate them with `make docs`."""

from __future__ import annotations

import re
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


def block(text: str, name: str) -> str:
    """The generated part of a document, between its ``<!-- name: begin … -->`` and ``<!-- name: end -->``."""
    head = text.index(f"<!-- {name}: begin")
    start = text.index("-->", head) + len("-->\n")
    return text[start:text.index(f"<!-- {name}: end -->")]


def test_frameworks_readme_counts_are_the_data() -> None:
    result = CliRunner().invoke(main, ["frameworks", "--counts"])
    assert result.exit_code == 0, result.output
    readme = (DOCS.parent / "frameworks" / "README.md").read_text(encoding="utf-8")
    assert block(readme, "counts") == result.stdout, "run `make docs` (tests/frameworks_counts.py)"
    # Counts belong in the generated table only: a typed number of criteria or types goes stale.
    outside = readme.replace(block(readme, "counts"), "")
    for noun in ("criteria", "safeguard types", "judgments", "records verified"):
        assert not re.search(rf"\b\d+ {noun}\b", outside), f"frameworks/README.md types a count of {noun}"


def test_readme_counts_are_the_data() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    judgments = len(list((DOCS.parent / "tests" / "calibration").glob("*/outcome.yaml")))
    stated = re.search(r"`tests/calibration/` encodes (\d+) judgments", readme)
    assert stated is not None and int(stated.group(1)) == judgments, (
        f"README.md says {stated and stated.group(1)} calibration judgments; the data has {judgments}")
    for noun in ("criteria", "safeguard types", "records"):
        assert not re.search(rf"\b\d+ {noun}\b", readme), f"README.md types a count of {noun}; generate it"
