"""Every broken input gets a located message and exit 1, never a traceback, and is never modified."""

from __future__ import annotations

import contextlib
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
    folders = {p.name for p in HERE.iterdir() if p.is_dir() and p.name not in ("frameworks", "templates")}
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
    for at, says in expected.get("also", {}).items():
        assert any(ln.startswith(at + ": ") and says in ln for ln in result.stderr.splitlines()), result.stderr
    if "errors" in expected:
        assert result.stderr.rstrip().endswith(f"rightskit: {expected['errors']} error(s)"), result.stderr
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


# --- Cases built at run time: symlinks (never committed), fan-out and giants (too big to commit) -------------------

HEAD = "id: {case}\ntitle: {case}\nas_of: 2022-06-01\nframeworks: [eu-charter]\n"


def _include_symlink_file(root: Path) -> str:
    (root / "outside").mkdir()
    (root / "outside" / "secret.yaml").write_text("measures:\n  - {id: x, title: X, kind: detection}\n",
                                                   encoding="utf-8")
    (root / "case").mkdir()
    (root / "case" / "link.yaml").symlink_to(Path("..") / "outside" / "secret.yaml")
    (root / "case" / "assessment.yaml").write_text(HEAD.format(case="symlink") + "include:\n  - link.yaml\n",
                                                   encoding="utf-8")
    return "case"


def _include_symlink_folder(root: Path) -> str:
    (root / "outside").mkdir()
    (root / "outside" / "secret.yaml").write_text("aims: []\n", encoding="utf-8")
    (root / "case").mkdir()
    (root / "case" / "parts").symlink_to(root / "outside", target_is_directory=True)
    (root / "case" / "assessment.yaml").write_text(
        HEAD.format(case="symlink-folder") + "include:\n  - parts/secret.yaml\n", encoding="utf-8")
    return "case"


def _include_fan_out(root: Path) -> str:
    from rightskit.load.assessment_yaml import MAX_INCLUDED_FILES

    (root / "case").mkdir()
    names = [f"part-{i:03d}.yaml" for i in range(MAX_INCLUDED_FILES + 5)]
    for i, name in enumerate(names):
        (root / "case" / name).write_text(f"aims:\n  - {{id: aim-{i}, title: Aim {i}, kind: general-interest}}\n",
                                          encoding="utf-8")
    (root / "case" / "assessment.yaml").write_text(
        HEAD.format(case="fan-out") + "include:\n" + "".join(f"  - {n}\n" for n in names), encoding="utf-8")
    return "case"


def _ten_megabyte_string(root: Path) -> str:
    (root / "case").mkdir()
    with (root / "case" / "assessment.yaml").open("w", encoding="utf-8") as handle:
        handle.write(HEAD.format(case="giant-string"))
        handle.write("summary: " + "x" * (10 * 1024 * 1024) + "\n")
    return "case"


def _symlink_to_device(root: Path) -> str:
    (root / "case").mkdir()
    (root / "case" / "zero.yaml").symlink_to("/dev/zero")
    return "case/zero.yaml"


# name -> (builder, expected location relative to tmp_path, words of the message)
RUNTIME_CASES = {
    "include-symlink-file": (_include_symlink_file, "case/assessment.yaml:6:5",
                             "include 'link.yaml' points outside the assessment's folder"),
    "include-symlink-folder": (_include_symlink_folder, "case/assessment.yaml:6:5",
                               "include 'parts/secret.yaml' points outside the assessment's folder"),
    "include-fan-out": (_include_fan_out, "case/assessment.yaml:206:5", "more than 200 included files"),
    "ten-megabyte-string": (_ten_megabyte_string, "case/assessment.yaml:5:1",
                            "summary: string should have at most 20000 characters"),
    "symlink-to-device": (_symlink_to_device, "case/zero.yaml", "not a regular file"),
}


@pytest.mark.parametrize("case", sorted(RUNTIME_CASES))
def test_invalid_input_built_at_run_time(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build, at, says = RUNTIME_CASES[case]
    target = build(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = _digest(tmp_path / "case")
    result = CliRunner().invoke(main, ["check", target])
    assert result.exit_code == 1, result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith(at + ": "), first
    assert says in first, result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert _digest(tmp_path / "case") == before, "rightskit modified its input"
    if (tmp_path / "outside").exists():
        assert "secret" not in result.stdout  # nothing from outside the folder was read into the summary


def test_invalid_fixtures_span_every_area() -> None:
    """At least 60 broken inputs, across YAML, Python authoring, frameworks, templates and the command line."""
    frameworks = list((HERE / "frameworks").glob("*.yaml"))
    templates = [p for p in (HERE / "templates").iterdir() if p.is_dir()]
    python = [c for c in CASES if (HERE / c / "assessment.py").exists()]
    yaml_cases = [c for c in CASES if c not in python]
    assert len(yaml_cases) >= 40 and len(python) >= 8 and len(frameworks) >= 8 and len(templates) >= 5
    assert len(CASES) + len(RUNTIME_CASES) + len(frameworks) + len(templates) >= 60


@pytest.mark.parametrize("case", sorted(CASES))
def test_render_of_invalid_input_fails_the_same_way_and_writes_nothing(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(HERE)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", case, "-o", str(out), "--format", "json,md"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[0].startswith(CASES[case]["at"] + ": ")
    assert "Traceback" not in result.output + result.stderr
    assert not out.exists() or not any(out.rglob("*")), "a failed render left files behind"


@pytest.mark.parametrize("case", sorted(CASES))
def test_parts_that_parsed_resolve_without_an_internal_error(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reference checks of a partly parsed assessment raise located problems, never something else
    (which with_reference_problems would swallow, hiding the reference errors)."""
    from rightskit.load import FrameworkLibrary, PartlyParsed, load_assessment, packaged_frameworks_dir, resolve

    monkeypatch.chdir(HERE)
    try:
        load_assessment(Path(case))
    except PartlyParsed as exc:
        if exc.parts is not None:
            with contextlib.suppress(InputError):  # located problems: what the check wants
                resolve(exc.parts, FrameworkLibrary([packaged_frameworks_dir()]), exc.locator,  # type: ignore[arg-type]
                        exc.display)
    except InputError:
        pass
