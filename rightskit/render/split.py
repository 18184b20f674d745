"""Helper processes for a large report: results.json, and the last measure sections of the HTML.

Rendering is pure Python and holds the GIL, so threads cannot share it; forked processes can. A
split render forks twice:

1. right after the evaluation, a helper writes ``results.json`` while the parent draws the
   diagrams and builds the report context;
2. once the context is built, a second helper renders the sections of the last measures into a
   temporary file while the parent renders the rest of the report. Where those sections belong,
   the parent's template output carries a one-off token; the parent writes everything before it,
   then the helper's sections, then the rest. The file is byte-identical to a one-process render.

A helper reports a failure to the parent, which raises it; a parent that fails stops its helpers,
and no temporary file is left behind.

When the split is used (:func:`can_split`):

- the caller asked for it (``rightskit render`` does, unless ``--jobs 1``), the platform can
  fork and the machine has two or more CPUs;
- the report has between :data:`SPLIT_FROM` and :data:`SPLIT_UP_TO` measures. Below, a fork costs
  more than it saves. Above, the helpers' copy-on-write pages (they read a large share of the
  results and of the context) would add a few hundred megabytes to a process that already holds
  most of a gigabyte: very large reports are rendered in one process to keep their memory bounded;
- the shipped templates are used (a user's ``report.html.j2`` may place the sections differently).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import secrets
import signal
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..errors import RenderError, RightskitError
from .diagrams import EMBED_MEASURES_UP_TO

if TYPE_CHECKING:
    from .records import ReportContext

#: Fewest measures for which the report is split over processes.
SPLIT_FROM = 200
#: Most measures for which it is (see the module's docstring); documented in docs/limits.md.
SPLIT_UP_TO = 5_000
#: Share of the measure sections the sections helper renders: the parent also renders the title,
#: summary, rights, safeguards and bibliography, so the two finish at about the same time.
HELPER_SHARE = 0.8

_BLOCK = 1 << 20


def can_split(measures: int, templates: Path | None, jobs: int) -> bool:
    """Whether a report of ``measures`` measures is rendered with helper processes.

    Never when measure sections embed their diagrams: the sections helper starts before the
    diagrams are drawn (render._split_sections).
    """
    return (jobs >= 2 and hasattr(os, "fork") and (os.cpu_count() or 1) >= 2 and templates is None
            and max(SPLIT_FROM, EMBED_MEASURES_UP_TO + 1) <= measures <= SPLIT_UP_TO)


@dataclass
class Helper:
    """A forked helper process, and the pipe it reports a failure on."""

    pid: int
    status: int  # read end of a pipe: empty on success, a pickled exception on failure
    done: bool = False

    def wait(self) -> None:
        """Wait for the helper; raise what it raised, or a RenderError if it died."""
        if self.done:
            return
        with os.fdopen(self.status, "rb") as pipe:
            report = pipe.read()  # before waitpid: a large report would otherwise fill the pipe and block
        _, code = os.waitpid(self.pid, 0)
        self.done = True
        if report:
            try:
                error = pickle.loads(report)
            except Exception:  # an exception that does not unpickle: say what we know
                error = RenderError("a helper process failed")
            raise error
        exit_code = os.waitstatus_to_exitcode(code)
        if exit_code != 0:
            how = f"signal {-exit_code}" if exit_code < 0 else f"exit code {exit_code}"
            raise RenderError(f"a helper process stopped ({how}); run again with --jobs 1 to render in one process")

    def stop(self) -> None:
        """Stop the helper if it still runs (the parent failed, so its work is not wanted)."""
        if self.done:
            return
        # SIGTERM, which the helper turns into an exit that removes its half-written temp files.
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        with contextlib.suppress(OSError):
            os.close(self.status)
        self.done = True


def fork(work: Callable[[], None]) -> Helper:
    """Run ``work`` in a forked helper process."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the helper: never returns
        _run_helper(read_end, write_end, work)
    os.close(write_end)
    return Helper(pid=pid, status=read_end)


def _run_helper(read_end: int, write_end: int, work: Callable[[], None]) -> None:
    code = 0
    try:
        signal.signal(signal.SIGTERM, _exit_cleanly)
        os.close(read_end)
        work()
    except BaseException as exc:  # everything goes back to the parent, which raises it
        code = 1
        if isinstance(exc, OSError):  # what atomic_write says in one process, for the sections file too
            error: RightskitError = RenderError(f"writing the report failed: {exc.strerror or exc}")
        else:
            error = exc if isinstance(exc, RightskitError) else RenderError(f"{type(exc).__name__}: {exc}")
        try:
            report = pickle.dumps(error)
        except Exception:
            report = pickle.dumps(RenderError(f"{type(exc).__name__}: {exc}"))
        with contextlib.suppress(OSError):
            view = memoryview(report)
            while view:
                view = view[os.write(write_end, view):]
    finally:
        # _exit: the helper is a copy of the parent, and must not run its exit handlers or flush its buffers.
        os._exit(code)


def _exit_cleanly(_signum: int, _frame: object) -> None:
    raise SystemExit(1)  # unwinds through atomic_write, which removes its temp file


@dataclass
class Sections:
    """The measure sections a helper renders into a temporary file, and the token that marks their place."""

    helper: Helper
    ids: frozenset[str]
    path: Path
    token: str = field(default_factory=lambda: f"<!--rightskit-sections-{secrets.token_hex(16)}-->")

    def stop(self) -> None:
        """Stop the helper if it still runs, and remove its file."""
        self.helper.stop()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def fork_sections(ctx: ReportContext, root: Path, render: Callable[[list[str], IO[str]], None]) -> Sections:
    """Fork a helper that writes the sections of the last measures with ``render`` (html.measure_sections)."""
    share = min(len(ctx.measure_ids), max(1, round(len(ctx.measure_ids) * HELPER_SHARE)))
    ids = ctx.measure_ids[len(ctx.measure_ids) - share:]
    fd, name = tempfile.mkstemp(prefix=".sections-", suffix=".tmp", dir=root)

    def work() -> None:
        with os.fdopen(fd, "w", encoding="utf-8", buffering=_BLOCK) as out:
            render(ids, out)

    try:
        helper = fork(work)
    finally:
        os.close(fd)  # the helper has its own copy
    return Sections(helper=helper, ids=frozenset(ids), path=Path(name))


def spliced(pieces: Iterator[str], sections: Sections) -> Iterator[bytes]:
    """The parent's pieces with the helper's sections where its token is.

    What comes after the token is kept in a temporary file until the helper is done, so the file is
    written in order while both processes work.
    """
    with tempfile.TemporaryFile("w+b", dir=sections.path.parent) as tail:
        found = False
        for piece in pieces:
            if found:
                tail.write(piece.encode("utf-8"))
                continue
            before, token, after = piece.partition(sections.token)
            if not token:
                yield piece.encode("utf-8")
                continue
            found = True
            yield before.encode("utf-8")
            tail.write(after.encode("utf-8"))
        sections.helper.wait()
        if not found:  # cannot happen with the shipped templates, which the split requires
            raise RenderError("the report template did not place the measure sections; run with --jobs 1")
        with sections.path.open("rb") as done:
            yield from iter(lambda: done.read(_BLOCK), b"")
        tail.seek(0)
        yield from iter(lambda: tail.read(_BLOCK), b"")
