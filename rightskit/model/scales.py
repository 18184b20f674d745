"""Ordinal scales: severity of an interference, strength of a safeguard, importance of an aim.

The scales are documented in ``docs/scales.md``. Severity follows the EDPS Proportionality
Guidelines (2019): scope, extent and intensity combine into an overall level.
"""

from __future__ import annotations

from typing import Literal, get_args

Severity = Literal["none", "minor", "moderate", "serious", "very-serious"]
Strength = Literal["weak", "moderate", "strong"]
Importance = Literal["low", "medium", "high", "very-high"]
Level = Literal["low", "medium", "high"]
Effectiveness = Literal["none", "low", "medium", "high"]

SEVERITY_ORDER: tuple[str, ...] = get_args(Severity)
STRENGTH_ORDER: tuple[str, ...] = get_args(Strength)
IMPORTANCE_ORDER: tuple[str, ...] = get_args(Importance)
LEVEL_ORDER: tuple[str, ...] = get_args(Level)
EFFECTIVENESS_ORDER: tuple[str, ...] = get_args(Effectiveness)


def severity_rank(value: str) -> int:
    """0 for ``none`` up to 4 for ``very-serious``."""
    return SEVERITY_ORDER.index(value)


def severity_at(rank: int) -> str:
    """The severity word for a rank, clamped to the scale."""
    return SEVERITY_ORDER[max(0, min(rank, len(SEVERITY_ORDER) - 1))]


def strength_rank(value: str) -> int:
    """1 for ``weak`` up to 3 for ``strong``."""
    return STRENGTH_ORDER.index(value) + 1


def importance_rank(value: str) -> int:
    """1 for ``low`` up to 4 for ``very-high``."""
    return IMPORTANCE_ORDER.index(value) + 1


def effectiveness_rank(value: str) -> int:
    """0 for ``none`` up to 3 for ``high``."""
    return EFFECTIVENESS_ORDER.index(value)
