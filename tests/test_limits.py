"""Resource limits (docs/limits.md): each hostile input fails fast with a located message, or completes.

Memory is asserted with tracemalloc where that is cheap; wall time is never asserted (speed is measured in
benchmarks/). Big inputs are generated at run time, never committed.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from rightskit.cli import main
from rightskit.errors import MAX_PROBLEMS, InputError
from rightskit.load.assessment_yaml import MAX_INCLUDED_FILES
from rightskit.load.yamlsource import MAX_DEPTH, MAX_EXPANDED_CHARS, MAX_EXPANDED_NODES, MAX_FILE_BYTES
from rightskit.pipeline import load
from rightskit.render.diagram_set import SVG_MEASURE_VIEWS_UP_TO
from rightskit.render.opinion import ARGUED_UP_TO, TRACE_FINDINGS_UP_TO
from rightskit.render.pdf import PDF_DETAIL_LIMIT

HEAD = "id: limits\ntitle: Limits\nas_of: 2022-06-01\nframeworks: [eu-charter]\n"
MB = 1024 * 1024


@contextmanager
def peak_memory(limit_mb: float) -> Iterator[None]:
    """Fail when Python allocations peak above ``limit_mb`` inside the block."""
    tracemalloc.start()
    try:
        yield
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < limit_mb * MB, f"peak {peak / MB:.0f} MB, over {limit_mb} MB"


def write(folder: Path, text: str, name: str = "assessment.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def refused(path: Path, limit_mb: float) -> InputError:
    with peak_memory(limit_mb), pytest.raises(InputError) as info:
        load(path)
    assert info.value.problems and info.value.problems[0].location is not None
    return info.value


def test_the_documented_limits_are_the_code_limits() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "limits.md").read_text(encoding="utf-8")
    for value in (f"{MAX_FILE_BYTES // MB} MiB", f"{MAX_EXPANDED_NODES:,}", f"{MAX_DEPTH} levels",
                  f"{MAX_INCLUDED_FILES}", f"{MAX_EXPANDED_CHARS // MB} MiB", f"{MAX_PROBLEMS}",
                  f"| {PDF_DETAIL_LIMIT} |", f"| up to {ARGUED_UP_TO} |", f"| {SVG_MEASURE_VIEWS_UP_TO:,} |",
                  f"| {TRACE_FINDINGS_UP_TO:,} | `rightskit/render/opinion.py` `TRACE_FINDINGS_UP_TO`"):
        assert value in doc, value


# --- alias bombs -------------------------------------------------------------------------------------------


def test_billion_laughs_is_refused_before_it_expands(tmp_path: Path) -> None:
    levels = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 10))
    path = write(tmp_path, HEAD + "l0: &l0 lol\n" + levels)
    error = refused(path, limit_mb=50)
    assert "expands to more than" in error.problems[0].message
    assert error.problems[0].location.path == str(path)


def test_wide_alias_fan_out_is_refused(tmp_path: Path) -> None:
    row = "[" + ", ".join(["x"] * 1000) + "]"
    path = write(tmp_path, HEAD + f"rows: &rows {row}\nmany: [" + ", ".join(["*rows"] * 3000) + "]\n")
    error = refused(path, limit_mb=100)
    assert f"expands to more than {MAX_EXPANDED_NODES:,} nodes" in error.problems[0].message


def test_a_document_without_anchors_is_counted_too(tmp_path: Path) -> None:
    """No '&' in the text takes the one-pass tree check; it still refuses more than the node limit."""
    path = write(tmp_path, HEAD + "rows: [" + ",".join(["0"] * (MAX_EXPANDED_NODES + 1)) + "]\n")
    with pytest.raises(InputError) as info:
        load(path)
    problem = info.value.problems[0]
    assert f"more than {MAX_EXPANDED_NODES:,} nodes" in problem.message
    assert problem.location is not None and problem.location.line == 1


def test_aliases_of_a_long_text_are_refused(tmp_path: Path) -> None:
    """Few nodes, many bytes: 100 aliases of a 1 MB text would make every report 100 MB or more."""
    path = write(tmp_path, HEAD + "authors:\n  - &long " + "x" * MB + "\n" + "  - *long\n" * 100)
    error = refused(path, limit_mb=60)
    assert f"expands to more than {MAX_EXPANDED_CHARS:,} characters" in error.problems[0].message


def test_merge_keys_cannot_smuggle_aliases(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "base: &base {kind: detection}\nmeasures:\n  - <<: *base\n    id: m\n    title: M\n")
    error = refused(path, limit_mb=20)
    assert "merge keys" in error.problems[0].message


# --- nesting -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("style", ["flow-lists", "flow-maps", "block-lists"])
def test_ten_thousand_levels_fail_fast_with_a_location(style: str, tmp_path: Path) -> None:
    depth = 10_000
    if style == "flow-lists":
        body = "summary: " + "[" * depth + "]" * depth + "\n"
    elif style == "flow-maps":
        body = "summary: " + "{a: " * depth + "x" + "}" * depth + "\n"
    else:  # block sequences nest on one line: '- - - x'
        body = "summary:\n  " + "- " * depth + "x\n"
    path = write(tmp_path, HEAD + body)
    error = refused(path, limit_mb=200)
    assert "nesting" in error.problems[0].message or "too deep" in error.problems[0].message
    assert error.problems[0].location.line >= 1


# --- sizes -------------------------------------------------------------------------------------------------


def test_a_sparse_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "assessment.yaml"
    with path.open("wb") as handle:
        handle.truncate(1024 * MB)  # 1 GiB of holes: refusing must not read it
    error = refused(path, limit_mb=5)
    assert f"over the {MAX_FILE_BYTES:,}-byte limit" in error.problems[0].message


def test_a_ten_megabyte_text_is_refused_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "measures:\n  - id: m\n    title: M\n    kind: detection\n"
                               "    description: " + "y" * (10 * MB) + "\n")
    error = refused(path, limit_mb=120)
    problem = error.problems[0]
    assert "at most 20000 characters" in problem.message
    assert (problem.location.line, problem.location.key_path) == (9, "measures[0].description")


def test_a_huge_integer_is_refused_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "measures:\n  - id: m\n    title: M\n    kind: detection\n"
                               "    max_duration_months: " + "9" * 5000 + "\n")
    error = refused(path, limit_mb=20)
    assert "too large" in error.problems[0].message and error.problems[0].location.line == 9


def test_a_device_named_as_assessment_is_refused(tmp_path: Path) -> None:
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    error = refused(tmp_path / "zero.yaml", limit_mb=5)
    assert "not a regular file" in error.problems[0].message


# --- many items --------------------------------------------------------------------------------------------


def _many(section: str, n: int) -> Callable[[int], str]:
    return {
        "aims": lambda i: f"  - {{id: aim-{i}, title: Aim {i}, kind: general-interest}}\n",
        "sources": lambda i: f"  - {{id: s-{i}, title: Source {i}, kind: report, url: 'https://example.org/{i}'}}\n",
    }[section]


@pytest.mark.slow
@pytest.mark.parametrize("section", ["aims"])
def test_a_hundred_thousand_items_load(section: str, tmp_path: Path) -> None:
    """Decided: 100,000 aims or sources is a large but legal assessment; it loads (timed in benchmarks/).

    Aims stand for every list section: sources take the same path through the loader (measured in benchmarks).
    """
    item = _many(section, 100_000)
    path = write(tmp_path, HEAD + f"{section}:\n" + "".join(item(i) for i in range(100_000)))
    resolved = load(path)
    assert len(getattr(resolved.assessment, section)) == 100_000


def test_a_hundred_thousand_errors_are_counted_not_listed(tmp_path: Path) -> None:
    """Every bad reference is counted, the first MAX_PROBLEMS are listed with their lines and hints."""
    cites = "".join(f"      - missing-{i}\n" for i in range(100_000))
    path = write(tmp_path, HEAD + "measures:\n  - id: m\n    title: M\n    kind: detection\n    cite:\n" + cites)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{path}:10:9: measures[0].cite[0].ref: unknown citation target 'missing-0'")
    assert len(lines) <= MAX_PROBLEMS + 3
    assert f"… and {100_000 - MAX_PROBLEMS:,} more problem(s) not shown" in result.stderr


def test_a_hundred_thousand_unknown_fields_are_counted_not_listed(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "".join(f"field{i}: {i}\n" for i in range(100_000)))
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:5:1: field0: unknown field 'field0'")
    assert len(result.stderr.splitlines()) <= MAX_PROBLEMS + 3
    assert "more problem(s) not shown" in result.stderr


# --- includes ----------------------------------------------------------------------------------------------


def test_a_chain_of_includes_over_the_limit_is_refused(tmp_path: Path) -> None:
    n = MAX_INCLUDED_FILES + 20
    write(tmp_path, HEAD + "include: [part-0.yaml]\n")
    for i in range(n):
        nxt = f"include: [part-{i + 1}.yaml]\n" if i + 1 < n else ""
        write(tmp_path, f"aims:\n  - {{id: aim-{i}, title: Aim {i}, kind: general-interest}}\n{nxt}",
              name=f"part-{i}.yaml")
    with pytest.raises(InputError) as info:
        load(tmp_path / "assessment.yaml")
    problem = info.value.problems[0]
    assert f"more than {MAX_INCLUDED_FILES} included files" in problem.message
    assert problem.location is not None and problem.location.path.endswith(f"part-{MAX_INCLUDED_FILES - 1}.yaml")


def test_included_files_count_towards_the_size_limits(tmp_path: Path) -> None:
    """An alias bomb in an included file is refused like one in the main file, at its own line."""
    levels = "".join(f"x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 10) + "]\n" for i in range(1, 10))
    write(tmp_path, HEAD + "include: [bomb.yaml]\n")
    write(tmp_path, "x0: &x0 lol\n" + levels, name="bomb.yaml")
    with peak_memory(50), pytest.raises(InputError) as info:
        load(tmp_path / "assessment.yaml")
    assert info.value.problems[0].location.path.endswith("bomb.yaml")
    assert "expands to more than" in info.value.problems[0].message


@pytest.mark.parametrize(("section", "limit"), [("authors", 500), ("conditions", 20000)])
def test_every_text_list_is_capped(section: str, limit: int, tmp_path: Path) -> None:
    """Author names and safeguard conditions have a length cap like every other text (none was unbounded)."""
    item = "z" * (2 * MB)
    body = f"authors:\n  - {item}\n" if section == "authors" else \
        f"safeguards:\n  - id: s\n    title: S\n    conditions:\n      - {item}\n"
    path = write(tmp_path, HEAD + body)
    error = refused(path, limit_mb=60)
    assert f"at most {limit} characters" in error.problems[0].message
    assert error.problems[0].location.line == (6 if section == "authors" else 9)
