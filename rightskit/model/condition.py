"""Conditions: the small declarative vocabulary that framework data uses instead of code.

A condition is ``{all: [...]}``, ``{any: [...]}``, ``{not: ...}`` or a test of one field with one
operator, e.g. ``{field: measure.automated, eq: true}``. The field names and operators are a closed
set validated by the schema; the evaluate stage interprets them. Data never contains code.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from .base import StrictModel

ConditionField = Literal[
    "measure.kind",
    "measure.automated",
    "measure.scope",
    "measure.data_categories",
    "measure.detects",
    "measure.actor_type",
    "measure.context",
    "measure.mandatory",
    "measure.end_to_end_encrypted",
    "measure.affected_count",
    "measure.has_detection_figures",
    "measure.purposes",
    "measure.authorised_by",
    "measure.onward_transfer",
    "measure.third_country_access",
    "measure.safeguard_types",
    "interference.right",
    "interference.severity",
    "interference.reaches_essence",
]
OPERATORS = ("eq", "ne", "in", "not_in", "contains", "contains_any", "gte", "lte")

Scalar = str | int | float | bool


class FieldTest(StrictModel):
    """Test one field of a measure or interference with exactly one operator."""

    field: ConditionField = Field(description="The field tested, from a closed vocabulary.")
    eq: Scalar | None = Field(default=None, description="The field equals this value.")
    ne: Scalar | None = Field(default=None, description="The field differs from this value.")
    in_: list[Scalar] | None = Field(default=None, alias="in", description="The field is one of these values.")
    not_in: list[Scalar] | None = Field(default=None, description="The field is none of these values.")
    contains: Scalar | None = Field(default=None, description="The list-valued field contains this value.")
    contains_any: list[Scalar] | None = Field(
        default=None, description="The list-valued field contains at least one of these values."
    )
    gte: float | None = Field(default=None, description="The numeric field is at least this.")
    lte: float | None = Field(default=None, description="The numeric field is at most this.")

    @model_validator(mode="after")
    def _one_operator(self) -> FieldTest:
        given = [op for op in OPERATORS if getattr(self, "in_" if op == "in" else op) is not None]
        if len(given) != 1:
            raise ValueError(
                f"a field test takes exactly one operator of {', '.join(OPERATORS)}; got {given or 'none'}"
            )
        return self

    @property
    def operator(self) -> tuple[str, Any]:
        """The (operator, operand) pair."""
        for op in OPERATORS:
            value = getattr(self, "in_" if op == "in" else op)
            if value is not None:
                return op, value
        raise AssertionError("validated to have one operator")


class AllOf(StrictModel):
    """True when every sub-condition is true."""

    all: list[Condition] = Field(min_length=1, description="Sub-conditions that must all hold.")


class AnyOf(StrictModel):
    """True when at least one sub-condition is true."""

    any: list[Condition] = Field(min_length=1, description="Sub-conditions of which one must hold.")


class NotOf(StrictModel):
    """True when the sub-condition is false."""

    not_: Condition = Field(alias="not", description="The condition negated.")


def _condition_kind(value: Any) -> str:
    # Pick the branch from the keys, so a wrong condition gets one clear error, not one per branch.
    if isinstance(value, dict):
        for key in ("all", "any", "not"):
            if key in value:
                return key
        return "field"
    for cls, tag in ((AllOf, "all"), (AnyOf, "any"), (NotOf, "not")):
        if isinstance(value, cls):
            return tag
    return "field"


Condition = Annotated[
    Annotated[AllOf, Tag("all")] | Annotated[AnyOf, Tag("any")] | Annotated[NotOf, Tag("not")]
    | Annotated[FieldTest, Tag("field")],
    Discriminator(_condition_kind),
]

AllOf.model_rebuild()
AnyOf.model_rebuild()
NotOf.model_rebuild()
