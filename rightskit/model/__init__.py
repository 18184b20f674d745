"""The pydantic model: the single schema of assessments and frameworks."""

from .assessment import (
    Aim,
    Alternative,
    AlternativeInterference,
    Assessment,
    DetectionFigures,
    EngineSettings,
    Evidence,
    FrameworkUse,
    Interference,
    LegalityIssue,
    Measure,
    Mitigation,
    Population,
    Safeguard,
)
from .citation import Citation, Estimate, Source
from .condition import AllOf, AnyOf, Condition, FieldTest, NotOf
from .framework import (
    Case,
    Criterion,
    Framework,
    FrameworkVersion,
    MethodStep,
    Provision,
    Right,
    SafeguardType,
)

__all__ = [
    "Aim", "AllOf", "Alternative", "AlternativeInterference", "AnyOf", "Assessment", "Case", "Citation",
    "Condition", "Criterion", "DetectionFigures", "EngineSettings", "Estimate", "Evidence", "FieldTest",
    "Framework", "FrameworkUse", "FrameworkVersion", "Interference", "LegalityIssue", "Measure", "MethodStep",
    "Mitigation", "NotOf", "Population", "Provision", "Right", "Safeguard", "SafeguardType", "Source",
]
