"""Shared fields sets: records of one kind share one read-only set, and nothing about them changes."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest
from pydantic import BaseModel

from rightskit import pipeline
from rightskit.evaluate.results import Finding
from rightskit.model.fieldsets import SharedFieldsSet, share_fields_sets, shared_fields_set

FLAGSHIP = Path(__file__).resolve().parents[2] / "reports" / "interim-regulation-2021-1232"


def _records(root: BaseModel) -> list[BaseModel]:
    out: list[BaseModel] = []
    stack: list[object] = list(root.__dict__.values())
    while stack:
        value = stack.pop()
        if isinstance(value, BaseModel):
            out.append(value)
            stack.extend(value.__dict__.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
    return out


@pytest.fixture(scope="module")
def bundle() -> pipeline.Bundle:
    return pipeline.evaluate(FLAGSHIP)


def test_every_loaded_and_evaluated_record_shares_its_fields_set(bundle: pipeline.Bundle) -> None:
    for root in (bundle.resolved.assessment, bundle.results):
        records = _records(root)
        assert len(records) > 50
        own = [r for r in records if type(r.__pydantic_fields_set__) is not SharedFieldsSet]
        # what is not shared: citations the results quote from the framework data, and the framework stamps
        assert {type(r).__name__ for r in own} <= {"Citation", "FrameworkStamp"}
        # one set per combination of given fields, not one per record
        assert len({id(r.__pydantic_fields_set__) for r in records}) < len(records) / 3
    # the root keeps a set of its own, so --as-of (model_copy(update=...)) still works
    assert type(bundle.resolved.assessment.__pydantic_fields_set__) is set


def test_the_shared_set_holds_exactly_the_fields_given() -> None:
    f = Finding.model_construct(id="m/legality/basis", rule="legality", status="satisfied", message="ok")
    assert f.model_fields_set == {"id", "rule", "status", "message"}
    other = Finding.model_construct(id="x", rule="r", status="concern", message="m")
    assert f.model_fields_set is other.model_fields_set
    assert f.model_dump(exclude_unset=True) == {"id": "m/legality/basis", "rule": "legality", "status": "satisfied",
                                                "message": "ok"}
    assert f.reasons == [] and f.requirement is None  # defaults are filled in as before


def test_assigning_to_a_shared_record_is_refused_not_spread() -> None:
    f = Finding.model_construct(id="a", rule="r", status="satisfied", message="m")
    g = Finding.model_construct(id="b", rule="r", status="satisfied", message="m")
    with pytest.raises(TypeError, match="shared with other records"):
        f.requirement = "safeguard#1"
    assert "requirement" not in g.model_fields_set
    with pytest.raises(TypeError):
        shared_fields_set(["a"]).add("b")
    with pytest.raises(TypeError):
        s = shared_fields_set(["a"])
        s |= {"b"}


def test_copies_get_a_plain_set_of_their_own() -> None:
    f = Finding.model_construct(id="a", rule="r", status="satisfied", message="m")
    changed = f.model_copy(update={"requirement": "safeguard#1"})
    assert changed.requirement == "safeguard#1" and "requirement" in changed.model_fields_set
    assert "requirement" not in f.model_fields_set
    deep = copy.deepcopy(f)
    assert type(deep.__pydantic_fields_set__) is set and deep == f
    again = pickle.loads(pickle.dumps(f))
    assert again == f and type(again.__pydantic_fields_set__) is set


def test_sharing_twice_changes_nothing(bundle: pipeline.Bundle) -> None:
    before = bundle.results.model_dump_json()
    share_fields_sets(bundle.results)
    assert bundle.results.model_dump_json() == before
