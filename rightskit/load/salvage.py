"""The parts of an invalid assessment that did parse, so one run reports type and reference errors together.

When validation fails, :func:`salvage` rebuilds the assessment from the values that did validate,
keeping every list at its original length (a record that does not parse at all becomes a
placeholder), so the reference checks of ``resolve`` see the same indexes, and so the same lines,
as the input. A required value that did not parse is replaced by :data:`UNPARSED`, which no id or
reference can spell: the reference checks skip it, so a broken record never causes follow-on errors.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from ..errors import MAX_PROBLEMS, InputError, Problem, capped

M = TypeVar("M", bound=BaseModel)

#: Stands in for a required value that did not parse ('~' is in no id or reference pattern).
UNPARSED = "~unparsed"
_NOTHING: Any = object()


class PartlyParsed(InputError):
    """Validation failed; carries the parts that did parse, and where they were written, for the reference checks."""

    def __init__(self, message: str, problems: Sequence[Problem] = (), total: int | None = None,
                 parts: BaseModel | None = None, locator: Any = None, display: str = "") -> None:
        super().__init__(message, problems, total=total)
        self.parts = parts
        self.locator = locator
        self.display = display


def salvage(model: type[M], data: Any) -> M | None:
    """``data`` as ``model``, with each value that does not validate replaced; None when nothing is a mapping."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        if not isinstance(data, dict):
            return None
        bad = {e["loc"][0] for e in exc.errors(include_url=False) if e["loc"]}
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = name if name in data else (info.alias if info.alias in data else None)
        value = _NOTHING
        if key is not None:
            raw = data[key]
            value = _salvage_value(info.annotation, raw) if key in bad else _validated(model, name, raw)
        if value is _NOTHING:
            if not info.is_required():
                continue  # model_construct fills the default
            value = _stand_in(info)
        values[name] = value
    return model.model_construct(**values)


def _validated(model: type[BaseModel], name: str, raw: Any) -> Any:
    try:
        return _adapter(model, name).validate_python(raw)
    except ValidationError:
        return _salvage_value(model.model_fields[name].annotation, raw)


@functools.cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    annotated: Any = typing.Annotated[info.annotation, info]
    return TypeAdapter(annotated)


def _salvage_value(annotation: Any, raw: Any) -> Any:
    """What can be kept of ``raw``: a model or a list of them, item by item; else nothing."""
    inner = _optional_inner(annotation)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        kept = salvage(inner, raw)
        return _NOTHING if kept is None else kept
    if typing.get_origin(inner) is list and isinstance(raw, list):
        (item_type,) = typing.get_args(inner) or (Any,)
        item_type = _optional_inner(item_type)
        if isinstance(item_type, type) and issubclass(item_type, BaseModel):
            return [salvage(item_type, item) or _placeholder(item_type) for item in raw]
        adapter: TypeAdapter[Any] = TypeAdapter(item_type)
        return [_or_unparsed(adapter, item) for item in raw]
    return _NOTHING


def _or_unparsed(adapter: TypeAdapter[Any], item: Any) -> Any:
    try:
        return adapter.validate_python(item)
    except ValidationError:
        return UNPARSED


def _optional_inner(annotation: Any) -> Any:
    """``X | None`` → ``X`` (other unions are left alone)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _placeholder(model: type[M]) -> M:
    """A record that did not parse at all: only its required fields, each a stand-in."""
    return model.model_construct(**{n: _stand_in(f) for n, f in model.model_fields.items() if f.is_required()})


def _stand_in(info: FieldInfo) -> Any:
    return [] if typing.get_origin(_optional_inner(info.annotation)) is list else UNPARSED


def with_reference_problems(exc: PartlyParsed, resolve_parts: Any) -> InputError:
    """``exc`` with the reference problems of the parts that parsed added, all sorted by place.

    ``resolve_parts(parts, locator, display)`` runs the reference checks and raises InputError. A
    failure inside it (the parts are incomplete records) never hides the validation errors found.
    """
    if exc.parts is None or exc.error_count >= MAX_PROBLEMS:
        return exc
    try:
        resolve_parts(exc.parts, locator=exc.locator, display=exc.display)
    except InputError as more:
        found = [p for p in [*exc.problems, *more.problems] if p.severity == "error"]
        found.sort(key=lambda p: (p.location.path, p.location.line, p.location.col) if p.location else ("", 0, 0))
        total = exc.error_count + more.error_count
        return InputError(f"invalid assessment: {total} problem(s)", capped(found, total), total=total)
    except Exception:  # see the docstring
        return exc
    return exc
