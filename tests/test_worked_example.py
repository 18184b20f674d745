"""The worked example (docs/examples/worked/) in YAML and Python: the same model, the same results, and
every model field the engine reads set explicitly, so a new engine input fails here until the example shows it."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from rightskit.evaluate import evaluate as run_engine
from rightskit.model import assessment as records
from rightskit.model.citation import Estimate
from rightskit.model.condition import ConditionField
from rightskit.pipeline import evaluate, graph, load

ROOT = Path(__file__).resolve().parents[1]
WORKED = ROOT / "docs" / "examples" / "worked"
FLAGSHIPS = sorted(p for p in (ROOT / "reports").iterdir() if p.is_dir())

#: The records an author writes; the engine's reads of their fields are its inputs.
AUTHORED: tuple[type[BaseModel], ...] = (
    records.Assessment, records.FrameworkUse, records.Measure, records.Population, Estimate, records.Evidence,
    records.DetectionFigures, records.Interference, records.EssenceDecision, records.LegalityIssue,
    records.Safeguard, records.Mitigation, records.Aim, records.Alternative, records.AlternativeInterference,
)
#: Read by the engine but not a fact of the case: the calculus' parameters (docs/engine.md), defaults suit it.
NOT_CASE_FACTS = {("Assessment", "settings")}


def _reads(folder: Path) -> set[tuple[str, str]]:
    """(record, field) of every authored field the graph and engine stages read while evaluating ``folder``."""
    resolved = load(folder)
    seen: set[tuple[str, str]] = set()

    def spy(cls: type[BaseModel]) -> Any:
        names = frozenset(cls.model_fields)

        def get(self: BaseModel, name: str) -> Any:
            if name in names:
                seen.add((cls.__name__, name))
            return BaseModel.__getattribute__(self, name)

        return get

    try:
        for cls in AUTHORED:
            cls.__getattribute__ = spy(cls)  # type: ignore[method-assign]
        run_engine(graph(resolved))
    finally:
        for cls in AUTHORED:
            del cls.__getattribute__
    return seen


def _condition_fields() -> set[tuple[str, str]]:
    """The fields the catalogue's data conditions may test (rightskit.model.condition), as record fields."""
    special = {"measure.affected_count": [("Measure", "affected"), ("Population", "count")],
               "measure.has_detection_figures": [("Measure", "detection")],
               "measure.safeguard_types": [("Safeguard", "type")]}
    out: set[tuple[str, str]] = set()
    for name in typing.get_args(ConditionField):
        record, _, field = name.partition(".")
        out.update(special.get(name, [(record.capitalize(), field)]))
    return out


def _given(obj: Any) -> Iterator[tuple[str, str]]:
    """(record, field) of every field the author set explicitly, anywhere in the model."""
    if isinstance(obj, BaseModel):
        for name in obj.model_fields_set:
            yield type(obj).__name__, name
            yield from _given(getattr(obj, name))
    elif isinstance(obj, list | tuple):
        for item in obj:
            yield from _given(item)


def test_yaml_and_python_give_the_same_model_and_results() -> None:
    yaml_bundle = evaluate(WORKED / "assessment.yaml")
    python_bundle = evaluate(WORKED / "assessment.py")
    assert yaml_bundle.resolved.assessment == python_bundle.resolved.assessment
    assert yaml_bundle.results == python_bundle.results


@pytest.mark.parametrize("form", ["assessment.yaml", "assessment.py"])
def test_the_example_sets_every_field_the_engine_reads(form: str) -> None:
    inputs = _condition_fields() | _reads(WORKED / form)
    for flagship in FLAGSHIPS:
        inputs |= _reads(flagship)
    inputs -= NOT_CASE_FACTS
    assert ("Measure", "feeds") in inputs and ("DetectionFigures", "prevalence") in inputs  # the spy works
    given = set(_given(load(WORKED / form).assessment))
    missing = sorted(f"{record}.{field}" for record, field in inputs - given)
    assert not missing, f"add these engine inputs to docs/examples/worked/ (YAML and Python): {missing}"


def test_the_example_checks_and_explains_its_verdicts() -> None:
    bundle = evaluate(WORKED / "assessment.yaml")
    verdicts = {mid: m.verdict for mid, m in bundle.results.measures.items()}
    assert verdicts == {"match": "proportionate-with-conditions", "report": "proportionate-with-conditions"}
    explained = (WORKED / "README.md").read_text(encoding="utf-8")
    assert "proportionate-with-conditions" in explained
