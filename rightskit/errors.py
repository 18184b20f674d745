"""The one exception root of rightskit, and located problems.

Every error a user can cause is a :class:`RightskitError`. Input errors carry one or more
:class:`Problem` records, each with a :class:`SourceLocation`, so the CLI can print them all at
once as ``file:line:col: message — hint`` and exit non-zero without a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class SourceLocation:
    """Where something was written: a file, a 1-based line and column, and a key path."""

    path: str
    line: int = 0
    col: int = 0
    key_path: str = ""

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col or 1}"
        return self.path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, where it is, and how to fix it."""

    message: str
    location: SourceLocation | None = None
    hint: str = ""
    severity: str = "error"

    def format(self) -> str:
        """Render as ``file:line:col: key.path: message — hint``."""
        where = f"{self.location}: " if self.location else ""
        key = f"{self.location.key_path}: " if self.location and self.location.key_path else ""
        hint = f" — {self.hint}" if self.hint else ""
        return f"{where}{key}{self.message}{hint}"


class RightskitError(Exception):
    """Root of every error rightskit raises on purpose; the CLI prints it without a traceback."""

    exit_code = 1

    def __init__(self, message: str, problems: Sequence[Problem] = (), total: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems: list[Problem] = list(problems)
        self.total = total  # errors found, when more were found than ``problems`` lists (see capped)

    @property
    def error_count(self) -> int:
        """How many errors were found (the listed problems may be capped at MAX_PROBLEMS)."""
        listed = sum(1 for p in self.problems if p.severity == "error")
        return max(listed, self.total or 0)

    def format(self) -> str:
        """All problems, one per line, or the message when there are none."""
        if not self.problems:
            return self.message
        return "\n".join(p.format() for p in self.problems)


class InputError(RightskitError):
    """The assessment or framework input is invalid; carries every problem found."""


class FrameworkError(InputError):
    """A framework data file is invalid."""


class TemplateError(RightskitError):
    """A report template failed to load or render."""


class RenderError(RightskitError):
    """Producing an output (HTML, PDF, diagram) failed."""


class RenderWarning(UserWarning):
    """An output was written, but with less than was asked for (the CLI prints it as a warning line)."""


class UsageError(RightskitError):
    """The command line was wrong."""

    exit_code = 2


#: Most problems reported at once; the others are counted in a final note (documented in docs/limits.md).
#: Beyond a few hundred nobody reads them, and working out a hint for each would make a hostile file slow.
MAX_PROBLEMS = 200


def capped(problems: Sequence[Problem], total: int | None = None) -> list[Problem]:
    """The first :data:`MAX_PROBLEMS` of ``problems`` and, when there are more, a note counting the rest."""
    total = len(problems) if total is None else total
    shown = list(problems[:MAX_PROBLEMS])
    if total > len(shown):
        shown.append(Problem(f"… and {total - len(shown):,} more problem(s) not shown", None,
                             "fix the ones above first", "note"))
    return shown


@dataclass
class ProblemCollector:
    """Collects problems so a stage can report all of them and stop once."""

    problems: list[Problem] = field(default_factory=list)

    def add(
        self, message: str, location: SourceLocation | None = None, hint: str = "", severity: str = "error"
    ) -> None:
        self.problems.append(Problem(message, location, hint, severity))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def raise_if_any(self, summary: str, cls: type[InputError] = InputError) -> None:
        """Raise ``cls`` with every error collected so far, sorted by place."""
        errors = self.errors
        if errors:
            errors.sort(key=_problem_order)
            raise cls(f"{summary}: {len(errors)} problem(s)", capped(errors), total=len(errors))

    @property
    def full(self) -> bool:
        """True once more problems would not be shown: skip the work of hints for them."""
        return len(self.problems) >= MAX_PROBLEMS


def _problem_order(p: Problem) -> tuple[str, int, int, str]:
    loc = p.location
    return (loc.path, loc.line, loc.col, p.message) if loc else ("", 0, 0, p.message)


def did_you_mean(word: str, choices: Iterable[str], n: int = 3) -> str:
    """A hint naming the closest choices, or an empty string when none is close."""
    close = difflib.get_close_matches(word, sorted(set(choices)), n=n, cutoff=0.5)
    if not close:
        return ""
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
