"""The strict YAML reader: marks, duplicate keys, size guards."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightskit.errors import InputError
from rightskit.load.yamlsource import MAX_DEPTH, LocDict, LocList, locate, parse_yaml


def test_marks_point_at_keys_and_items() -> None:
    data = parse_yaml("a: 1\nlist:\n  - x: 1\n    y: 2\n  - z\n", "f.yaml")
    assert isinstance(data, LocDict) and isinstance(data["list"], LocList)
    assert str(locate(data, ("list", 0, "y"))) == "f.yaml:4:5"
    assert str(locate(data, ("list", 1))) == "f.yaml:5:5"
    # A path that leaves the data stops at the deepest marked place.
    assert str(locate(data, ("list", 7, "q"))) == "f.yaml:2:1"


def test_duplicate_key_names_both_lines() -> None:
    with pytest.raises(InputError) as info:
        parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    problem = info.value.problems[0]
    assert (problem.location.line, problem.location.col) == (3, 1)
    assert "duplicate key 'a' (first at line 1)" in problem.message


def test_dates_stay_strings_for_pydantic() -> None:
    assert parse_yaml("d: 2022-06-01\n", "f.yaml")["d"] == "2022-06-01"


def test_deep_nesting_is_refused() -> None:
    text = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    with pytest.raises(InputError) as info:
        parse_yaml(text, "deep.yaml")
    assert "nesting deeper than" in info.value.problems[0].message


def test_ten_thousand_levels_fail_fast_and_cleanly() -> None:
    text = "a: " + "[" * 10_000 + "]" * 10_000 + "\n"
    with pytest.raises(InputError) as info:
        parse_yaml(text, "deep.yaml")
    assert "nesting" in info.value.problems[0].message


def test_unknown_tag_is_refused() -> None:
    with pytest.raises(InputError) as info:
        parse_yaml("a: !!python/object:os.system ls\n", "tag.yaml")
    assert "unsupported YAML tag" in info.value.problems[0].message


def test_bom_is_accepted(tmp_path: Path) -> None:
    from rightskit.load.yamlsource import load_yaml

    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert load_yaml(path)["a"] == 1
