"""Pausing Python's cyclic garbage collector around stages that build large acyclic structures.

Loading, evaluating and rendering allocate millions of small objects while the whole assessment
sits in memory, and create no reference cycles worth collecting. The cyclic collector would rescan
that heap again and again (it tripled the run time of 10,000 measures); reference counting still
frees everything as usual while it is paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Disable the cyclic collector for the block; after it, freeze what is alive and restore its state.

    Objects allocated while the collector is off still wait in its youngest generation, and the next
    allocation after re-enabling it would scan them all (two seconds for 1,000 measures). What a stage
    builds (the loaded data, the model, the results) lives until the command ends, so it is moved to the
    permanent generation instead (``gc.freeze``), which the collector never scans; reference counting
    still frees it. A long-running process (``rightskit serve``) calls :func:`release` before it loads
    again, so cycles among the old objects can be collected.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def release() -> None:
    """Let the collector see frozen objects again (before a long-running process replaces them)."""
    gc.unfreeze()
