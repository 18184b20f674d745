"""The rule registry: typed Python rules registered by id in an explicit object, never at import time.

Framework data names rules by id (``MethodStep.rule``, ``Framework.rules``); it never contains
code. :func:`default_registry` builds a fresh registry holding the seven Art. 52(1) rules, and a
caller may register more on its own registry before evaluating. Two registries never share state.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem, RightskitError, SourceLocation, did_you_mean
from .note import RuleFn
from .results import Verdict


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: its id, the step it serves, and what it depends on."""

    id: str
    step: str
    run: RuleFn
    uses_safeguards: bool = False
    stops_with: Verdict | None = None
    summary: str = ""


class RuleRegistry:
    """Rules by id. Register with :meth:`register`; look up with :meth:`get`."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def register(
        self, rule_id: str, fn: RuleFn, *, step: str, uses_safeguards: bool = False,
        stops_with: Verdict | None = None, summary: str = "",
    ) -> Rule:
        """Register ``fn`` as rule ``rule_id`` for ``step``.

        ``uses_safeguards`` marks a rule whose outcome depends on the safeguards (the flip analysis
        re-runs only those); ``stops_with`` names the verdict that ends the test when the rule's step
        is not satisfied (the essence: no balancing can save it).
        """
        if rule_id in self._rules:
            raise RightskitError(f"rule '{rule_id}' is already registered")
        rule = Rule(rule_id, step, fn, uses_safeguards, stops_with, summary)
        self._rules[rule_id] = rule
        return rule

    def get(self, rule_id: str, context: str = "", location: SourceLocation | None = None) -> Rule:
        """The rule ``rule_id``; a :class:`RightskitError` naming the known rules when absent.

        ``context`` and ``location`` say who asked for it (e.g. the framework step that names it).
        """
        rule = self._rules.get(rule_id)
        if rule is None:
            hint = did_you_mean(rule_id, self._rules) or f"registered rules: {', '.join(self.ids())}"
            message = f"{context + ': ' if context else ''}unknown rule '{rule_id}'"
            raise RightskitError(message, [Problem(message, location, hint)])
        return rule

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def ids(self) -> list[str]:
        """Every registered rule id, sorted."""
        return sorted(self._rules)


def default_registry() -> RuleRegistry:
    """A new registry with the built-in Art. 52(1) rules, one per step, from each step's StepSpec."""
    from .steps import SPECS

    registry = RuleRegistry()
    for spec in SPECS:
        registry.register(spec.id, spec.rule, step=spec.id, uses_safeguards=spec.uses_safeguards,
                          stops_with=spec.stops_with, summary=spec.summary)
    return registry
