"""The detection arithmetic as a reader sees it: the inputs, the outputs, and the base-rate effect."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import template_context as r
from .number_format import fmt, per_n, percent

if TYPE_CHECKING:
    from ..evaluate.results import DetectionResult
    from ..model import DetectionFigures
    from .bibliography import Bibliography

#: DetectionFigures field -> (label, number kind, unit)
INPUTS: tuple[tuple[str, str, str, str], ...] = (
    ("items_per_day", "Items scanned per day", "count", ""),
    ("prevalence", "Prevalence: share of scanned items that are abusive", "rate", ""),
    ("true_positive_rate", "True-positive rate (share of abusive items flagged)", "percent", ""),
    ("false_positive_rate", "False-positive rate (share of innocent items flagged)", "rate", ""),
    ("items_per_user_per_day", "Items a user sends per day", "count", ""),
    ("review_minutes_per_hit", "Human review time per hit", "number", "min"),
)
#: DetectionResult field -> (label, number kind, unit)
OUTPUTS: tuple[tuple[str, str, str, str], ...] = (
    ("true_hits_per_day", "Correct hits per day", "count", ""),
    ("false_hits_per_day", "False hits per day (innocent items flagged)", "count", ""),
    ("precision", "Precision: share of hits that are correct", "percent", ""),
    ("innocent_users_flagged_per_year", "Innocent users flagged per year (upper bound)", "count", ""),
    ("review_hours_per_day", "Human review workload per day", "number", "h"),
)


def _figure(label: str, kind: str, unit: str, est: Any, bib: Bibliography) -> r.Figure:
    unit = unit or (est.unit if kind == "number" else "") or ""
    rng = None
    if est.low is not None and est.high is not None and not (est.low == est.central == est.high):
        rng = f"{fmt(kind, est.low, unit)} – {fmt(kind, est.high, unit)}"
    return r.Figure(label=label, value=fmt(kind, est.central, unit), range=rng, note=est.note,
                    cites=bib.cites(est.cite), low_cites=bib.cites(est.low_cite),
                    high_cites=bib.cites(est.high_cite))


def _shares(precision: float) -> tuple[str, str]:
    """('0.09 %', '99.91 %'): the two parts of the bar, rounded alike so they add up to 100 %."""
    correct = percent(precision).removesuffix(" %")
    places = len(correct.partition(".")[2])
    return f"{correct} %", f"{100 - float(correct):.{places}f} %"


def detection_record(
    figures: DetectionFigures | None, result: DetectionResult | None, bib: Bibliography
) -> r.Detection | None:
    """The detection section of a measure, or None when the measure has no detection arithmetic."""
    if result is None:
        return None
    inputs = []
    if figures is not None:
        for name, label, kind, unit in INPUTS:
            est = getattr(figures, name)
            if est is not None:
                inputs.append(_figure(label, kind, unit, est, bib))
    outputs = []
    for name, label, kind, unit in OUTPUTS:
        rng = getattr(result, name)
        outputs.append(r.Output(label=label, low=fmt(kind, rng.low, unit), central=fmt(kind, rng.central, unit),
                                high=fmt(kind, rng.high, unit)))

    precision = result.precision.central
    headline = base_rate = n = correct = innocent = bar = correct_share = innocent_share = None
    if precision is not None:
        precision = min(1.0, max(0.0, precision))
        n, correct, innocent = per_n(precision)
        bar = f"{max(precision * 100, 0.5):.2f}"
        correct_share, innocent_share = _shares(precision)
        headline = (f"Of every {n:,} items the system flags, about {correct:,} would be correct and "
                    f"{innocent:,} would be false alarms about innocent people's content.")
        true_c, false_c = result.true_hits_per_day.central, result.false_hits_per_day.central
        if true_c is not None and false_c is not None and false_c > true_c:
            base_rate = ("False hits outnumber true ones. Because abusive items are rare among all those "
                         "scanned, even a small false-positive rate flags more innocent items than abusive "
                         "ones: this is the base-rate effect.")
    return r.Detection(
        inputs=inputs, unknown_inputs=[x[:1].upper() + x[1:] for x in result.unknown_inputs], outputs=outputs,
        explanation=list(result.explanation), headline=headline, base_rate_note=base_rate, per_n=n,
        correct=correct, innocent=innocent,
        precision_share=precision, bar_width=bar, correct_share=correct_share, innocent_share=innocent_share,
    )
