"""The generated references in docs/ are current: regenerate them with `make docs`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

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


FLAGSHIPS = ("reports/csar-proposal-2022", "reports/csar-ep-position-2023")


def test_csar_versions_doc_is_current(monkeypatch: Any) -> None:
    # Relative paths, as `make docs` runs them: the doc names the command that made it.
    monkeypatch.chdir(DOCS.parent)
    result = CliRunner().invoke(main, ["diff", *FLAGSHIPS, "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert (DOCS / "csar-versions.md").read_text(encoding="utf-8") == result.stdout, "run `make docs`"


def test_csar_versions_summary_is_each_assessments_own_verdicts(monkeypatch: Any) -> None:
    import json

    monkeypatch.chdir(DOCS.parent)
    runner = CliRunner()
    evaluated = []
    for path in FLAGSHIPS:
        out = runner.invoke(main, ["evaluate", path, "--format", "json"])
        assert out.exit_code == 0, out.output
        evaluated.append(json.loads(out.stdout)["measures"])
    diff = runner.invoke(main, ["diff", *FLAGSHIPS, "--format", "json"])
    assert diff.exit_code == 0, diff.output
    pairs = json.loads(diff.stdout)["versions"]
    assert [p["measure"] for p in pairs] == sorted(set(evaluated[0]) | set(evaluated[1]))
    doc = (DOCS / "csar-versions.md").read_text(encoding="utf-8")
    for p in pairs:
        a, b = evaluated[0].get(p["measure"]), evaluated[1].get(p["measure"])
        assert p["verdict_before"] == (a["verdict"] if a else None)
        assert p["verdict_after"] == (b["verdict"] if b else None)
        assert p["ground_before"] == (a.get("ground") if a else None)
        assert p["ground_after"] == (b.get("ground") if b else None)
        row = (f"| {p['verdict_before'] or '—'} | {p['verdict_after'] or '—'} | "
               f"{p['ground_before'] or '—'} | {p['ground_after'] or '—'} |")
        assert any(line.startswith(f"| `{p['measure']}`") and row in line for line in doc.splitlines())
