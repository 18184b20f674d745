"""Bundles for the diagram and viewer tests, with hand-made results.

The goldens test the drawing, not the engine: ``fake_results`` derives a plausible, fully
deterministic EvaluationResult from the model (residual = inherent minus the levels of effective
safeguards; verdict from the worst residual), so engine changes never churn the golden files.
Loaded by path (``load_support()`` in each test module), so it needs no package layout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rightskit.bundle import Bundle
from rightskit.evaluate.results import (
    STEP_IDS,
    EvaluationResult,
    InterferenceResult,
    MeasureResult,
    Mitigation,
    RightResult,
    StepResult,
)
from rightskit.graph import build_graph
from rightskit.load import FrameworkLibrary, resolve
from rightskit.model.scales import severity_at, severity_rank
from rightskit.pipeline import Options

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
FRAMEWORKS = ROOT / "tests" / "fixtures" / "frameworks-diagram"
SMALL = HERE / "input" / "assessment.yaml"
LEVELS = {"weak": 1, "moderate": 1, "strong": 2}


def options() -> Options:
    return Options(frameworks_dirs=[FRAMEWORKS])


def fake_results(resolved: Any) -> EvaluationResult:
    a = resolved.assessment
    measures: dict[str, MeasureResult] = {}
    per_right: dict[str, dict[str, str]] = {}
    for m in sorted(a.measures, key=lambda x: x.id):
        itfs = []
        for itf in sorted(m.interferes, key=lambda i: i.right):
            mits = [(s, mit) for s in a.safeguards for mit in s.mitigates
                    if mit.measure == m.id and mit.right == itf.right]
            mits.sort(key=lambda p: p[0].id)
            levels = sum(LEVELS[mit.strength] for s, mit in mits if s.effective)
            residual = severity_at(severity_rank(itf.severity) - levels)
            itfs.append(InterferenceResult(
                measure=m.id, right=itf.right, inherent=itf.severity, residual=residual,
                reaches_essence=itf.reaches_essence,
                mitigations=[Mitigation(safeguard=s.id, strength=mit.strength, levels=LEVELS[mit.strength],
                                        effective=s.effective) for s, mit in mits],
                explanation=f"{itf.severity} minus {levels} level(s) of effective safeguards = {residual}",
            ))
            per_right.setdefault(itf.right, {})[m.id] = residual
        worst = max((severity_rank(i.residual) for i in itfs), default=0)
        if any(i.reaches_essence for i in itfs):
            verdict = "essence-violated"
        elif worst >= 3:
            verdict = "disproportionate"
        elif worst == 2:
            verdict = "proportionate-with-conditions"
        else:
            verdict = "proportionate"
        prop = {"proportionate": "satisfied", "proportionate-with-conditions": "concern"}.get(verdict, "not-satisfied")
        steps = {}
        for step in STEP_IDS:
            status = "satisfied"
            if step == "proportionality":
                status = prop
            elif step == "necessity" and any(m.id in alt.replaces for alt in a.alternatives):
                status = "concern"
            elif step == "suitability" and m.effectiveness is None:
                status = "undetermined"
            elif step == "essence" and verdict == "essence-violated":
                status = "not-satisfied"
            steps[step] = StepResult(status=status, summary=f"{step}: {status}")
        measures[m.id] = MeasureResult(
            title=m.title, verdict=verdict, verdict_reason=f"Worst residual severity is {severity_at(worst)}.",
            steps=steps, interferences=itfs,
        )
    rights = {}
    for ref, by_measure in sorted(per_right.items()):
        ranks = [severity_rank(v) for v in by_measure.values()]
        bump = 1 if sum(r >= 2 for r in ranks) >= 2 else 0
        cumulative = severity_at(max(ranks) + bump)
        right = resolved.index.get("right", ref)
        rights[ref] = RightResult(title=right.title if right else ref, cumulative=cumulative,
                                  measures=dict(sorted(by_measure.items())),
                                  explanation=f"Worst residual {severity_at(max(ranks))}, +{bump} for accumulation.")
    return EvaluationResult(assessment=a.id, title=a.title, as_of=a.as_of.isoformat(), rightskit_version="test",
                            frameworks=[], measures=measures, rights=rights, disclaimer="Test results.")


def bundle_from_resolved(resolved: Any, files: list[Path] | None = None) -> Bundle:
    return Bundle(resolved, build_graph(resolved), fake_results(resolved), list(files or []))


def load_bundle(path: Path = SMALL) -> Bundle:
    """Load an assessment file against the diagram frameworks, with hand-made results."""
    from rightskit import pipeline

    resolved = pipeline.load(path, options())
    return bundle_from_resolved(resolved, [Path(path).resolve()] if Path(path).is_file() else [])


def evaluate_fake(path: Path, opts: Options | None = None) -> Bundle:
    """A drop-in for ``pipeline.evaluate`` (used by the viewer tests while the engine is optional)."""
    from rightskit import pipeline

    resolved = pipeline.load(path, opts or options())
    return Bundle(resolved, build_graph(resolved), fake_results(resolved), pipeline.input_files(resolved))


def bundle_of(builder: Any) -> Bundle:
    """A bundle from an authoring-API assessment, resolved against the diagram frameworks only."""
    resolved = resolve(builder.build(), FrameworkLibrary([FRAMEWORKS]), lambda p: None, "test")
    return bundle_from_resolved(resolved)


KINDS = ("detection", "reporting", "removal", "blocking", "retention", "transfer", "filtering", "access")
RIGHTS = ("dg-charter/art-7", "dg-charter/art-8", "dg-charter/art-11", "dg-convention/art-8", "dg-charter/art-24")
SEVERITIES = ("minor", "moderate", "serious", "very-serious")


def large(measures: int = 600, safeguards: int | None = None) -> Any:
    """A generated assessment: ``measures`` measures in feeds chains, two interferences each, safeguards."""
    from rightskit.authoring import Assessment

    a = Assessment("Generated large assessment", as_of="2022-06-01",
                   frameworks=["dg-charter", "dg-convention", "dg-regulation"])
    a.aim("protect", "Protect children", kind="rights-of-others", protects=["dg-charter/art-24"])
    built = []
    for i in range(measures):
        kind = KINDS[i % len(KINDS)]
        m = a.measure(f"m-{i:04d}", f"Measure {i} ({kind})", kind=kind, aims=["protect"],
                      data_categories=["content", "traffic-data"] if i % 2 else ["content", "hashes"],
                      actor_type=("provider", "public-authority", "eu-body")[i % 3])
        m.interferes(RIGHTS[i % 4], severity=SEVERITIES[i % 4], rationale=f"Reason {i}")
        m.interferes(RIGHTS[(i + 1) % 4], severity=SEVERITIES[(i + 2) % 4], rationale=f"Second reason {i}")
        if i % 5 and built:
            built[-1].feeds(m)
        built.append(m)
    for j in range(safeguards if safeguards is not None else measures // 2):
        s = a.safeguard(f"s-{j:04d}", f"Safeguard {j}", type=None,
                        source="dg-regulation/art-3-1-g" if j % 2 else "voluntary")
        i = (j * 7) % measures
        s.mitigates(built[i], RIGHTS[i % 4], strength=("weak", "moderate", "strong")[j % 3])
    return a
