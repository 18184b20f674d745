"""Detection arithmetic: what a scanner's error rates mean once it runs on millions of items a day.

With N items a day, prevalence p, recall (true-positive rate) t and false-positive rate f
(``docs/engine.md``, "Detection arithmetic"):

* true hits a day  = N · p · t
* false hits a day = N · (1 − p) · f     (with p unknown: N · f, an upper bound)
* precision        = p·t / (p·t + (1 − p)·f)
* innocent users flagged a year: with u items per user a day, (N·(1 − p)/u) · (1 − (1 − f)^(365·u)),
  the expected number of innocent users with at least one false hit; without u, false hits a day × 365,
  an upper bound (every false hit counted as a different person). Never more than the people affected.
* review hours a day = (true + false hits) · review minutes per hit / 60

Each output is computed three times: *central* from central inputs, *low* and *high* from the ends
of the input ranges that make the output smallest and largest (every formula is monotone in each
input). An output whose inputs are unknown stays unknown; no input is ever assumed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Citation, DetectionFigures, Estimate
from ..translation.sentence import Sentence, joined, sentence, term
from .results import DetectionResult, Range
from .wording import false_share, listing, number, one_in, percent


@dataclass(frozen=True, slots=True)
class Span:
    """A known input or output: low, central and high."""

    low: float
    central: float
    high: float

    @classmethod
    def of(cls, e: Estimate | None) -> Span | None:
        return None if e is None else cls(e.lower, e.central, e.upper)

    def as_range(self) -> Range:
        return Range.model_construct(low=self.low, central=self.central, high=self.high)

    def words(self, as_percent: bool = False) -> str:
        f = percent if as_percent else number
        if self.low == self.central == self.high:
            return f(self.central)
        return sentence("{central} ({low} to {high})", central=f(self.central), low=f(self.low), high=f(self.high))


_LABELS = (
    ("items_per_day", Sentence("items scanned per day")),
    ("prevalence", Sentence("prevalence")),
    ("true_positive_rate", Sentence("recall (true-positive rate)")),
    ("false_positive_rate", Sentence("false-positive rate")),
    ("items_per_user_per_day", Sentence("items per user per day")),
    ("review_minutes_per_hit", Sentence("review minutes per hit")),
)
_RATES = frozenset({"prevalence", "true_positive_rate", "false_positive_rate"})


def _precision(p: float, t: float, f: float) -> float:
    hits = p * t + (1 - p) * f
    return p * t / hits if hits > 0 else 0.0


def _users(n: float, p: float, u: float, f: float) -> float:
    if u <= 0:
        return 0.0
    # 1 - (1 - f)^(365u), computed stably for the tiny rates scanners report.
    at_least_one = -math.expm1(365 * u * math.log1p(-min(f, 1 - 1e-15)))
    return n * (1 - p) / u * at_least_one


def _sources(est: Estimate) -> str:
    """The refs behind a figure; the ends of a contested range with their own sources, e.g. 'a; low: b; high: c'."""
    parts = [listing(c.ref for c in est.cite)] if est.cite else []
    if est.low_cite:
        parts.append(sentence("low: {refs}", refs=listing(c.ref for c in est.low_cite)))
    if est.high_cite:
        parts.append(sentence("high: {refs}", refs=listing(c.ref for c in est.high_cite)))
    return joined(parts) if parts else term("no source given")


@dataclass(frozen=True, slots=True)
class Arithmetic:
    """The computed figures, the public result and the sources of the inputs."""

    result: DetectionResult
    precision: Span | None
    cite: tuple[Citation, ...]


def arithmetic(fig: DetectionFigures, affected: Estimate | None) -> Arithmetic:
    """Run the detection arithmetic on ``fig``; ``affected`` caps the users flagged when known."""
    n, p, t, f = (Span.of(fig.items_per_day), Span.of(fig.prevalence), Span.of(fig.true_positive_rate),
                  Span.of(fig.false_positive_rate))
    u, r = Span.of(fig.items_per_user_per_day), Span.of(fig.review_minutes_per_hit)
    known: list[str] = []
    unknown: list[str] = []
    cite: list[Citation] = []
    for name, label in _LABELS:
        est: Estimate | None = getattr(fig, name)
        span = Span.of(est)
        if est is None or span is None:
            unknown.append(label)
            continue
        value = span.words(name in _RATES)
        if name == "prevalence":
            value = sentence("{one_in} ({value})", one_in=one_in(span.central), value=value)
        known.append(sentence("{label}: {value} [{sources}]", label=label, value=value, sources=_sources(est)))
        cite.extend((*est.cite, *est.low_cite, *est.high_cite))

    lines: list[str] = []
    tp = Span(n.low * p.low * t.low, n.central * p.central * t.central, n.high * p.high * t.high) \
        if n and p and t else None
    fp: Span | None = None
    if n and f:
        if p:
            fp = Span(n.low * (1 - p.high) * f.low, n.central * (1 - p.central) * f.central,
                      n.high * (1 - p.low) * f.high)
        else:
            fp = Span(n.low * f.low, n.central * f.central, n.high * f.high)
    prec = Span(_precision(p.low, t.low, f.high), _precision(p.central, t.central, f.central),
                _precision(p.high, t.high, f.low)) if p and t and f else None

    if tp:
        lines.append(sentence("True hits per day: items × prevalence × recall = {hits}.", hits=tp.words()))
    else:
        lines.append(sentence("True hits per day: unknown (needs items per day, prevalence and recall)."))
    if fp and p:
        lines.append(sentence("False hits per day: items × (1 − prevalence) × false-positive rate = {hits}.",
                              hits=fp.words()))
    elif fp:
        lines.append(sentence("False hits per day: at most items × false-positive rate = {hits} (an upper bound: the "
                              "prevalence is not given).", hits=fp.words()))
    else:
        lines.append(sentence("False hits per day: unknown (needs items per day and the false-positive rate)."))
    if prec and p and f:
        lines.append(sentence("Base rate: at a prevalence of {prevalence} and a false-positive rate of {rate}, "
                              "{false_share} (precision {precision}; {low} to {high} over the input ranges). Recall "
                              "alone says nothing about this: when abuse is rare, even a small false-positive rate "
                              "produces more false hits than true ones.", prevalence=one_in(p.central),
                              rate=percent(f.central), false_share=false_share(prec.central),
                              precision=percent(prec.central), low=percent(prec.low), high=percent(prec.high)))
    else:
        lines.append(sentence("Precision: unknown (needs prevalence, recall and the false-positive rate)."))

    users: Span | None = None
    if fp and u and n and f:
        pl, pc, ph = (p.low, p.central, p.high) if p else (0.0, 0.0, 0.0)
        users = Span(_users(n.low, ph, u.high, f.low), _users(n.central, pc, u.central, f.central),
                     _users(n.high, pl, u.low, f.high))
        how: str = sentence("(items ÷ items per user) × (1 − (1 − false-positive rate)^(365 × items per user)) = "
                            "{users}: the expected number of innocent users with at least one false hit",
                            users=users.words())
    elif fp:
        users = Span(fp.low * 365, fp.central * 365, fp.high * 365)
        how = sentence("at most false hits per day × 365 = {users} (an upper bound that counts every false hit as a "
                       "different person, because items per user per day is not given)", users=users.words())
    if users is not None:
        if affected is not None:
            users = Span(min(users.low, affected.lower), min(users.central, affected.central),
                         min(users.high, affected.upper))
            how = sentence("{how}; capped by the {n} people affected", how=how, n=number(affected.central))
        lines.append(sentence("Innocent users flagged per year: {how}.", how=how))
    else:
        lines.append(sentence("Innocent users flagged per year: unknown (needs the false hits per day)."))

    review: Span | None = None
    if tp and fp and r:
        review = Span((tp.low + fp.low) * r.low / 60, (tp.central + fp.central) * r.central / 60,
                      (tp.high + fp.high) * r.high / 60)
        lines.append(sentence("Human review: (true + false hits) × {minutes} minutes ÷ 60 = {hours} hours per day "
                              "(about {days} reviewer-days of 8 hours).", minutes=r.words(), hours=review.words(),
                              days=number(review.central / 8)))
    else:
        lines.append(sentence("Human review workload: unknown (needs review minutes per hit and both hit counts)."))
    if unknown:
        lines.append(sentence("Not given, so not assumed: {inputs}.", inputs=listing(unknown)))

    def rng(s: Span | None) -> Range:
        return s.as_range() if s else Range.model_construct()

    result = DetectionResult.model_construct(
        known_inputs=known, unknown_inputs=unknown, true_hits_per_day=rng(tp), false_hits_per_day=rng(fp),
        precision=rng(prec), innocent_users_flagged_per_year=rng(users), review_hours_per_day=rng(review),
        explanation=lines,
    )
    return Arithmetic(result, prec, tuple(cite))
