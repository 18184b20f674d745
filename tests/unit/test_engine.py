"""The engine as a whole: result shape, ids, traceability, reproducibility, method and rule registry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_engine_support import MINI, child_aim, edge_case, graph, measure, new, run, scan, well_formed

from rightskit.errors import RightskitError
from rightskit.evaluate import DISCLAIMER, Note, RuleRegistry, default_registry, evaluate, text_table
from rightskit.evaluate.results import STEP_IDS, EvaluationResult
from rightskit.graph import build_graph
from rightskit.load import FrameworkLibrary, resolve


def _typical() -> tuple[EvaluationResult, object]:
    a, _, _ = edge_case("feeds-cycle")
    rg = graph(a)
    return evaluate(rg), rg


def test_result_shape_and_order() -> None:
    result, _ = _typical()
    assert list(result.measures) == sorted(result.measures) == ["remove", "report", "scan"]
    assert list(result.rights) == sorted(result.rights)
    for m in result.measures.values():
        assert list(m.steps) == list(STEP_IDS)  # the fixture method lists the seven steps in order
    assert result.disclaimer == DISCLAIMER and "not a court" in result.disclaimer
    assert result.as_of == "2022-06-01"


def test_frameworks_are_stamped_with_the_legal_version_in_effect() -> None:
    result = run(edge_case("before-lapse")[0], as_of="2025-01-01")
    stamps = {s.id: s for s in result.frameworks}
    assert stamps["reg-mini"].legal_version == "2024-05-15" and stamps["reg-mini"].legal_status == "in-force"
    assert stamps["reg-mini"].data_version == "test-1"
    late = {s.id: s for s in run(edge_case("before-lapse")[0], as_of="2027-01-01").frameworks}
    assert late["reg-mini"].legal_version is None and late["reg-mini"].legal_status == "not in effect"


def test_finding_ids_are_stable_unique_and_traceable() -> None:
    result, rg = _typical()
    seen: set[str] = set()
    for mid, m in result.measures.items():
        for sid, step in m.steps.items():
            for f in step.findings:
                assert f.id.startswith(f"{mid}/{sid}/") and f.id not in seen
                seen.add(f.id)
                assert f.nodes and f.nodes[0] == f"measure:{mid}"
                for node in f.nodes:
                    assert node in rg.g, node  # type: ignore[attr-defined]
                assert f.reasons or f.status == "satisfied" or f.message
    again, _ = _typical()
    assert [f.id for m in again.measures.values() for s in m.steps.values() for f in s.findings] == \
        [f.id for m in result.measures.values() for s in m.steps.values() for f in s.findings]


def test_citations_resolve() -> None:
    result, rg = _typical()
    index = rg.resolved.index  # type: ignore[attr-defined]
    for m in result.measures.values():
        for step in m.steps.values():
            for f in step.findings:
                for c in f.cite:
                    assert index.kind_of(c.ref, ("source", "provision", "case", "criterion", "right", "step",
                                                 "safeguard-type")), c.ref


def test_output_is_reproducible_and_valid_against_the_schema() -> None:
    first = json.dumps(_typical()[0].model_dump(mode="json"), sort_keys=False)
    second = json.dumps(_typical()[0].model_dump(mode="json"), sort_keys=False)
    assert first == second
    EvaluationResult.model_validate_json(first)  # the constructed result satisfies its own schema


def test_no_measures() -> None:
    result = run(new())
    assert result.measures == {} and result.rights == {}
    assert "(no measures)" in text_table(result)


def test_text_table() -> None:
    result, _ = _typical()
    table = text_table(result)
    lines = table.splitlines()
    assert lines[1].split()[:3] == ["measure", "legality", "essence"] and lines[1].split()[-1] == "verdict"
    scan_row = next(line for line in lines if line.startswith("scan "))
    assert scan_row.endswith(result.measures["scan"].verdict)
    assert "✓ ok = satisfied" in table and "✗ fails = not-satisfied" in table


def test_table_marks_skipped_steps() -> None:
    a = new()
    child_aim(a)
    scan(a).interferes("eu-charter/art-7", severity="serious", rationale="x", reaches_essence=True)
    table = text_table(run(a))
    assert "– skipped" in table.splitlines()[3] and "essence-violated" in table


# -- method and registry -------------------------------------------------------------------------

def _library_without(tmp_path: Path, *drop: str, extra: dict[str, str] | None = None) -> Path:
    target = tmp_path / "fw"
    shutil.copytree(MINI, target)
    for name in drop:
        (target / f"{name}.yaml").unlink()
    for name, text in (extra or {}).items():
        (target / f"{name}.yaml").write_text(text, encoding="utf-8")
    return target


def _evaluate_with(folder: Path, registry: RuleRegistry | None = None) -> EvaluationResult:
    a = new()
    child_aim(a)
    well_formed(a)
    rg = build_graph(resolve(a.build(), FrameworkLibrary([folder]), lambda p: None, "test"))
    return evaluate(rg, registry)


def test_builtin_order_without_the_method_framework(tmp_path: Path) -> None:
    result = _evaluate_with(_library_without(tmp_path, "art-52-1"))
    assert list(result.measures["scan"].steps) == list(STEP_IDS)
    assert result.measures["scan"].verdict == "proportionate-with-conditions"


def test_method_order_and_unknown_rule(tmp_path: Path) -> None:
    method = (MINI / "art-52-1.yaml").read_text(encoding="utf-8")
    folder = _library_without(tmp_path, "art-52-1", extra={"art-52-1": method.replace("rule: suitability",
                                                                                      "rule: suitabilty")})
    with pytest.raises(RightskitError) as err:
        _evaluate_with(folder)
    assert "unknown rule 'suitabilty'" in err.value.format()
    assert "did you mean 'suitability'" in err.value.format()
    assert "art-52-1.yaml:" in err.value.format()  # located at the framework line


def test_framework_can_add_a_registered_rule_by_id(tmp_path: Path) -> None:
    method = (MINI / "art-52-1.yaml").read_text(encoding="utf-8") + "rules: [encryption-check]\n"
    folder = _library_without(tmp_path, "art-52-1", extra={"art-52-1": method})
    with pytest.raises(RightskitError, match="unknown rule 'encryption-check'"):
        _evaluate_with(folder)

    def encryption_check(ctx, view, step):  # type: ignore[no-untyped-def]
        return [Note("e2ee", "concern", "Extra rule ran.", nodes=(view.node,))]

    registry = default_registry()
    registry.register("encryption-check", encryption_check, step="necessity")
    result = _evaluate_with(folder, registry)
    extra = [f for f in result.measures["scan"].steps["necessity"].findings if f.rule == "encryption-check"]
    assert [f.id for f in extra] == ["scan/necessity/e2ee"]


def test_extra_rule_for_a_missing_step(tmp_path: Path) -> None:
    method = (MINI / "art-52-1.yaml").read_text(encoding="utf-8") + "rules: [odd]\n"
    registry = default_registry()
    registry.register("odd", lambda ctx, view, step: [], step="no-such-step")
    with pytest.raises(RightskitError, match="serves step 'no-such-step'"):
        _evaluate_with(_library_without(tmp_path, "art-52-1", extra={"art-52-1": method}), registry)


def test_registries_are_independent() -> None:
    one, two = default_registry(), default_registry()
    one.register("extra", lambda ctx, view, step: [], step="necessity")
    assert "extra" in one and "extra" not in two
    with pytest.raises(RightskitError, match="already registered"):
        one.register("extra", lambda ctx, view, step: [], step="necessity")
    assert two.ids() == sorted(STEP_IDS)


def test_rule_without_findings_is_undetermined(tmp_path: Path) -> None:
    registry = RuleRegistry()
    base = default_registry()
    for sid in STEP_IDS:
        if sid == "suitability":
            registry.register(sid, lambda ctx, view, step: [], step=sid)
        else:
            rule = base.get(sid)
            registry.register(sid, rule.run, step=sid, uses_safeguards=rule.uses_safeguards,
                              stops_with=rule.stops_with)
    result = _evaluate_with(MINI, registry)
    step = result.measures["scan"].steps["suitability"]
    assert step.status == "undetermined" and step.findings[0].id == "scan/suitability/no-finding"


def test_two_assessments_do_not_share_state() -> None:
    a, b = new(), new()
    child_aim(a)
    child_aim(b)
    well_formed(a)
    scan(b).interferes("eu-charter/art-7", severity="serious", rationale="x", reaches_essence=True)
    assert measure(a).verdict == "proportionate-with-conditions"
    assert measure(b).verdict == "essence-violated"
    assert measure(a).verdict == "proportionate-with-conditions"
