"""StepSpec: what the rest of rightskit knows about one legal step, declared once in the step's module.

A step module ends with ``SPEC = StepSpec(...)``; the registry, the built-in method order, the text
table's column names and the diagrams' step strip all read it (``steps/__init__.py`` lists them in
the method's order). A lawyer changing a rule edits the step module and its data, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..note import RuleFn
from ..results import Verdict


@dataclass(frozen=True, slots=True)
class StepSpec:
    """One step of the Art. 52(1) test: its id, names, rule and what it depends on."""

    id: str
    title: str  # the default title, when the method framework gives none
    short: str  # the column name in the text table
    abbrev: str  # the step strip inside a diagram's measure node (a msgid: N_("law"), translated where shown)
    summary: str  # what the rule checks, in one line
    rule: RuleFn
    uses_safeguards: bool = False
    stops_with: Verdict | None = None  # the verdict that ends the test when the step is not satisfied
