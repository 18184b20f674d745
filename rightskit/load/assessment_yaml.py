"""Read a YAML assessment and the files it includes into one located raw document."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem, ProblemCollector, SourceLocation
from .yamlsource import LocDict, LocList, load_yaml

#: Sections an included file may contribute; they are appended in include order.
LIST_SECTIONS = ("sources", "rights", "aims", "measures", "safeguards", "alternatives")
#: Most files one assessment may span (include fan-out guard). Documented in docs/limits.md.
MAX_INCLUDED_FILES = 200


def display_path(path: Path) -> str:
    """The path as the user wrote it (normalised), so messages match what they typed."""
    return os.path.normpath(os.fspath(path))


def read_assessment_yaml(root_file: Path) -> tuple[LocDict, list[Path]]:
    """Load ``root_file`` and merge its ``include:`` files; report every include problem at once.

    Returns the merged document and every file read, the main file first.
    """
    root_dir = root_file.resolve().parent
    problems = ProblemCollector()
    seen: set[Path] = set()
    merged = _load(root_file, root_dir, (), problems, seen, is_root=True)
    problems.raise_if_any("cannot read the assessment")
    assert merged is not None
    return merged, [root_file.resolve(), *sorted(seen)]


def _load(
    file: Path, root_dir: Path, stack: tuple[Path, ...], problems: ProblemCollector, seen: set[Path], is_root: bool
) -> LocDict | None:
    real = file.resolve()
    shown = display_path(file)
    data = load_yaml(file, shown)
    if not isinstance(data, LocDict):
        problems.add("an assessment file must be a mapping of sections", SourceLocation(shown, 1, 1),
                     "start with 'id:', 'title:' or a section such as 'measures:'")
        return None
    includes = data.pop("include", None)
    include_mark = data.key_marks.pop("include", None)
    if not is_root:
        for key in list(data):
            if key not in LIST_SECTIONS:
                problems.add(
                    f"an included file may only hold {', '.join(LIST_SECTIONS)}; found '{key}'",
                    data.location(key), "move it to the main assessment file",
                )
                del data[key]
    if includes is None:
        return data
    if not isinstance(includes, LocList):
        where = SourceLocation(*include_mark) if include_mark else data.location()
        problems.add("'include' must be a list of file names", where, "write include: [other.yaml]")
        return data
    for index, name in enumerate(includes):
        where = includes.location(index)
        target = _include_target(name, file, root_dir, where, problems)
        if target is None:
            continue
        resolved = target.resolve()
        if resolved in (*stack, real):
            chain = " -> ".join(p.name for p in (*stack, real, resolved))
            problems.add(f"include cycle: {chain}", where, "remove one of the includes")
            continue
        if len(seen) >= MAX_INCLUDED_FILES:
            problems.add(f"more than {MAX_INCLUDED_FILES} included files", where, "merge some files")
            break
        seen.add(resolved)
        try:
            child = _load(target, root_dir, (*stack, real), problems, seen, is_root=False)
        except InputError as exc:
            problems.problems.extend(exc.problems)
            continue
        if child is not None:
            _merge(data, child)
    return data


def _include_target(
    name: Any, file: Path, root_dir: Path, where: SourceLocation, problems: ProblemCollector
) -> Path | None:
    if not isinstance(name, str) or not name.strip():
        problems.add("an include must be a file name", where, "write a relative path such as 'measures.yaml'")
        return None
    if os.path.isabs(name) or name.startswith("~"):
        problems.add(f"absolute include path '{name}'", where, "use a path relative to the assessment's folder")
        return None
    if not name.endswith((".yaml", ".yml")):
        problems.add(f"include '{name}' is not a YAML file", where,
                     "only .yaml files can be included; YAML never runs code")
        return None
    target = (file.parent / name).resolve()
    shown = Path(display_path(file.parent / name))
    if not target.is_relative_to(root_dir):
        problems.add(f"include '{name}' points outside the assessment's folder", where,
                     "keep every included file inside the folder of the main file")
        return None
    if not target.is_file():
        problems.add(f"included file '{name}' not found", where, "check the name and path")
        return None
    return shown


def _merge(into: LocDict, child: LocDict) -> None:
    for key in LIST_SECTIONS:
        if key not in child:
            continue
        items = child[key]
        if key not in into:
            into[key] = items
            into.key_marks[key] = child.key_marks[key]
            continue
        target = into[key]
        if isinstance(target, LocList) and isinstance(items, LocList):
            # Items keep their own file and marks, so errors point into the included file.
            target.extend(items)
            target.item_marks.extend(items.item_marks)
        else:
            raise InputError("bad section", [Problem(f"'{key}' must be a list", child.location(key))])
