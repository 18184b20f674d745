"""How findings write numbers, rates and lists, so every explanation reads the same way."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from ..translation.sentence import Sentence, figure, joined, sentence, term


def number(x: float) -> str:
    """A count or quantity for a sentence: 1,234,567 · 12 · 3.4 · 0.0021 (the locale's form in a report)."""
    if x != x:  # NaN never comes from valid inputs, but must not print as a number
        return term("unknown")
    ax = abs(x)
    if ax >= 100:
        return figure(f"{x:,.0f}", f"{x:.0f}")
    if ax >= 1:
        text = f"{x:.1f}"
        text = text[:-2] if text.endswith(".0") else text
        return figure(text, text)
    if ax == 0:
        return "0"
    return figure(f"{x:.2g}", f"{x:.2g}")


def percent(rate: float) -> str:
    """A rate as a percentage with up to three significant digits: 0.001 → '0.1%' ('0,1 %' in French)."""
    value = rate * 100
    if value == 0:
        return figure("0%", "0", percent=True)
    digits = f"{value:.0f}" if abs(value) >= 10 else f"{float(f'{value:.3g}'):g}"
    return figure(f"{digits}%", digits, percent=True)


def one_in(rate: float) -> str:
    """A small share as '1 in N'; larger ones as a percentage."""
    if 0 < rate < 0.1:
        n = round(1 / rate)
        return sentence("1 in {n}", n=figure(f"{n:,}", str(n)))
    return percent(rate)


def listing(items: Iterable[str], empty: str = "none") -> str:
    """Items joined with commas, or ``empty`` (a word, translated in a report)."""
    values = list(items)
    if not values:
        return term(empty)
    # Sentences among the items (labels, "X on Y") stay sentences, so each is translated in a report.
    return joined(values, ", ")


def false_share(precision: float) -> str:
    """The base-rate effect in plain words: how many hits are false."""
    share = 1 - precision
    if precision <= 0:
        return sentence("every hit is false")
    if share >= 0.95:
        return sentence("about {n} false hits come for every true one", n=number(share / precision))
    if share >= 0.05:
        return sentence("about {n} of 10 hits are false", n=round(share * 10))
    if share <= 0:
        return sentence("no hit is false")
    n = round(1 / share)
    return sentence("about 1 in {n} hits is false", n=figure(f"{n:,}", str(n)))


def kept(text: str) -> str:
    """``text`` as the one shared copy of its value, for a sentence the results keep.

    The same sentences recur for thousands of measures ("not marked as reaching the essence…"); each
    is built afresh, and keeping one copy of each halves the memory of the results' text.
    """
    return text if isinstance(text, Sentence) else sys.intern(text)  # a sentence is shared already


def kept_all(texts: Iterable[str]) -> list[str]:
    """:func:`kept` for each of ``texts``."""
    return [kept(t) for t in texts]
