"""Measure chains: detection feeds reporting feeds removal, and later measures inherit what came before.

A measure downstream of another processes the data the upstream measure produced, about the same
people. So, where the author leaves them out, a measure inherits (``docs/engine.md``, "Chains"):

* its **data categories** from the nearest upstream measures that state theirs (their union);
* its **population** (people affected) from the nearest upstream measures that state a count
  (the largest, as an upper bound: the downstream measure cannot reach more people than its input).

Every interference also records the upstream measures that interfere with the same right
(``inherited_from``), so a reader sees the data trail. Cycles in ``feeds`` are tolerated: a
measure is never its own upstream, and every walk visits a measure once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


def upstream_levels(feeds: Mapping[str, Sequence[str]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """For each measure, its upstream measures grouped by distance (nearest first), each group sorted."""
    preds: dict[str, list[str]] = {m: [] for m in feeds}
    for source, targets in sorted(feeds.items()):
        for target in targets:
            if target != source and target in preds:
                preds[target].append(source)
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for start in sorted(preds):
        seen = {start}
        frontier = [start]
        levels: list[tuple[str, ...]] = []
        while frontier:
            nxt = sorted({p for m in frontier for p in preds[m] if p not in seen})
            if not nxt:
                break
            seen.update(nxt)
            levels.append(tuple(nxt))
            frontier = nxt
        out[start] = tuple(levels)
    return out


def nearest(levels: Sequence[Sequence[str]], read: Callable[[str], T | None]) -> list[tuple[str, T]]:
    """The (measure, value) pairs of the nearest upstream level where any measure states a value."""
    for level in levels:
        found = [(m, v) for m in level if (v := read(m)) is not None]
        if found:
            return found
    return []
