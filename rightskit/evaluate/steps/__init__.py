"""The seven Art. 52(1) rules, one module per step; each declares its :class:`StepSpec` once.

``SPECS`` lists them in the method's order: the registry registers them, and the built-in method,
the text table and the diagrams take their ids and names from here.
"""

from __future__ import annotations

from . import essence, legality, legitimate_aim, necessity, proportionality, safeguards, suitability
from .spec import StepSpec

SPECS: tuple[StepSpec, ...] = (
    legality.SPEC, essence.SPEC, legitimate_aim.SPEC, suitability.SPEC, necessity.SPEC, proportionality.SPEC,
    safeguards.SPEC,
)
BY_ID = {s.id: s for s in SPECS}

__all__ = ["BY_ID", "SPECS", "StepSpec"]
