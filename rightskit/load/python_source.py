"""Run a Python assessment file and take the assessment it defines.

A ``.py`` assessment is a program: rightskit runs it only when a user names it directly (never
through ``include:``, which accepts YAML only). Its exceptions are reported at the author's line.
"""

from __future__ import annotations

import os
import runpy
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError, Problem, RightskitError, SourceLocation
from ..model import Assessment as AssessmentModel
from .salvage import PartlyParsed

Locator = Callable[[tuple[int | str, ...]], SourceLocation | None]


def load_python(path: Path, shown: str) -> tuple[AssessmentModel, Locator]:
    """Execute ``path`` and return its ``assessment`` (a builder or a model) with a locator."""
    from ..authoring import Assessment as Builder

    real = os.fspath(path.resolve())
    old_path = list(sys.path)
    old_bytecode = sys.dont_write_bytecode
    old_modules = set(sys.modules)
    folder = path.resolve().parent
    sys.path.insert(0, os.fspath(folder))
    # Helpers the script imports from its folder must not leave __pycache__ there: inputs stay untouched.
    sys.dont_write_bytecode = True
    try:
        namespace = runpy.run_path(real, run_name="__rightskit_assessment__")
        value = namespace.get("assessment")
        if value is None and callable(namespace.get("build")):
            value = namespace["build"]()
    except RightskitError as exc:
        raise _relabel(exc, real, shown) from None
    except SyntaxError as exc:
        where = SourceLocation(shown, exc.lineno or 0, exc.offset or 0)
        raise InputError("syntax error", [Problem(f"Python syntax error: {exc.msg}", where)]) from None
    except SystemExit as exc:  # sys.exit() in the author's code must not end rightskit silently
        problem = _user_frame(exc, real, shown)
        raise InputError("the assessment script exited", [Problem(
            f"the script called exit({exc.code!r}) instead of defining 'assessment'", problem.location,
            "remove the exit() call")]) from None
    except Exception as exc:  # the author's code failed: report their line, not ours
        raise InputError("the assessment script failed", [_user_frame(exc, real, shown)]) from None
    finally:
        sys.path[:] = old_path
        sys.dont_write_bytecode = old_bytecode
        _forget_local_modules(old_modules, folder)
    if isinstance(value, Builder):
        locator: Locator = lambda p: _relabel_loc(value.locate(p), real, shown)  # noqa: E731
        try:
            model = value.build()
        except PartlyParsed as exc:
            relabelled = _relabel(exc, real, shown)
            raise PartlyParsed(exc.message, relabelled.problems, exc.total, exc.parts, locator, shown) from None
        except RightskitError as exc:
            raise _relabel(exc, real, shown) from None
        return model, locator
    if isinstance(value, AssessmentModel):
        return value, lambda p: SourceLocation(shown)
    if value is not None:
        raise InputError("wrong assessment type", [Problem(
            f"'assessment' is of type {type(value).__name__}, not a rightskit.Assessment",
            SourceLocation(shown, _assignment_line(real), 1),
            "assign the rightskit.Assessment you built (e.g. 'assessment = a')",
        )])
    raise InputError("no assessment", [Problem(
        "the file defines no 'assessment'", SourceLocation(shown, 1, 1),
        "assign a rightskit.Assessment to a module-level variable named 'assessment'",
    )])


def _assignment_line(real: str) -> int:
    """The line of the last module-level 'assessment = …' (or 'def build'), else 1."""
    import ast

    try:
        tree = ast.parse(Path(real).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return 1
    line = 1
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AnnAssign | ast.AugAssign) else []
        assigns = any(isinstance(t, ast.Name) and t.id == "assessment" for t in targets)
        if assigns or (isinstance(node, ast.FunctionDef) and node.name == "build"):
            line = node.lineno
    return line


def _forget_local_modules(before: set[str], folder: Path) -> None:
    """Unload the helper modules the script imported from its own folder: two assessments run in one
    process must not share a 'helpers' module (nor see each other's state through it)."""
    for name in set(sys.modules) - before:
        file = getattr(sys.modules.get(name), "__file__", None)
        if file and Path(file).resolve().is_relative_to(folder):
            del sys.modules[name]


def _user_frame(exc: BaseException, real: str, shown: str) -> Problem:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if os.path.realpath(f.filename) == real]
    line = frames[-1].lineno if frames else 0
    from ..authoring.keywords import keyword_hint

    return Problem(f"{type(exc).__name__}: {exc}", SourceLocation(shown, line or 0, 1),
                   keyword_hint(exc) or "fix the assessment script at this line")


def _relabel_loc(loc: SourceLocation | None, real: str, shown: str) -> SourceLocation | None:
    if loc is None:
        return None
    path = shown if os.path.realpath(loc.path) == real else loc.path
    return SourceLocation(path, loc.line, loc.col, loc.key_path)


def _relabel(exc: RightskitError, real: str, shown: str) -> RightskitError:
    problems = [Problem(p.message, _relabel_loc(p.location, real, shown), p.hint, p.severity) for p in exc.problems]
    return type(exc)(exc.message, problems, total=exc.total)


