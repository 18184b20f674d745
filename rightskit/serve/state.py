"""The viewer's live state: the latest good evaluation, the latest errors, and a file watcher.

Each (re)load produces a new immutable-ish :class:`Snapshot`; request threads read the current one
without locks and draw diagrams into its own cache, so a reload never mixes two versions in one
answer. A failed reload keeps the last good bundle and records the located error messages, which
the page shows instead of a diagram that would be out of date.
"""

from __future__ import annotations

import json
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RightskitError

if TYPE_CHECKING:
    from ..bundle import Bundle
    from ..pipeline import Options

Evaluator = Callable[[Path, "Options"], "Bundle"]
WATCHED_SUFFIXES = (".yaml", ".yml", ".py")


@dataclass
class Snapshot:
    """One version of the assessment as the viewer serves it."""

    version: int
    bundle: Bundle | None
    errors: list[str]
    views: list[str] = field(default_factory=list)
    _cache: dict[str, bytes] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def cached(self, key: str, make: Callable[[], bytes]) -> bytes:
        """``make()`` once per snapshot and key (diagrams, details, the report)."""
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        data = make()
        with self._lock:
            return self._cache.setdefault(key, data)

    def status(self) -> dict[str, Any]:
        a = self.bundle.resolved.assessment if self.bundle is not None else None
        return {"version": self.version, "ok": not self.errors, "errors": self.errors,
                "title": a.title if a is not None else "", "as_of": a.as_of.isoformat() if a is not None else "",
                "views": self.views}


def _messages(exc: BaseException) -> list[str]:
    if isinstance(exc, RightskitError):
        lines = exc.format().splitlines()
        return lines or [exc.message]
    # Not the user's fault: say so, with the last frame, and keep serving.
    frame = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    where = f" ({frame[0].filename}:{frame[0].lineno})" if frame else ""
    return [f"internal error: {type(exc).__name__}: {exc}{where}"]


class LiveState:
    """Loads the assessment, reloads it when an input file changes, and hands out snapshots."""

    def __init__(self, path: Path, options: Options, evaluator: Evaluator | None = None) -> None:
        if evaluator is None:
            # With the review file: the viewer shows each finding's review state and the sign-off, and
            # reloads when review.yaml changes (it is watched with the assessment's folder).
            from ..pipeline import review as evaluator_
            evaluator = evaluator_
        self.path = Path(path)
        self.options = options
        self.evaluator = evaluator
        self._reload_lock = threading.Lock()
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self.current = Snapshot(0, None, ["not loaded yet"])
        self.reload()

    # -- loading ---------------------------------------------------------------------------------

    def reload(self) -> Snapshot:
        """Run the pipeline again; on failure keep the last good bundle and record the errors."""
        from ..gc_pause import release
        from ..render.diagram import views_for

        with self._reload_lock:
            version = self.current.version + 1
            release()  # the previous bundle's objects were frozen by the pipeline (gc_pause.py)
            try:
                bundle = self.evaluator(self.path, self.options)
                snapshot = Snapshot(version, bundle, [], views_for(bundle))
            except Exception as exc:  # the viewer must survive any broken input
                previous = self.current
                snapshot = Snapshot(version, previous.bundle, _messages(exc), previous.views)
            self.current = snapshot
            return snapshot

    def status_json(self) -> bytes:
        return json.dumps(self.current.status(), ensure_ascii=False).encode("utf-8")

    # -- watching --------------------------------------------------------------------------------

    def watch_dirs(self) -> list[Path]:
        """Folders whose files this assessment reads: its own folder and each input file's folder."""
        base = self.path.resolve()
        dirs = {base if base.is_dir() else base.parent}
        bundle = self.current.bundle
        if bundle is not None:
            dirs.update(Path(f).resolve().parent for f in bundle.input_files)
        return sorted(d for d in dirs if d.is_dir())

    def start_watching(self) -> None:
        self._watcher = threading.Thread(target=self._watch, name="rightskit-watch", daemon=True)
        self._watcher.start()

    def stop(self) -> None:
        self._stop.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5)

    def _watch(self) -> None:
        import watchfiles

        def relevant(_change: Any, path: str) -> bool:
            name = Path(path).name
            return name.endswith(WATCHED_SUFFIXES) and not name.startswith((".", "~")) and "#" not in name

        while not self._stop.is_set():
            dirs = self.watch_dirs()
            if not dirs:
                self._stop.wait(1.0)
                continue
            try:
                for _changes in watchfiles.watch(*dirs, watch_filter=relevant, debounce=150, step=50,
                                                 rust_timeout=500, stop_event=self._stop, recursive=False,
                                                 raise_interrupt=False):
                    self.reload()
                    if self.watch_dirs() != dirs:  # a new include or framework folder: watch it too
                        break
            except Exception:  # e.g. a watched folder was deleted: look again shortly
                self._stop.wait(1.0)
