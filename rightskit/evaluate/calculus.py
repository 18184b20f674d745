"""The parameters of the calculus: how much safeguards, scale, aims and evidence weigh.

Every number the engine uses to weigh something lives here, read once from the assessment's
:class:`~rightskit.model.EngineSettings`. Fields the settings model does not (yet) define take the
defaults documented in ``docs/engine.md``; once the settings model gains a field of the same name,
its value is used instead, so authors can tune the calculus without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

from ..model import EngineSettings
from ..model.scales import IMPORTANCE_ORDER, SEVERITY_ORDER, STRENGTH_ORDER

T = TypeVar("T", int, float, str)

#: Severity levels one safeguard of each strength removes (docs/engine.md, "Residual severity").
DEFAULT_STRENGTH_LEVELS = MappingProxyType({"weak": 0, "moderate": 1, "strong": 2})
#: How the evidence of effectiveness moves the weight of the aim (docs/engine.md, "Balance").
DEFAULT_EFFECTIVENESS_WEIGHT = MappingProxyType({"none": -2, "low": -1, "medium": 0, "high": 1})


def _setting(settings: EngineSettings, name: str, default: T) -> T:
    # The settings model is owned by the model stage; read optional fields by name so a field added
    # there later takes effect here without a code change, and a wrong type fails loudly.
    value = getattr(settings, name, None)
    if value is None:
        return default
    if not isinstance(value, type(default)) or isinstance(value, bool):
        raise TypeError(f"engine setting '{name}' must be {type(default).__name__}, not {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class Calculus:
    """Every tunable weight of the engine, resolved to plain numbers."""

    weak_levels: int
    moderate_levels: int
    strong_levels: int
    residual_floor: int
    general_content_floor: int
    general_scope_penalty: int
    mass_scale_threshold: int
    precision_concern_below: float
    precision_fail_below: float
    cumulative_min_severity: int
    cumulative_min_measures: int
    general_exception_importance: int
    flip_added_strength: str
    flip_max_added: int

    @classmethod
    def from_settings(cls, settings: EngineSettings) -> Calculus:
        """Read the settings, falling back to the documented defaults."""
        added = _setting(settings, "flip_added_strength", "moderate")
        if added not in STRENGTH_ORDER:
            raise ValueError(f"engine setting 'flip_added_strength' must be one of {STRENGTH_ORDER}, not {added!r}")
        return cls(
            weak_levels=_setting(settings, "weak_levels", DEFAULT_STRENGTH_LEVELS["weak"]),
            moderate_levels=_setting(settings, "moderate_levels", DEFAULT_STRENGTH_LEVELS["moderate"]),
            strong_levels=_setting(settings, "strong_levels", DEFAULT_STRENGTH_LEVELS["strong"]),
            residual_floor=SEVERITY_ORDER.index(_setting(settings, "residual_floor", "minor")),
            general_content_floor=SEVERITY_ORDER.index(_setting(settings, "general_content_floor", "moderate")),
            general_scope_penalty=settings.general_scope_penalty,
            mass_scale_threshold=settings.mass_scale_threshold,
            precision_concern_below=settings.precision_concern_below,
            precision_fail_below=settings.precision_fail_below,
            cumulative_min_severity=SEVERITY_ORDER.index(_setting(settings, "cumulative_min_severity", "serious")),
            cumulative_min_measures=_setting(settings, "cumulative_min_measures", 2),
            general_exception_importance=IMPORTANCE_ORDER.index(
                _setting(settings, "general_exception_importance", "very-high")) + 1,
            flip_added_strength=added,
            flip_max_added=_setting(settings, "flip_max_added", 6),
        )

    def levels(self, strength: str) -> int:
        """Severity levels a safeguard of ``strength`` removes."""
        if strength == "strong":
            return self.strong_levels
        if strength == "moderate":
            return self.moderate_levels
        return self.weak_levels

    @staticmethod
    def effectiveness_weight(level: str) -> int:
        """How the evidence of effectiveness moves the weight of the aim."""
        return DEFAULT_EFFECTIVENESS_WEIGHT[level]

