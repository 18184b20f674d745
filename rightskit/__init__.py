"""rightskit: fundamental-rights proportionality assessments (Charter Art. 52(1)) as code.

Public API: :class:`Assessment` (Python authoring), :func:`load`, :func:`evaluate`, :func:`render`
and ``__version__``. Imports are lazy so the command line starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .authoring import Assessment
    from .pipeline import evaluate, load, render

__all__ = ["Assessment", "__version__", "evaluate", "load", "render"]


def __getattr__(name: str) -> Any:
    if name == "Assessment":
        from .authoring import Assessment

        return Assessment
    if name in ("load", "evaluate", "render"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'rightskit' has no attribute {name!r}")
