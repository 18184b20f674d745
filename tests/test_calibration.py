"""The calibration suite: the engine against real judgments (tests/calibration/, docs/calibration.md).

Asserts the score, not per-case results: a miss stays visible in the table with its reason, and the
suite fails only when the engine falls below the targets or the published table is out of date.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

HERE = Path(__file__).resolve().parent


def _calibrate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rightskit_calibrate", HERE / "calibration" / "calibrate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored() -> tuple[ModuleType, list]:
    cal = _calibrate()
    return cal, [row for path in cal.cases() for row in cal.score_case(path)]


def test_enough_real_judgments(scored: tuple[ModuleType, list]) -> None:
    cal, rows = scored
    cases = {r.case for r in rows}
    lawful = {r.case for r in rows if r.outcome in cal.LAWFUL}
    assert len(cases) >= 20 and len(lawful) >= 8


def test_the_engine_meets_the_targets(scored: tuple[ModuleType, list]) -> None:
    cal, rows = scored
    s = cal.score(rows)
    agreed, total = s["all"]
    assert agreed >= cal.TARGET_ALL * total, f"calibration {agreed}/{total} below {cal.TARGET_ALL:.0%}"
    agreed, total = s["lawful"]
    assert agreed >= cal.TARGET_LAWFUL * total, f"lawful {agreed}/{total} below {cal.TARGET_LAWFUL:.0%}"


def test_every_miss_says_why(scored: tuple[ModuleType, list]) -> None:
    _, rows = scored
    silent = [f"{r.case}/{r.measure}" for r in rows if not r.agrees and not r.note]
    assert not silent, f"add miss_reason to outcome.yaml for: {silent}"


def test_the_published_table_is_current(scored: tuple[ModuleType, list]) -> None:
    cal, rows = scored
    assert cal.DOC.read_text(encoding="utf-8") == cal.table(rows), "run `make calibrate` and commit docs/calibration.md"
