"""Writing outputs safely: atomically (temp file + rename), and never outside the output folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import RenderError


def ensure_out_dir(out_dir: Path) -> Path:
    """Create ``out_dir`` if needed and return its resolved path."""
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


def atomic_write(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` via a temp file in the same folder and an atomic rename.

    A render killed midway leaves the previous file intact.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600 files; outputs are meant to be shared, so apply the usual umask instead.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        if path.is_symlink():
            path.unlink()
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path
