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


# A document with every kind of value the loader meets; the tree path must build exactly what the
# generic constructor builds (values, types, marks), and refuse the same things with the same words.
EVERY_KIND = """\
title: "Quoted: text"
plain: words here
count: 12
ratio: 0.25
big: 1e3
yes_no: true
nothing: null
tilde: ~
day: 2022-06-01
tagged: !!str 5
as_float: !!float 3
list: [a, 1, {k: v}]
nested:
  - id: one
    items:
      - x
      - y: [1, 2]
  - id: two
"""


def _same(a: object, b: object) -> None:
    assert type(a) is type(b)
    if isinstance(a, LocDict) and isinstance(b, LocDict):
        assert list(a) == list(b) and a.key_marks == b.key_marks and (a.file, a.mark) == (b.file, b.mark)
        for key in a:
            _same(a[key], b[key])
    elif isinstance(a, LocList) and isinstance(b, LocList):
        assert len(a) == len(b) and a.item_marks == b.item_marks and (a.file, a.mark) == (b.file, b.mark)
        for x, y in zip(a, b, strict=True):
            _same(x, y)
    else:
        assert a == b


def test_a_document_without_anchors_is_built_as_the_generic_constructor_builds_it() -> None:
    from rightskit.load.yamlsource import _Loader

    tree = parse_yaml(EVERY_KIND, "f.yaml")
    loader = _Loader(EVERY_KIND)
    loader.display_name = "f.yaml"
    _same(tree, loader.construct_document(loader.get_single_node()))
    assert tree["tagged"] == "5" and tree["as_float"] == 3.0 and tree["day"] == "2022-06-01"
    assert tree["nothing"] is None and tree["yes_no"] is True and tree["big"] == "1e3"


@pytest.mark.parametrize("anchor", ["", "other: &a 1\n"])
@pytest.mark.parametrize(("body", "message", "line"), [
    ("a: 1\nb: 2\na: 3\n", "duplicate key 'a' (first at line", 3),
    ("a: 1\n1.5: x\n", "a mapping key must be a field name, not 1.5", 2),
    ("a:\n  - {? [x] : y}\n", "a mapping key must be a plain value", 2),
    ("a:\n  <<: {b: 1}\n", "YAML merge keys ('<<') are not supported", 2),
])
def test_the_tree_and_the_generic_path_refuse_alike(anchor: str, body: str, message: str, line: int) -> None:
    # With an anchor in the file the generic constructor builds it; without one, the tree path does.
    with pytest.raises(InputError) as caught:
        parse_yaml(body + anchor, "f.yaml")
    problem = caught.value.problems[0]
    assert message in problem.message
    assert (problem.location.path, problem.location.line) == ("f.yaml", line)
