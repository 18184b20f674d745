"""Flip analysis: the safeguards that carry a verdict and the smallest set of types that would fix it."""

from __future__ import annotations

from test_engine_support import GOOD_FIGURES, child_aim, measure, new, scan, well_formed


def test_carrying_safeguard() -> None:
    a = new()
    child_aim(a)
    well_formed(a)
    m = measure(a)
    assert m.verdict == "proportionate-with-conditions"
    assert m.flip is not None and m.flip.fix is None and m.flip.fix_possible
    # Human review of automated hits is essential (the court held such analysis unlawful without it):
    # removing it alone fails the step. Deletion and the error cap are expected: without them the
    # measure keeps its verdict, with one more condition.
    assert m.flip.carrying == ["review"]
    assert "without review it would be disproportionate" in m.flip.explanation


def test_no_single_safeguard_carries() -> None:
    a = new()
    child_aim(a)
    s = well_formed(a)
    a.safeguard("extra", "Sunset", type="safeguards/sunset-clause", source="reg-mini/art-3").mitigates(
        s, "eu-charter/art-7", strength="weak")
    m = measure(a)
    assert m.flip is not None and "extra" not in m.flip.carrying


def test_smallest_fix_adds_the_missing_required_types() -> None:
    a = new()
    child_aim(a)
    s = scan(a, detection=GOOD_FIGURES)
    s.interferes("eu-charter/art-7", severity="serious", rationale="x")
    m = measure(a)
    assert m.verdict == "disproportionate"
    assert m.flip is not None and m.flip.fix_possible
    assert m.flip.fix == ["safeguards/error-rate-limits", "safeguards/human-review", "safeguards/retention-limits"]
    assert "at moderate strength" in m.flip.explanation


def test_fix_needs_extra_types_to_lower_the_burden() -> None:
    a = new()
    child_aim(a, importance="high")
    s = scan(a, kind="other", automated=False, effectiveness={"level": "low", "statement": "x", "cite": ["study"]},
             scope="targeted")
    s.interferes("eu-charter/art-7", severity="very-serious", rationale="x")
    # W = (8·2) / (1·4·½) = 8; one added type (serious, 4) leaves W = 4, still clearly negative; two
    # (moderate, 2) give W = 2, a redressable imbalance.
    m = measure(a)
    assert m.steps["proportionality"].status == "not-satisfied"
    assert m.flip is not None and m.flip.fix is not None and len(m.flip.fix) == 2
    assert "further type(s) to lower the residual severity" in m.flip.explanation


def test_no_fix_when_the_floor_is_reached() -> None:
    a = new()
    child_aim(a, importance="low")
    s = scan(a, kind="other", automated=False, scope="targeted",
             effectiveness={"level": "low", "statement": "x", "cite": ["study"]})
    # benefit 1 − 1 = 0; even at the floor (minor) the burden is 1 + 0 + 1 = 2.
    s.interferes("eu-charter/art-7", severity="very-serious", rationale="x")
    m = measure(a)
    assert m.flip is not None and m.flip.fix is None and not m.flip.fix_possible
    assert "floor" in m.flip.explanation


def test_no_fix_when_a_step_without_safeguards_fails() -> None:
    a = new()
    child_aim(a)
    well_formed(a, legal_basis=[])
    m = measure(a)
    assert m.flip is not None and not m.flip.fix_possible
    assert "legality is not-satisfied whatever safeguards are added" in m.flip.explanation


def test_no_fix_for_the_essence() -> None:
    a = new()
    child_aim(a)
    scan(a).interferes("eu-charter/art-7", severity="serious", rationale="x", reaches_essence=True)
    m = measure(a)
    assert m.flip is not None and not m.flip.fix_possible and "essence" in m.flip.explanation


def test_search_is_bounded() -> None:
    from test_engine_support import run

    from rightskit.evaluate import default_registry

    calls: list[str] = []
    base = default_registry()
    registry = type(base)()
    for rid in base.ids():
        rule = base.get(rid)

        def counted(ctx, view, step, _run=rule.run, _id=rid):  # type: ignore[no-untyped-def]
            calls.append(_id)
            return _run(ctx, view, step)

        registry.register(rid, counted, step=rule.step, uses_safeguards=rule.uses_safeguards,
                          stops_with=rule.stops_with)
    a = new()
    child_aim(a, importance="low")
    s = scan(a, kind="other", automated=False, scope="targeted",
             effectiveness={"level": "low", "statement": "x", "cite": ["study"]})
    s.interferes("eu-charter/art-7", severity="very-serious", rationale="x")
    m = run(a, registry=registry).measures["scan"]
    assert m.flip is not None and not m.flip.fix_possible
    # One baseline run, then at most flip_max_added + 1 = 7 scenarios; steps that ignore safeguards run once.
    assert calls.count("legality") == 1 and calls.count("necessity") == 1
    assert 1 < calls.count("proportionality") <= 8
