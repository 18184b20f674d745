"""Residual severity of each interference after its safeguards, and cumulative severity per right.

The calculus (``docs/engine.md``, "Residual severity"):

* each effective safeguard removes levels by strength (weak 0, moderate 1, strong 2 by default);
  a safeguard recorded as ineffective removes none;
* safeguards of one catalogue type count once, at their strongest, so restating one safeguard
  several times does not add up; untyped safeguards count one by one;
* the result never falls below a floor: 'minor' for any interference (the processing still takes
  place), 'moderate' for a general-scope measure that processes content (everyone's communications
  are still read); and it never rises above the recorded severity.

Cumulative severity of a right is the highest residual severity any measure causes, raised one level
when at least N measures (default 2) each reach 'serious' or more, capped at 'very-serious'.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from ..model import Interference, Measure
from ..model.scales import SEVERITY_ORDER, Severity, severity_rank
from ..translation.sentence import joined, sentence, term
from .calculus import Calculus


def word(rank: int) -> Severity:
    """The severity word for a rank on the scale."""
    return cast(Severity, SEVERITY_ORDER[rank])


@dataclass(frozen=True, slots=True)
class Applied:
    """One safeguard applied to one interference."""

    safeguard: str
    type: str | None
    strength: str
    levels: int
    effective: bool
    binding: bool
    hypothetical: bool = False
    counted: bool = True


@dataclass(frozen=True, slots=True)
class Residual:
    """One interference of a measure, before and after its safeguards."""

    right: str
    interference: Interference
    inherent: int
    residual: int
    floor: int
    applied: tuple[Applied, ...]
    inherited_from: tuple[str, ...]

    @property
    def removed(self) -> int:
        """Levels the counted safeguards remove, before the floor applies."""
        return sum(a.levels for a in self.applied if a.counted)


def floor_for(measure: Measure, data_categories: Sequence[str], calculus: Calculus) -> int:
    """The lowest residual severity rank safeguards can reach for this measure."""
    if measure.scope == "general" and "content" in data_categories:
        return max(calculus.general_content_floor, calculus.residual_floor)
    return calculus.residual_floor


def residual(
    itf: Interference, floor: int, candidates: Sequence[Applied], inherited_from: tuple[str, ...]
) -> Residual:
    """Apply the counted safeguards to one interference."""
    inherent = severity_rank(itf.severity)
    best: dict[str, int] = {}
    for i, a in enumerate(candidates):
        key = a.type or f"#{a.safeguard}"
        if a.effective and (key not in best or a.levels > candidates[best[key]].levels):
            best[key] = i
    chosen = set(best.values())
    applied = tuple(
        a if i in chosen else Applied(a.safeguard, a.type, a.strength, 0, a.effective, a.binding,
                                      a.hypothetical, counted=False)
        for i, a in enumerate(candidates)
    )
    removed = sum(a.levels for a in applied if a.counted)
    value = max(inherent - removed, min(floor, inherent))
    return Residual(itf.right, itf, inherent, min(value, inherent), min(floor, inherent), applied, inherited_from)


def explain(r: Residual) -> str:
    """How the residual severity was computed, in words."""
    parts: list[str] = [sentence("recorded {severity}", severity=term(SEVERITY_ORDER[r.inherent]))]
    for a in r.applied:
        strength = term(a.strength)
        name = sentence("hypothetical {safeguard}", safeguard=a.safeguard) if a.hypothetical else a.safeguard
        if not a.effective:
            parts.append(sentence("{safeguard} ({strength}, recorded as ineffective) −0", safeguard=name,
                                  strength=strength))
        elif not a.counted:
            parts.append(sentence("{safeguard} ({strength}) −0: its type {type} already counts once",
                                  safeguard=name, strength=strength, type=a.type or ""))
        else:
            parts.append(sentence("{safeguard} ({strength}) −{levels}", safeguard=name, strength=strength,
                                  levels=a.levels))
    if not r.applied:
        parts.append(sentence("no safeguard"))
    raw = r.inherent - r.removed
    text: str = joined(parts)
    if raw < r.residual:
        text = sentence("{steps}; floored at {floor} (safeguards never remove the interference itself)",
                        steps=text, floor=term(SEVERITY_ORDER[r.floor]))
    return sentence("{steps} → {residual}", steps=text, residual=term(SEVERITY_ORDER[r.residual]))


@dataclass(frozen=True, slots=True)
class Cumulative:
    """The cumulative interference with one right."""

    right: str
    severity: int
    measures: Mapping[str, int]
    explanation: str


def cumulative(right: str, by_measure: Mapping[str, int], calculus: Calculus) -> Cumulative:
    """Combine the residual severities that several measures cause to one right."""
    ordered = dict(sorted(by_measure.items()))
    if not ordered:
        return Cumulative(right, 0, ordered, sentence("no measure interferes with this right"))
    top = max(ordered.values())
    worst = sorted(m for m, v in ordered.items() if v == top)
    heavy = sorted(m for m, v in ordered.items() if v >= calculus.cumulative_min_severity)
    text = sentence("highest residual severity {severity} ({measures})", severity=term(SEVERITY_ORDER[top]),
                    measures=", ".join(worst))
    value = top
    threshold = term(SEVERITY_ORDER[calculus.cumulative_min_severity])
    least = calculus.cumulative_min_measures
    if len(heavy) >= least and top < len(SEVERITY_ORDER) - 1:
        value = top + 1
        text = sentence("{highest}; {n} measures reach {threshold} or more ({measures}), at least {least}, so +1 "
                        "level for their combined effect", highest=text, n=len(heavy), threshold=threshold,
                        measures=", ".join(heavy), least=least)
    elif len(heavy) >= least:
        text = sentence("{highest}; {n} measures reach {threshold} or more, already at the top of the scale",
                        highest=text, n=len(heavy), threshold=threshold)
    else:
        text = sentence("{highest}; {n} measure(s) at {threshold} or more, fewer than {least}, so no level added",
                        highest=text, n=len(heavy), threshold=threshold, least=least)
    return Cumulative(right, value, ordered, sentence("{steps} → {cumulative}", steps=text,
                                                      cumulative=term(SEVERITY_ORDER[value])))
