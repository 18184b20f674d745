"""The method: which steps run, in which order, with which rules — read from framework ``art-52-1``.

The framework's ``steps`` give the order, the step ids and titles, their sources and the id of the
rule that runs each. Without that framework the built-in order applies: legality, essence,
legitimate aim, suitability, necessity, proportionality, safeguards. A framework's ``rules`` list
adds registered rules by id to the step each rule serves. An unknown rule id, or an extra rule for a
step the method lacks, is an error that names the framework and the place.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem, RightskitError, SourceLocation
from ..load import Resolved
from ..translation.sentence import worded
from .context import StepInfo
from .registry import Rule, RuleRegistry
from .steps import SPECS

METHOD_FRAMEWORK = "art-52-1"


@dataclass(frozen=True, slots=True)
class PlannedStep:
    """A step of the method with the rules that run it (the method's rule first)."""

    info: StepInfo
    rules: tuple[Rule, ...]


def _where(resolved: Resolved, fid: str, path: tuple[int | str, ...]) -> SourceLocation:
    library = resolved.library
    if library is not None and fid in library:
        from ..load.yamlsource import locate

        try:
            found = locate(library.raw(fid), path)
        except RightskitError:  # pragma: no cover - the framework already loaded once
            found = None
        if found is not None:
            return found
        return SourceLocation(str(library.path(fid)))
    return SourceLocation(f"framework '{fid}'")


def plan(resolved: Resolved, registry: RuleRegistry) -> tuple[PlannedStep, ...]:
    """The steps to run, validated against the registry."""
    method = resolved.frameworks.get(METHOD_FRAMEWORK)
    steps: list[PlannedStep] = []
    if method is not None and method.steps:
        for i, s in enumerate(method.steps):
            rule = registry.get(s.rule, f"framework '{METHOD_FRAMEWORK}', step '{s.id}'",
                                _where(resolved, METHOD_FRAMEWORK, ("steps", i, "rule")))
            steps.append(PlannedStep(StepInfo(s.id, worded(s.title, s.wordings("title")), tuple(s.cite)), (rule,)))
    else:
        for spec in SPECS:
            steps.append(PlannedStep(StepInfo(spec.id, spec.title), (registry.get(spec.id, "built-in method"),)))
    by_step = {p.info.id: i for i, p in enumerate(steps)}
    used = {r.id for p in steps for r in p.rules}
    for fid, fw in sorted(resolved.frameworks.items()):
        for j, rid in enumerate(fw.rules):
            where = _where(resolved, fid, ("rules", j))
            rule = registry.get(rid, f"framework '{fid}'", where)
            if rule.id in used:
                continue
            if rule.step not in by_step:
                message = (f"framework '{fid}': rule '{rid}' serves step '{rule.step}', which the method does "
                           f"not have")
                raise RightskitError(message, [Problem(message, where,
                                                       f"method steps: {', '.join(by_step)}")])
            k = by_step[rule.step]
            steps[k] = PlannedStep(steps[k].info, (*steps[k].rules, rule))
            used.add(rule.id)
    return tuple(steps)
