"""Detection arithmetic: hits, precision, innocent users flagged, review workload, with ranges."""

from __future__ import annotations

import math

import pytest

from rightskit.evaluate.detection import arithmetic
from rightskit.model import DetectionFigures, Estimate


def _fig(**kw: object) -> DetectionFigures:
    return DetectionFigures.model_validate(kw)


def test_base_rate_example_from_the_brief() -> None:
    out = arithmetic(_fig(items_per_day=1_000_000, prevalence=1e-4, true_positive_rate=0.9,
                          false_positive_rate=1e-3), None)
    r = out.result
    assert r.true_hits_per_day.central == pytest.approx(90)
    assert r.false_hits_per_day.central == pytest.approx(999.9)
    assert r.precision.central == pytest.approx(0.0826, abs=1e-4)
    base = next(line for line in r.explanation if line.startswith("Base rate"))
    assert "a prevalence of 1 in 10,000 and a false-positive rate of 0.1%, about 9 of 10 hits are false" in base


def test_ranges_bound_the_outputs() -> None:
    out = arithmetic(_fig(items_per_day={"value": 1e6, "low": 5e5, "high": 2e6},
                          prevalence={"low": 1e-5, "high": 1e-3},
                          true_positive_rate={"value": 0.9, "low": 0.8, "high": 0.95},
                          false_positive_rate={"value": 1e-3, "low": 1e-4, "high": 1e-2}), None)
    p = out.result.precision
    assert p.low is not None and p.central is not None and p.high is not None
    assert p.low < p.central < p.high
    assert p.low == pytest.approx(0.8e-5 / (0.8e-5 + (1 - 1e-5) * 1e-2))
    fp = out.result.false_hits_per_day
    assert fp.low == pytest.approx(5e5 * (1 - 1e-3) * 1e-4) and fp.high == pytest.approx(2e6 * (1 - 1e-5) * 1e-2)


def test_users_flagged_upper_bound_without_items_per_user() -> None:
    out = arithmetic(_fig(items_per_day=1e6, prevalence=1e-4, true_positive_rate=0.9, false_positive_rate=1e-3), None)
    users = out.result.innocent_users_flagged_per_year
    assert users.central == pytest.approx(999.9 * 365)
    assert any("upper bound" in line for line in out.result.explanation)
    assert "items per user per day" in out.result.unknown_inputs


def test_users_flagged_with_items_per_user() -> None:
    out = arithmetic(_fig(items_per_day=1e6, prevalence=0.0, true_positive_rate=0.9, false_positive_rate=1e-3,
                          items_per_user_per_day=10), None)
    expected = 1e6 / 10 * (1 - (1 - 1e-3) ** 3650)
    assert out.result.innocent_users_flagged_per_year.central == pytest.approx(expected)
    assert expected < 1e6 * 1e-3 * 365  # never more than the union bound


def test_users_flagged_capped_by_people_affected() -> None:
    out = arithmetic(_fig(items_per_day=1e9, prevalence=1e-4, true_positive_rate=0.9, false_positive_rate=1e-3),
                     Estimate(value=1_000_000))
    assert out.result.innocent_users_flagged_per_year.central == 1_000_000


def test_review_workload() -> None:
    out = arithmetic(_fig(items_per_day=1e6, prevalence=1e-4, true_positive_rate=0.9, false_positive_rate=1e-3,
                          review_minutes_per_hit=2), None)
    assert out.result.review_hours_per_day.central == pytest.approx((90 + 999.9) * 2 / 60)


def test_unknown_inputs_are_never_assumed() -> None:
    out = arithmetic(_fig(items_per_day=1e6, false_positive_rate=1e-3), None)
    r = out.result
    assert r.precision.central is None and r.true_hits_per_day.central is None
    assert r.review_hours_per_day.central is None
    assert r.false_hits_per_day.central == pytest.approx(1000)  # N × f, labelled an upper bound
    assert any("upper bound: the prevalence is not given" in line for line in r.explanation)
    assert set(r.unknown_inputs) >= {"prevalence", "recall (true-positive rate)", "review minutes per hit"}
    assert out.precision is None


def test_known_inputs_carry_their_sources() -> None:
    out = arithmetic(_fig(items_per_day={"value": 1e6, "cite": ["study"]}), None)
    assert out.result.known_inputs == ["items scanned per day: 1,000,000 [study]"]
    assert [c.ref for c in out.cite] == ["study"]


def test_tiny_rates_are_stable() -> None:
    out = arithmetic(_fig(items_per_day=1e10, prevalence=1e-6, true_positive_rate=0.99, false_positive_rate=1e-12,
                          items_per_user_per_day=50), None)
    users = out.result.innocent_users_flagged_per_year.central
    assert users is not None and math.isfinite(users) and users > 0


@pytest.mark.parametrize(("precision", "words"), [
    (0.0826, "about 9 of 10 hits are false"),
    (0.01, "about 99 false hits come for every true one"),
    (0.99, "about 1 in 100 hits is false"),
    (0.0, "every hit is false"),
    (1.0, "no hit is false"),
])
def test_base_rate_words(precision: float, words: str) -> None:
    from rightskit.evaluate.wording import false_share

    assert false_share(precision) == words


def test_a_contested_range_keeps_the_chosen_value_and_the_source_of_each_end() -> None:
    fpr = {"value": 1e-2, "low": 1e-3, "high": 1e-1, "cite": ["lit"], "low_cite": ["vendor"], "high_cite": ["lit"]}
    out = arithmetic(_fig(items_per_day=1e6, false_positive_rate=fpr), None)
    # The author's value, not the middle of the range, drives the central figure; the ends drive the range.
    fp = out.result.false_hits_per_day
    assert (fp.low, fp.central, fp.high) == pytest.approx((1e3, 1e4, 1e5))
    line = next(x for x in out.result.known_inputs if x.startswith("false-positive rate"))
    assert line.endswith("[lit; low: vendor; high: lit]")
    assert [c.ref for c in out.cite] == ["lit", "vendor", "lit"]


@pytest.mark.parametrize("end", ["low", "high"])
def test_a_source_for_an_end_that_is_not_given_is_refused(end: str) -> None:
    with pytest.raises(ValueError, match=f"{end}_cite is given but {end} is not"):
        Estimate.model_validate({"value": 1e-3, f"{end}_cite": ["vendor"]})
