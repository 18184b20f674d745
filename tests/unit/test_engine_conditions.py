"""The condition vocabulary in three-valued logic: unknown inputs stay unknown."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from rightskit.evaluate.condition import ConditionError, Subject, compile_condition
from rightskit.model import Interference, Measure
from rightskit.model.condition import Condition

COND: TypeAdapter[Condition] = TypeAdapter(Condition)


def _subject(**fields: Any) -> Subject:
    m = Measure.model_validate({"id": "m", "title": "M", "kind": "detection", **fields})
    return Subject(m, tuple(m.data_categories), m.affected_count)


def _test(cond: dict[str, Any], subject: Subject) -> bool | None:
    return compile_condition(COND.validate_python(cond), "test").test(subject)


@pytest.mark.parametrize(("cond", "expected"), [
    ({"field": "measure.kind", "eq": "detection"}, True),
    ({"field": "measure.kind", "in": ["retention", "access"]}, False),
    ({"field": "measure.data_categories", "contains": "content"}, True),
    ({"field": "measure.data_categories", "in": ["traffic-data", "content"]}, True),
    ({"field": "measure.data_categories", "not_in": ["traffic-data"]}, True),
    ({"field": "measure.automated", "eq": True}, True),
    ({"field": "measure.end_to_end_encrypted", "eq": True}, None),   # unknown
    ({"not": {"field": "measure.end_to_end_encrypted", "eq": True}}, None),
    ({"all": [{"field": "measure.kind", "eq": "access"}, {"field": "measure.end_to_end_encrypted", "eq": True}]},
     False),                                                           # false beats unknown in 'all'
    ({"any": [{"field": "measure.kind", "eq": "detection"}, {"field": "measure.end_to_end_encrypted", "eq": True}]},
     True),                                                            # true beats unknown in 'any'
    ({"field": "measure.affected_count", "gte": 1000}, True),
    ({"field": "measure.has_detection_figures", "eq": False}, True),
    ({"field": "interference.right", "eq": "eu-charter/art-7"}, None),  # no interference given
])
def test_three_valued(cond: dict[str, Any], expected: bool | None) -> None:
    s = _subject(data_categories=["content"], automated=True,
                 affected={"description": "x", "count": 5000})
    assert _test(cond, s) is expected


def test_interference_fields_hold_for_any_interference() -> None:
    cond = compile_condition(COND.validate_python({"field": "interference.severity", "gte": 3}), "test")
    s = _subject()
    light = Interference(right="a/b", severity="minor", rationale="x")
    heavy = Interference(right="a/c", severity="serious", rationale="x")
    assert cond.holds_for(s, [light]) is False
    assert cond.holds_for(s, [light, heavy]) is True
    assert cond.text == "interference.severity ≥ serious"


def test_unknown_fields_are_named() -> None:
    cond = compile_condition(COND.validate_python({"field": "measure.affected_count", "gte": 10}), "test")
    assert cond.unknown_fields(_subject()) == ["measure.affected_count"]


@pytest.mark.parametrize("cond", [
    {"field": "measure.kind", "gte": 2},
    {"field": "measure.data_categories", "lte": 2},
    {"field": "measure.kind", "contains": "detection"},
])
def test_misused_operators_are_errors(cond: dict[str, Any]) -> None:
    with pytest.raises(ConditionError, match="cannot use"):
        compile_condition(COND.validate_python(cond), "framework 'x': type 'y'")
