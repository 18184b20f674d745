"""Interpret the declarative conditions of framework data, in three-valued logic.

A condition is compiled once into a small Python closure; testing it against a measure is then a few
function calls. A field the author left unknown (``end_to_end_encrypted: null``, no population
count) makes a test *unknown* rather than false, and unknowns combine by Kleene's rules: ``all``
is false as soon as one part is false, ``any`` is true as soon as one part is true, otherwise an
unknown part makes the whole unknown. The engine never guesses an unknown input.

Operators on list fields (``measure.data_categories``, ``measure.detects``) test membership:
``eq``/``contains`` x — the list holds x; ``in`` [..] — it holds one of them; ``ne``/``not_in``
the negations. ``gte``/``lte`` apply to ``measure.affected_count`` and to
``interference.severity``, whose operand is the rank on the severity scale (0 none … 4 very-serious).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..errors import RightskitError
from ..model import AllOf, AnyOf, Condition, FieldTest, Interference, Measure, NotOf
from ..model.scales import SEVERITY_ORDER, severity_rank

Tri = bool | None


@dataclass(frozen=True, slots=True)
class Subject:
    """What a condition is tested against: a measure, its inherited facts, and maybe one interference."""

    measure: Measure
    data_categories: tuple[str, ...]
    affected_count: float | None
    interference: Interference | None = None
    #: Catalogue types of the effective safeguards in place (voided records excluded); None where a
    #: condition is tested before safeguards are known (requirements), so a test on it is unknown.
    safeguard_types: tuple[str, ...] | None = None


Getter = Callable[[Subject], object]


def _interference_field(name: str) -> Getter:
    def get(s: Subject) -> object:
        return None if s.interference is None else getattr(s.interference, name)

    return get


#: Field name → how to read it; ``None`` means unknown.
FIELDS: Mapping[str, Getter] = MappingProxyType({
    "measure.kind": lambda s: s.measure.kind,
    "measure.automated": lambda s: s.measure.automated,
    "measure.scope": lambda s: s.measure.scope,
    "measure.data_categories": lambda s: s.data_categories,
    "measure.detects": lambda s: tuple(s.measure.detects),
    "measure.actor_type": lambda s: s.measure.actor_type,
    "measure.context": lambda s: s.measure.context,
    "measure.mandatory": lambda s: s.measure.mandatory,
    "measure.end_to_end_encrypted": lambda s: s.measure.end_to_end_encrypted,
    "measure.affected_count": lambda s: s.affected_count,
    "measure.has_detection_figures": lambda s: s.measure.detection is not None,
    "measure.purposes": lambda s: tuple(s.measure.purposes) or None,
    "measure.authorised_by": lambda s: s.measure.authorised_by,
    "measure.onward_transfer": lambda s: s.measure.onward_transfer,
    "measure.third_country_access": lambda s: s.measure.third_country_access,
    "measure.safeguard_types": lambda s: s.safeguard_types,
    "interference.right": _interference_field("right"),
    "interference.severity": _interference_field("severity"),
    "interference.reaches_essence": _interference_field("reaches_essence"),
})
LIST_FIELDS = frozenset({"measure.data_categories", "measure.detects", "measure.purposes", "measure.safeguard_types"})
NUMERIC_FIELDS = frozenset({"measure.affected_count"})
ORDINAL_FIELDS = frozenset({"interference.severity"})


class ConditionError(RightskitError):
    """A condition in framework data uses an operator its field cannot take."""


@dataclass(frozen=True, slots=True)
class Compiled:
    """A compiled condition: test it with :meth:`test`, read it with :attr:`text`."""

    test: Callable[[Subject], Tri]
    text: str
    fields: frozenset[str]

    @property
    def uses_interference(self) -> bool:
        """True when the condition reads a field of an interference."""
        return any(f.startswith("interference.") for f in self.fields)

    def holds_for(self, subject: Subject, interferences: Sequence[Interference]) -> Tri:
        """Test against the measure: true when it holds for at least one of its interferences."""
        if not self.uses_interference or not interferences:
            return self.test(subject)
        result: Tri = False
        for itf in interferences:
            value = self.test(Subject(subject.measure, subject.data_categories, subject.affected_count, itf))
            if value is True:
                return True
            if value is None:
                result = None
        return result

    def unknown_fields(self, subject: Subject) -> list[str]:
        """The fields this condition reads that are unknown for ``subject``, sorted."""
        return sorted(f for f in self.fields if FIELDS[f](subject) is None)


def compile_condition(cond: Condition, where: str) -> Compiled:
    """Compile ``cond``; ``where`` names the framework record, for the error message."""
    if isinstance(cond, AllOf):
        parts = [compile_condition(c, where) for c in cond.all]
        return Compiled(_kleene([p.test for p in parts], False), " and ".join(_paren(p.text) for p in parts),
                        frozenset().union(*(p.fields for p in parts)))
    if isinstance(cond, AnyOf):
        parts = [compile_condition(c, where) for c in cond.any]
        return Compiled(_kleene([p.test for p in parts], True), " or ".join(_paren(p.text) for p in parts),
                        frozenset().union(*(p.fields for p in parts)))
    if isinstance(cond, NotOf):
        inner = compile_condition(cond.not_, where)
        return Compiled(_not(inner.test), f"not ({inner.text})", inner.fields)
    return _compile_test(cond, where)


def _paren(text: str) -> str:
    return f"({text})" if " and " in text or " or " in text else text


def _kleene(tests: list[Callable[[Subject], Tri]], decisive: bool) -> Callable[[Subject], Tri]:
    """Three-valued 'and' (``decisive`` False) or 'or' (True): one decisive value settles it, else unknown wins."""
    def run(s: Subject) -> Tri:
        result: Tri = not decisive
        for t in tests:
            value = t(s)
            if value is decisive:
                return decisive
            if value is None:
                result = None
        return result

    return run


def _not(test: Callable[[Subject], Tri]) -> Callable[[Subject], Tri]:
    def run(s: Subject) -> Tri:
        value = test(s)
        return None if value is None else not value

    return run


def _words(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_words(v) for v in value) + "]"
    return str(value)


_OP_WORDS = MappingProxyType({"eq": "=", "ne": "≠", "in": "in", "not_in": "not in", "contains": "contains",
                              "contains_any": "contains any of", "gte": "≥", "lte": "≤"})


def _compile_test(test: FieldTest, where: str) -> Compiled:
    op, operand = test.operator
    field = test.field
    get = FIELDS[field]
    text = f"{field} {_OP_WORDS[op]} {_words(operand)}"
    if field in ORDINAL_FIELDS and op in ("gte", "lte"):
        text = f"{field} {_OP_WORDS[op]} {SEVERITY_ORDER[max(0, min(4, int(operand)))]}"
    if field in LIST_FIELDS:
        if op in ("gte", "lte"):
            raise _misuse(where, field, op, "it is a list; use contains, in or not_in")
        members = frozenset(operand) if op in ("in", "not_in", "contains_any") else frozenset([operand])
        negate = op in ("ne", "not_in")

        def in_list(s: Subject) -> Tri:
            value = get(s)
            if value is None:
                return None
            assert isinstance(value, tuple)
            hit = not members.isdisjoint(value)
            return not hit if negate else hit

        return Compiled(in_list, text, frozenset([field]))
    if op in ("contains", "contains_any"):
        raise _misuse(where, field, op, "it holds one value; use eq or in")
    if op in ("gte", "lte"):
        if field not in NUMERIC_FIELDS | ORDINAL_FIELDS:
            raise _misuse(where, field, op, "it is not a number; use eq or in")
        bound = float(operand)
        rank = field in ORDINAL_FIELDS
        upward = op == "gte"

        def compare(s: Subject) -> Tri:
            value = get(s)
            if value is None:
                return None
            number = float(severity_rank(str(value))) if rank else float(value)  # type: ignore[arg-type]
            return number >= bound if upward else number <= bound

        return Compiled(compare, text, frozenset([field]))
    choices = frozenset(operand) if op in ("in", "not_in") else frozenset([operand])
    negate = op in ("ne", "not_in")

    def equals(s: Subject) -> Tri:
        value = get(s)
        if value is None:
            return None
        hit = value in choices
        return not hit if negate else hit

    return Compiled(equals, text, frozenset([field]))


def _misuse(where: str, field: str, op: str, hint: str) -> ConditionError:
    return ConditionError(f"{where}: condition on '{field}' cannot use '{op}': {hint}")
