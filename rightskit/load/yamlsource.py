"""Strict YAML reading: line marks kept, duplicate keys rejected, bombs and giants refused.

Mappings load as :class:`LocDict` and sequences as :class:`LocList`. Both remember the file and
the 1-based line and column of each key or item, so later stages can point at the exact place of
any value, even after ``include:`` has merged several files.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError, Problem, SourceLocation

try:  # The C loader is several times faster; fall back where libyaml is absent.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the platform's PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

#: Largest YAML file accepted, in bytes. Documented in docs/limits.md.
MAX_FILE_BYTES = 16 * 1024 * 1024
#: Most nodes a document may expand to once aliases are followed (billion-laughs guard).
MAX_EXPANDED_NODES = 2_000_000
#: Most characters of text a document may expand to once aliases are followed (a file without aliases
#: holds at most MAX_FILE_BYTES).
MAX_EXPANDED_CHARS = 2 * MAX_FILE_BYTES
#: Deepest nesting accepted.
MAX_DEPTH = 64


class LocDict(dict[Any, Any]):
    """A dict that remembers where each key was written."""

    __slots__ = ("file", "key_marks", "mark")

    def __init__(self, file: str, mark: tuple[int, int]) -> None:
        super().__init__()
        self.file = file
        self.mark = mark
        # (file, line, col): the file is kept per key because include: merges sections across files.
        self.key_marks: dict[Any, tuple[str, int, int]] = {}

    def location(self, key: Any | None = None) -> SourceLocation:
        """Where ``key`` (or the mapping itself) was written."""
        if key is not None and key in self.key_marks:
            return SourceLocation(*self.key_marks[key])
        return SourceLocation(self.file, *self.mark)


class LocList(list[Any]):
    """A list that remembers where each item was written."""

    __slots__ = ("file", "item_marks", "mark")

    def __init__(self, file: str, mark: tuple[int, int]) -> None:
        super().__init__()
        self.file = file
        self.mark = mark
        self.item_marks: list[tuple[str, int, int]] = []

    def location(self, index: int | None = None) -> SourceLocation:
        """Where item ``index`` (or the sequence itself) was written."""
        if index is not None and 0 <= index < len(self.item_marks):
            return SourceLocation(*self.item_marks[index])
        return SourceLocation(self.file, *self.mark)


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Loader(_BaseLoader):
    """Safe loader that builds LocDict/LocList and rejects duplicate keys."""

    display_name = "<input>"

    def construct_yaml_map(self, node: yaml.MappingNode) -> Any:
        data = LocDict(self.display_name, _mark(node))
        yield data
        for key_node, value_node in node.value:
            key = self._key(self.construct_object(key_node, deep=True), key_node, data)
            data[key] = self.construct_object(value_node, deep=True)
            data.key_marks[key] = (self.display_name, *_mark(key_node))

    def construct_yaml_seq(self, node: yaml.SequenceNode) -> Any:
        data = LocList(self.display_name, _mark(node))
        yield data
        for child in node.value:
            data.append(self.construct_object(child, deep=True))
            data.item_marks.append((self.display_name, *_mark(child)))

    def _key(self, key: Any, key_node: yaml.Node, data: LocDict) -> str:
        """``key`` if it may be a key of ``data``: a field name, not yet used."""
        if not isinstance(key, str):
            # Every key in rightskit's formats is a field name; 'null:', '1.5:' or 'yes:' would
            # otherwise reach pydantic, which reports them without a place ("keys should be strings").
            plain = isinstance(key, int | float | bool) or key is None
            message = f"a mapping key must be a field name, not {key!r}" if plain else \
                "a mapping key must be a plain value"
            raise _located(self.display_name, key_node, message, "quote the key")
        if key in data:
            first = data.key_marks[key]
            raise _located(
                self.display_name,
                key_node,
                f"duplicate key '{key}' (first at line {first[1]})",
                "remove one of them; YAML would silently keep only the last",
            )
        return key

    def construct_tree(self, node: yaml.Node) -> Any:
        """Construct a document without anchors: the same values as ``construct_document``, made directly.

        A tree needs none of the generic constructor's bookkeeping for shared and recursive nodes
        (a generator per container, a table of constructed nodes), which cost as much as parsing.
        Plain mappings, sequences and strings are built here; any other node goes through the
        registered constructor, so every tag means what it means to the generic path.
        """
        tag = node.tag
        if tag == _STR and type(node) is yaml.ScalarNode:
            return node.value
        file = self.display_name
        if tag == _MAP and type(node) is yaml.MappingNode:
            data = LocDict(file, _mark(node))
            for key_node, value_node in node.value:
                key = self._key(self.construct_tree(key_node), key_node, data)
                data[key] = self.construct_tree(value_node)
                start = key_node.start_mark
                data.key_marks[key] = (file, start.line + 1, start.column + 1)
            return data
        if tag == _SEQ and type(node) is yaml.SequenceNode:
            items = LocList(file, _mark(node))
            for child in node.value:
                items.append(self.construct_tree(child))
                start = child.start_mark
                items.item_marks.append((file, start.line + 1, start.column + 1))
            return items
        return self.construct_object(node, deep=True)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
            raise _located(self.display_name, node, f"number with {len(str(node.value)):,} characters is too large",
                           "write a smaller number") from None

    def construct_undefined(self, node: yaml.Node) -> Any:
        if node.tag == "tag:yaml.org,2002:merge":
            raise _located(self.display_name, node, "YAML merge keys ('<<') are not supported",
                           "write the fields out in full")
        raise _located(self.display_name, node, f"unsupported YAML tag {node.tag!r}", "remove the tag")


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_yaml_seq)
_Loader.add_constructor(None, _Loader.construct_undefined)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
# Timestamps stay strings so pydantic owns date parsing and its error messages.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)  # type: ignore[type-var]


class _LocatedYAMLError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _located(file: str, node: yaml.Node, message: str, hint: str = "") -> _LocatedYAMLError:
    line, col = _mark(node)
    return _LocatedYAMLError(Problem(message, SourceLocation(file, line, col), hint))


def _check_tree(root: yaml.Node, file: str) -> None:
    """The size check of a document without anchors (so without aliases): a tree, walked once.

    Its text is bounded by the file-size limit, so only the nesting depth and the node count are
    checked; nodes are visited in the same order as :func:`_check_size`, so errors point at the same place.
    """
    count = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _located(file, node, f"nesting deeper than {MAX_DEPTH} levels", "flatten the structure")
        count += 1
        value = node.value
        if isinstance(value, list) and value:
            children = [n for pair in value for n in pair] if isinstance(node, yaml.MappingNode) else value
            stack.extend((c, depth + 1) for c in children)
    if count > MAX_EXPANDED_NODES:
        raise _located(file, root, f"document has more than {MAX_EXPANDED_NODES:,} nodes",
                       "split it with include:")


def _check_size(root: yaml.Node, file: str) -> None:
    """Refuse documents whose alias expansion or nesting is too large, before constructing them."""
    sizes: dict[int, tuple[int, int]] = {}  # node -> (nodes, characters of text) once aliases are followed
    # Iterative post-order walk: a recursive one would overflow on deep documents.
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        if id(node) in sizes:
            continue
        if depth > MAX_DEPTH:
            raise _located(file, node, f"nesting deeper than {MAX_DEPTH} levels", "flatten the structure")
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if done or not children:
            total = 1 + sum(sizes[id(c)][0] for c in children)
            chars = len(node.value) if isinstance(node, yaml.ScalarNode) else sum(sizes[id(c)][1] for c in children)
            if total > MAX_EXPANDED_NODES:
                raise _located(
                    file, node, f"document expands to more than {MAX_EXPANDED_NODES:,} nodes (alias bomb?)",
                    "remove the repeated aliases (&/*)",
                )
            if chars > MAX_EXPANDED_CHARS:
                # Few aliases of one long text would pass the node count and still fill the disk with reports.
                raise _located(
                    file, node, f"document expands to more than {MAX_EXPANDED_CHARS:,} characters of text "
                    "(alias bomb?)", "remove the repeated aliases (&/*) of long texts",
                )
            sizes[id(node)] = (total, chars)
            continue
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)


def read_text(path: Path, display: str) -> str:
    """Read a UTF-8 file with size and encoding checks; every failure is a located InputError."""
    loc = SourceLocation(display)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{display}: not found", [Problem("file not found", loc, "check the path")]) from None
    except OSError as exc:
        raise InputError(str(exc), [Problem(f"cannot read: {exc.strerror}", loc)]) from None
    if not stat.S_ISREG(info.st_mode):
        # A device, FIFO or socket (e.g. a symlink to /dev/zero) would never end or never answer.
        raise InputError("not a regular file", [Problem("not a regular file", loc, "name a .yaml file")])
    too_large = Problem(f"file is {info.st_size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit", loc,
                        "split it with include:")
    if info.st_size > MAX_FILE_BYTES:
        raise InputError("file too large", [too_large])
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise InputError(str(exc), [Problem(f"cannot read: {exc.strerror}", loc)]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError("file too large", [Problem(f"file is over the {MAX_FILE_BYTES:,}-byte limit", loc,
                                                    "split it with include:")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            "not UTF-8",
            [Problem(f"invalid UTF-8 byte 0x{raw[exc.start]:02x}", SourceLocation(display, line, col),
                     "save the file as UTF-8")],
        ) from None
    return text.removeprefix("\ufeff")


def load_yaml(path: Path, display: str | None = None) -> Any:
    """Load one YAML file into LocDict/LocList values, or raise a located InputError."""
    shown = display or os.fspath(path)
    text = read_text(path, shown)
    if not text.strip():
        raise InputError("empty file", [Problem("file is empty", SourceLocation(shown, 1, 1), "add content")])
    return parse_yaml(text, shown)


def parse_yaml(text: str, display: str) -> Any:
    """Parse YAML text (one document) with the strict loader."""
    loader = _Loader(text)
    loader.display_name = display
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError("empty document", [Problem("document is empty", SourceLocation(display, 1, 1))])
        # Aliases need anchors ('&'): a document without one is a tree, checked and built in one pass each.
        if "&" in text:
            _check_size(node, display)
            return loader.construct_document(node)
        _check_tree(node, display)
        return loader.construct_tree(node)
    except _LocatedYAMLError as exc:
        raise InputError(exc.problem.message, [exc.problem]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = SourceLocation(display, mark.line + 1, mark.column + 1) if mark else SourceLocation(display)
        what = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem and exc.problem.startswith("but "):
            what = f"{exc.context}, {exc.problem}"  # 'expected a single document …, but found another document'
        raise InputError("YAML syntax error", [Problem(f"YAML syntax error: {what}", where,
                                                       "check indentation and quoting")]) from None
    except yaml.reader.ReaderError as exc:
        # A character YAML forbids in a file (NUL, other control characters): point at it.
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = ord(exc.character) if isinstance(exc.character, str) else int(exc.character)
        raise InputError("YAML error", [Problem(
            f"character U+{char:04X} is not allowed in YAML ({exc.reason})", SourceLocation(display, line, col),
            "remove it, or write it as an escape such as \"\\x07\" inside double quotes")]) from None
    except yaml.YAMLError as exc:
        raise InputError("YAML error", [Problem(f"YAML error: {exc}", SourceLocation(display))]) from None
    except RecursionError:
        raise InputError("too deep", [Problem("nesting too deep to read", SourceLocation(display, 1, 1),
                                              "flatten the structure")]) from None
    finally:
        loader.dispose()


def locate(data: Any, path: tuple[int | str, ...]) -> SourceLocation | None:
    """The location of the value at ``path`` in loaded data: the deepest marked container wins."""
    best: SourceLocation | None = None
    node = data
    for step in path:
        if isinstance(node, LocDict):
            if step not in node:
                best = best or node.location()
                break
            best = node.location(step)
            node = node[step]
        elif isinstance(node, LocList) and isinstance(step, int):
            if not 0 <= step < len(node):
                best = best or node.location()
                break
            best = node.location(step)
            node = node[step]
        else:
            break
    else:
        if isinstance(node, LocDict | LocList) and best is None:
            best = node.location()
    return best
