"""One place per legal step: each step module's StepSpec is what every other part reads."""

from __future__ import annotations

from rightskit.evaluate import default_registry
from rightskit.evaluate.results import STEP_IDS
from rightskit.evaluate.steps import SPECS
from rightskit.evaluate.table import _SHORT
from rightskit.load import FrameworkLibrary, packaged_frameworks_dir
from rightskit.render.diagram.style import STEP_SHORT


def test_the_specs_are_the_steps_in_order() -> None:
    assert tuple(s.id for s in SPECS) == STEP_IDS
    method = FrameworkLibrary([packaged_frameworks_dir()]).get("art-52-1")
    assert [s.id for s in method.steps] == list(STEP_IDS)
    assert [s.rule for s in method.steps] == list(STEP_IDS)


def test_registry_table_and_diagrams_read_the_specs() -> None:
    registry = default_registry()
    for spec in SPECS:
        rule = registry.get(spec.id, "test")
        assert rule.run is spec.rule and rule.step == spec.id and rule.summary == spec.summary
        assert rule.uses_safeguards == spec.uses_safeguards and rule.stops_with == spec.stops_with
        assert _SHORT[spec.id] == spec.short and STEP_SHORT[spec.id] == spec.abbrev
