"""One comparison: the diff and the two loaded sides it was computed from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..bundle import Bundle
    from ..load import Resolved
    from .difference import DiffResult


@dataclass
class Side:
    """One assessment as loaded for comparison: always resolved; evaluated unless built from a model only."""

    path: Path
    resolved: Resolved
    bundle: Bundle | None = None


@dataclass
class Comparison:
    """The diff and the two sides it was computed from (the HTML report draws them)."""

    result: DiffResult
    a: Side
    b: Side
