"""Shared builders for the engine tests: small hand-made assessments resolved against frameworks-mini.

Every engine test builds its input with the Python authoring API and resolves it against
``tests/fixtures/frameworks-mini`` (never the real ``frameworks/``), so the tests do not move when
the legal data is edited.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rightskit.authoring import Assessment, MeasureBuilder
from rightskit.evaluate import EvaluationResult, RuleRegistry, evaluate
from rightskit.evaluate.results import MeasureResult
from rightskit.graph import RightsGraph, build_graph
from rightskit.load import FrameworkLibrary, resolve

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "frameworks-mini"
SOURCE = {"ref": "study"}


def new(as_of: str = "2022-06-01", frameworks: list[str] | None = None, **kw: Any) -> Assessment:
    """An empty assessment over the mini frameworks, with one citable source ('study')."""
    a = Assessment("Engine test", as_of=as_of, frameworks=frameworks or ["eu-charter", "reg-mini"], **kw)
    a.source("study", "A study", kind="study")
    return a


def child_aim(a: Assessment, *, importance: str = "very-high", cited: bool = True) -> Any:
    """The aim of protecting children, sourced unless ``cited`` is False."""
    fields: dict[str, Any] = {"importance": importance, "protects": ["eu-charter/art-24"]}
    if cited:
        fields["cite"] = ["study"]
    return a.aim("protect-children", "Protect children from sexual abuse", kind="rights-of-others", **fields)


def scan(a: Assessment, mid: str = "scan", **fields: Any) -> MeasureBuilder:
    """A voluntary, general detection measure on content, with a basis, an aim and sourced evidence."""
    base: dict[str, Any] = {
        "automated": True, "scope": "general", "data_categories": ["content"], "detects": ["known-material"],
        "legal_basis": ["reg-mini/art-3"], "aims": ["protect-children"], "end_to_end_encrypted": False,
        "effectiveness": {"level": "high", "statement": "Finds known material.", "cite": ["study"]},
        "affected": {"description": "All users", "count": {"value": 10_000_000, "cite": ["study"]}},
        "max_duration_months": 36,
    }
    base.update(fields)
    return a.measure(mid, mid.replace("-", " ").title(), kind=base.pop("kind", "detection"), **base)


def graph(a: Assessment, as_of: str | None = None) -> RightsGraph:
    """Resolve against frameworks-mini and build the graph."""
    model = a.build()
    if as_of is not None:
        import datetime as dt

        model = model.model_copy(update={"as_of": dt.date.fromisoformat(as_of)})
    return build_graph(resolve(model, FrameworkLibrary([MINI]), lambda p: None, "test"))


def run(a: Assessment, as_of: str | None = None, registry: RuleRegistry | None = None) -> EvaluationResult:
    """Evaluate ``a``."""
    return evaluate(graph(a, as_of), registry)


def measure(a: Assessment, mid: str = "scan", as_of: str | None = None) -> MeasureResult:
    """Evaluate ``a`` and return one measure's results."""
    return run(a, as_of).measures[mid]


def statuses(m: MeasureResult) -> dict[str, str]:
    """Step id → status."""
    return {k: v.status for k, v in m.steps.items()}


def finding(m: MeasureResult, fid: str) -> Any:
    """The finding with id ``fid`` (searched in every step)."""
    for step in m.steps.values():
        for f in step.findings:
            if f.id == fid:
                return f
    ids = [f.id for s in m.steps.values() for f in s.findings]
    raise AssertionError(f"no finding {fid!r}; have {ids}")


# -- a well-formed measure and the edge cases every rule is tested on ------------------------------

GOOD_FIGURES = {"items_per_day": {"value": 1e8, "cite": ["study"]}, "prevalence": {"value": 0.01, "cite": ["study"]},
                "true_positive_rate": {"value": 0.9, "cite": ["study"]},
                "false_positive_rate": {"value": 1e-5, "cite": ["study"]}}


def well_formed(a: Assessment, mid: str = "scan", **fields: Any) -> MeasureBuilder:
    """A general voluntary scan with every required safeguard, binding: proportionate with conditions."""
    m = scan(a, mid, detection=GOOD_FIGURES, **fields)
    m.interferes("eu-charter/art-7", severity="serious", rationale="Reads private messages.")
    m.interferes("eu-charter/art-8", severity="moderate", rationale="Processes personal data.")
    for sid, title, type_, source, strength in (
        ("review", "Human review", "human-review", "reg-mini/art-3-1-g", "strong"),
        ("deletion", "Deletion", "retention-limits", "reg-mini/art-3-1-h", "moderate"),
        ("error-cap", "Error cap", "error-rate-limits", "reg-mini/art-3", "moderate"),
    ):
        sg = a.safeguard(f"{mid}-{sid}" if mid != "scan" else sid, title, type=f"safeguards/{type_}", source=source)
        sg.mitigates(m, "eu-charter/art-7", strength=strength).mitigates(m, "eu-charter/art-8", strength=strength)
    return m


def edge_case(name: str) -> tuple[Assessment, str, str | None]:
    """One of EDGE_CASES: (assessment, measure id to inspect, as-of override)."""
    a = new()
    child_aim(a)
    if name == "no-interferences":
        scan(a, detection=GOOD_FIGURES)
        return a, "scan", None
    if name == "no-aims":
        well_formed(a, aims=[])
        return a, "scan", None
    if name == "feeds-cycle":
        m = well_formed(a)
        report = a.measure("report", "Report", kind="reporting", legal_basis=["reg-mini/art-3"],
                           aims=["protect-children"], end_to_end_encrypted=False,
                           effectiveness={"level": "medium", "statement": "Reports reach police.", "cite": ["study"]})
        report.interferes("eu-charter/art-8", severity="moderate", rationale="Sends data on.")
        remove = a.measure("remove", "Remove", kind="removal", legal_basis=["reg-mini/art-3"], scope="targeted",
                           aims=["protect-children"], end_to_end_encrypted=False)
        remove.interferes("eu-charter/art-11", severity="minor", rationale="Removes content.")
        m.feeds(report)
        report.feeds(remove)
        remove.feeds(m)
        return a, "report", None
    if name == "idle-safeguard":
        well_formed(a)
        a.safeguard("idle", "A safeguard that mitigates nothing", type="safeguards/transparency-reporting",
                    source="reg-mini/art-3")
        return a, "scan", None
    if name == "alternative-unknown-effectiveness":
        well_formed(a)
        a.alternative("user-reports", "User reporting only", replaces=["scan"], aims=["protect-children"],
                      interferes=[{"right": "eu-charter/art-7", "severity": "minor"}])
        return a, "scan", None
    if name == "before-lapse":
        well_formed(a)
        return a, "scan", "2026-04-01"
    if name == "after-lapse":
        well_formed(a)
        return a, "scan", "2026-05-01"
    raise KeyError(name)


EDGE_CASES = ("no-interferences", "no-aims", "feeds-cycle", "idle-safeguard", "alternative-unknown-effectiveness",
              "before-lapse", "after-lapse")


def edge_result(name: str) -> MeasureResult:
    """Evaluate one edge case and return the inspected measure."""
    a, mid, as_of = edge_case(name)
    return run(a, as_of).measures[mid]
