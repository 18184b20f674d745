"""The calculus parameters: documented defaults, read from EngineSettings where it defines them."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest

from rightskit.evaluate.calculus import Calculus
from rightskit.model import EngineSettings


def test_defaults() -> None:
    c = Calculus.from_settings(EngineSettings())
    assert (c.weak_levels, c.moderate_levels, c.strong_levels) == (0, 1, 2)
    assert (c.residual_floor, c.general_content_floor) == (1, 2)  # minor, moderate
    assert (c.general_scope_penalty, c.mass_scale_threshold) == (1, 1_000_000)
    assert (c.precision_concern_below, c.precision_fail_below) == (0.5, 0.05)
    assert (c.cumulative_min_severity, c.cumulative_min_measures) == (3, 2)
    assert c.general_exception_importance == 4 and c.flip_added_strength == "moderate" and c.flip_max_added == 6
    assert [c.levels(s) for s in ("weak", "moderate", "strong")] == [0, 1, 2]
    assert [Calculus.effectiveness_weight(x) for x in ("none", "low", "medium", "high")] == [-2, -1, 0, 1]


def _settings(**extra: Any) -> EngineSettings:
    # A namespace, not the model: the wrong values below must reach the calculus unvalidated.
    return cast(EngineSettings, SimpleNamespace(**{**EngineSettings().model_dump(), **extra}))


def test_fields_added_to_the_settings_model_are_picked_up() -> None:
    c = Calculus.from_settings(_settings(strong_levels=3, residual_floor="none", flip_max_added=2,
                                         cumulative_min_measures=3, flip_added_strength="strong"))
    assert (c.strong_levels, c.residual_floor, c.flip_max_added, c.cumulative_min_measures) == (3, 0, 2, 3)
    assert c.levels("strong") == 3 and c.flip_added_strength == "strong"


@pytest.mark.parametrize("bad", [{"strong_levels": "2"}, {"flip_added_strength": "huge"}, {"residual_floor": "tiny"}])
def test_wrong_values_fail_loudly(bad: dict[str, Any]) -> None:
    with pytest.raises((TypeError, ValueError)):
        Calculus.from_settings(_settings(**bad))
