"""Writing outputs safely: atomically (temp file + rename), and never outside the output folder."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import RenderError, UsageError


def ensure_out_dir(out_dir: Path) -> Path:
    """Create ``out_dir`` if needed and return its resolved path."""
    if out_dir.exists() and not out_dir.is_dir():
        # A command-line mistake (exit 2), and never a reason to touch that file.
        raise UsageError(f"-o {out_dir}: is a file, not a folder; give a folder for the report")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"{out_dir}: cannot create output folder: {exc.strerror}") from None
    return out_dir.resolve()


def target_in(out_dir: Path, name: str) -> Path:
    """The path of output ``name`` inside ``out_dir``; refuses '..', absolute names and escaping symlinks."""
    if not name or os.path.isabs(name) or any(part in ("..", "") for part in Path(name).parts):
        raise RenderError(f"refusing to write '{name}': outputs must stay inside {out_dir}")
    root = out_dir.resolve()
    target = root / name
    # A symlink planted in the output folder must not redirect a write elsewhere.
    resolved_parent = target.parent.resolve()
    if not resolved_parent.is_relative_to(root):
        raise RenderError(f"refusing to write '{name}': it resolves outside {root}")
    if target.is_symlink() and not target.resolve().is_relative_to(root):
        raise RenderError(f"refusing to write '{name}': it is a symlink pointing outside {root}")
    return target


def atomic_write(path: Path, data: bytes | str | Iterable[bytes | str]) -> Path:
    """Write ``data`` to ``path`` via a temp file in the same folder and an atomic rename.

    ``data`` may be an iterable of pieces (a streamed render): they are written as they come, so a
    large report is never held whole in memory. A render killed midway, or a piece that raises,
    leaves the previous file intact.
    """
    pieces: Iterable[bytes | str] = (data,) if isinstance(data, (bytes, str)) else data
    if path.is_dir() and not path.is_symlink():
        raise UsageError(f"{path}: is a folder; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise RenderError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as handle:
            for piece in pieces:
                handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600 files; outputs are meant to be shared, so apply the usual umask instead.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        if path.is_symlink():
            path.unlink()
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise RenderError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
    return path


def refuse_inputs(path: Path, inputs: Iterable[Path]) -> None:
    """Refuse an output file that is one of the files the command read: an output never replaces an input."""
    target = path.resolve()
    if any(Path(file).resolve() == target for file in inputs):
        raise UsageError(f"-o {path}: is an input of this command (it was read to make this output); "
                         "write the output elsewhere")
