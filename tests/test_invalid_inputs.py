"""Every broken input gets a located message and exit 1, never a traceback, and is never modified."""

from __future__ import annotations

import hashlib
import os
import tracemalloc
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from rightskit.cli import main
from rightskit.errors import InputError
from rightskit.pipeline import load

HERE = Path(__file__).parent / "fixtures" / "invalid"
CASES = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))


def _digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_fixture_has_an_expectation() -> None:
    folders = {p.name for p in HERE.iterdir() if p.is_dir() and p.name not in ("frameworks",)}
    assert folders == set(CASES), "add the missing case to tests/fixtures/invalid/cases.yaml"


@pytest.mark.parametrize("case", sorted(CASES))
def test_invalid_input(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    before = _digest(HERE / case)
    result = CliRunner().invoke(main, ["check", case])
    expected = CASES[case]
    assert result.exit_code == 1, result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith(expected["at"] + ": "), first
    assert expected["says"] in result.stderr, result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert _digest(HERE / case) == before, "rightskit modified its input"


def test_missing_path_is_reported(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'nope.yaml'}: file not found — check the path")


def test_folder_without_assessment(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert "no assessment.yaml / assessment.yml / assessment.py in this folder" in result.stderr


def test_alias_bomb_is_refused_cheaply() -> None:
    tracemalloc.start()
    with pytest.raises(InputError) as info:
        load(HERE / "alias-bomb")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "alias bomb" in info.value.problems[0].message
    assert peak < 100 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"


def test_fifty_megabyte_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "assessment.yaml"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("id: big\ntitle: Big\nas_of: 2022-06-01\nframeworks: [eu-charter]\nsummary: |\n")
        line = "  " + "x" * 1022 + "\n"
        for _ in range(50 * 1024):
            handle.write(line)
    assert big.stat().st_size > 50 * 1024 * 1024
    result = CliRunner().invoke(main, ["check", str(big)])
    assert result.exit_code == 1
    assert "over the 16,777,216-byte limit" in result.stderr
    assert result.stderr.startswith(f"{big}: ")


def test_debug_shows_traceback_only_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    result = CliRunner().invoke(main, ["--debug", "check", "unknown-field"])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)


def test_every_error_is_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / "assessment.yaml").write_text(
        "id: many\ntitle: Many\nas_of: 2022-06-01\nframeworks: [eu-charter]\nmeasures:\n"
        "  - {id: a, title: A, kind: detection, colour: red}\n"
        "  - {id: b, title: B, kind: scanning}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(tmp_path / "assessment.yaml")])
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(str(tmp_path))]
    assert len(lines) == 2 and ":6:" in lines[0] and ":7:" in lines[1], result.stderr
    assert os.path.exists(tmp_path / "assessment.yaml")
