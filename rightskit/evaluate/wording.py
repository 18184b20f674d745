"""How findings write numbers, rates and lists, so every explanation reads the same way."""

from __future__ import annotations

import sys
from collections.abc import Iterable


def number(x: float) -> str:
    """A count or quantity for a sentence: 1,234,567 · 12 · 3.4 · 0.0021."""
    if x != x:  # NaN never comes from valid inputs, but must not print as a number
        return "unknown"
    ax = abs(x)
    if ax >= 100:
        return f"{x:,.0f}"
    if ax >= 1:
        text = f"{x:.1f}"
        return text[:-2] if text.endswith(".0") else text
    if ax == 0:
        return "0"
    return f"{x:.2g}"


def percent(rate: float) -> str:
    """A rate as a percentage with up to three significant digits: 0.001 → '0.1%'."""
    value = rate * 100
    if value == 0:
        return "0%"
    if abs(value) >= 10:
        return f"{value:.0f}%"
    return f"{float(f'{value:.3g}'):g}%"


def one_in(rate: float) -> str:
    """A small share as '1 in N'; larger ones as a percentage."""
    if 0 < rate < 0.1:
        return f"1 in {round(1 / rate):,}"
    return percent(rate)


def listing(items: Iterable[str], empty: str = "none") -> str:
    """Items joined with commas, or ``empty``."""
    values = list(items)
    return ", ".join(values) if values else empty


def false_share(precision: float) -> str:
    """The base-rate effect in plain words: how many hits are false."""
    share = 1 - precision
    if precision <= 0:
        return "every hit is false"
    if share >= 0.95:
        return f"about {number(share / precision)} false hits come for every true one"
    if share >= 0.05:
        return f"about {round(share * 10)} of 10 hits are false"
    if share <= 0:
        return "no hit is false"
    return f"about 1 in {round(1 / share):,} hits is false"


def kept(text: str) -> str:
    """``text`` as the one shared copy of its value, for a sentence the results keep.

    The same sentences recur for thousands of measures ("not marked as reaching the essence…"); each
    is built afresh, and keeping one copy of each halves the memory of the results' text.
    """
    return sys.intern(text)


def kept_all(texts: Iterable[str]) -> list[str]:
    """:func:`kept` for each of ``texts``."""
    return [sys.intern(t) for t in texts]
