"""Numbers as a reader wants them: counts with separators, rates as percentages and '1 in N'.

Formatting happens once, while the report context is built, so every format (HTML, PDF,
Markdown) shows the same figures in the same words.
"""

from __future__ import annotations

import math

from ..translation import format_number
from ..translation import gettext as _


def _sig(x: float, digits: int = 2) -> str:
    """``x`` to ``digits`` significant digits, without scientific notation or trailing zeros, in the locale's digits."""
    if x == 0 or not math.isfinite(x):
        return "0" if x == 0 else str(x)
    places = max(0, digits - 1 - math.floor(math.log10(abs(x))))
    text = f"{round(x, places):.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return format_number(text)


def count(x: float | None) -> str:
    """A quantity of things: '12,345', '3.4 million', '1.2 billion'."""
    if x is None:
        return _("unknown")
    ax = abs(x)
    if ax >= 1e9:
        return _("{n} billion").format(n=_sig(x / 1e9, 3))
    if ax >= 1e6:
        return _("{n} million").format(n=_sig(x / 1e6, 3))
    if ax >= 100:
        return format_number(str(round(x)))
    if ax >= 10 or x == round(x):
        return format_number(f"{x:.0f}") if x == round(x) else _sig(x, 3)
    return _sig(x, 2)


def rate(x: float | None) -> str:
    """A share between 0 and 1: '0.1 % (1 in 1,000)'."""
    if x is None:
        return _("unknown")
    if x <= 0:
        return "0 %"
    pct = x * 100
    text = f"{_sig(pct, 2)} %"
    if x < 0.05:
        text += " " + _("(1 in {n})").format(n=count(round(1 / x)))
    return text


def percent(x: float | None) -> str:
    """A share between 0 and 1 as a percentage only: '2.4 %'."""
    if x is None:
        return _("unknown")
    return f"{_sig(x * 100, 2)} %" if x > 0 else "0 %"


def number(x: float | None, unit: str = "") -> str:
    """A plain measurement with an optional unit: '1.5 h'."""
    if x is None:
        return _("unknown")
    text = count(x)
    return f"{text} {unit}".strip()


FORMATTERS = {"count": count, "rate": rate, "percent": percent, "number": number}


def fmt(kind: str, x: float | None, unit: str = "") -> str:
    """Format ``x`` as ``kind`` (count, rate, percent or number)."""
    if kind == "number":
        return number(x, unit)
    return FORMATTERS[kind](x)


def span(kind: str, low: float | None, central: float | None, high: float | None, unit: str = "") -> str:
    """'central (low – high)', dropping parts that are unknown or equal to the centre."""
    mid = fmt(kind, central, unit)
    if low is None or high is None or (low == central == high):
        return mid
    return _("{central} (range {low} – {high})").format(central=mid, low=fmt(kind, low, unit),
                                                         high=fmt(kind, high, unit))


def per_n(precision: float) -> tuple[int, int, int]:
    """(n, correct, innocent): of ``n`` hits, how many are correct and how many innocent.

    ``n`` grows from 100 by tens until at least one hit in ``n`` is correct, so a precision of
    0.4 % reads 'of every 1,000 hits, about 4 are correct', never 'about 0'.
    """
    n = 100
    while precision * n < 1 and n < 10_000_000:
        n *= 10
    correct = min(n, max(0, round(precision * n)))
    return n, correct, n - correct
