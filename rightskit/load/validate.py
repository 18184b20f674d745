"""Turn pydantic validation errors into located problems with hints."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import MAX_PROBLEMS, InputError, Problem, SourceLocation, capped, did_you_mean

M = TypeVar("M", bound=BaseModel)
Locator = Callable[[tuple[int | str, ...]], SourceLocation | None]


def key_path(path: tuple[int | str, ...]) -> str:
    """``('measures', 2, 'right')`` → ``measures[2].right``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _unwrap(tp: Any) -> list[Any]:
    """The model classes an annotation can hold (through Optional, list, Annotated, unions)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (list, tuple, set, frozenset, dict) or origin is typing.Union or origin is types.UnionType:
        return [m for arg in typing.get_args(tp) for m in _unwrap(arg)]
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return []


def _model_at(root: type[BaseModel], path: tuple[int | str, ...]) -> type[BaseModel] | None:
    current: list[type[BaseModel]] = [root]
    for step in path:
        if isinstance(step, int):
            continue
        nxt: list[type[BaseModel]] = []
        for model in current:
            field = model.model_fields.get(step) or next(
                (f for f in model.model_fields.values() if f.alias == step), None
            )
            if field is not None:
                nxt.extend(_unwrap(field.annotation))
        if not nxt:
            # A scalar field or a union tag (e.g. 'field'): keep the models that have such a key.
            current = [m for m in current if step in m.model_fields] or current
            continue
        current = nxt
    return current[0] if len(current) == 1 else None


def _data_path(data: Any, loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """Drop the steps of a pydantic loc that are not in the data (union tags, validator names)."""
    out: list[int | str] = []
    node = data
    for i, step in enumerate(loc):
        in_dict = isinstance(node, dict) and step in node
        in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        if in_dict and i + 1 < len(loc) and not isinstance(node[step], dict | list):
            if loc[i + 1] in node:
                # A union tag that happens to equal a data key (a condition's 'field'): more steps follow,
                # the value is a scalar and the next step is a sibling key. Skip the tag.
                continue
            # A scalar shorthand expanded by a validator (an Estimate written as a number): point at it.
            out.append(step)
            break
        if in_dict or in_list:
            node = node[step]
            out.append(step)
    return tuple(out)


_ID_HINT = "use lowercase letters, digits and '-' (references join ids with '/')"
# Codes that are not rightskit ids get their own format in the hint (the id hint would mislead).
_PATTERN_HINTS = {
    "ecli": "an ECLI looks like 'ECLI:EU:C:2014:238'",
    "celex": "a CELEX number looks like '32021R1232'",
    "application_numbers": "an ECtHR application number looks like '58170/13'",
    "inputs": "copy the 64 hex digits of the report's 'Inputs (SHA-256)'",
}


def _field_name(loc: tuple[int | str, ...]) -> str:
    """The last named step of a pydantic loc (list indexes skipped)."""
    return next((str(step) for step in reversed(loc) if isinstance(step, str)), "")


def _lower_first(msg: str) -> str:
    """'Input should be …' → 'input should be …', but 'URL scheme …' stays (an acronym)."""
    if len(msg) > 1 and msg[1].isupper():
        return msg
    return msg[0].lower() + msg[1:]


def _type_hint(kind: str, value: Any) -> str:
    """How to write a value of the expected type, for the errors a newcomer meets first."""
    if kind.startswith(("date_", "datetime_")):
        return "write the date as YYYY-MM-DD, e.g. 2022-06-01"
    if kind == "bool_parsing":
        return "write true or false"
    if kind == "string_type" and isinstance(value, int | float):
        return "quote it: YAML reads digits alone as a number"
    if kind == "too_short" and isinstance(value, list):
        return "give at least one"
    if kind == "list_type" and isinstance(value, str):
        items = [v.strip() for v in value.split(",")]
        return f"write a list in brackets: [{', '.join(items)}]"
    return ""


def _comma_hint(data: Any, path: tuple[int | str, ...], value: Any) -> str:
    """For an unknown field with no value after a text value: the comma that cut a text in two in ``{ }``.

    ``{rationale: Reviews hits, then reports}`` is a mapping with a second key 'then reports'.
    """
    parent = data
    for step in path[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return ""
    if value is not None or not isinstance(parent, dict) or not path:
        return ""
    keys = list(parent)
    at = keys.index(path[-1]) if path[-1] in keys else 0
    before = keys[at - 1] if at else None
    if before is None or not isinstance(parent[before], str):
        return ""
    text = f"{parent[before]}, {path[-1]}"
    return f"inside {{ }} a comma ends a value: quote the text, {before}: \"{text}\""


def problems_from(
    exc: ValidationError, model: type[BaseModel], data: Any, locator: Locator, display: str
) -> list[Problem]:
    """One located problem per pydantic error, with a hint where one helps."""
    problems: list[Problem] = []
    for err in exc.errors(include_url=False)[:MAX_PROBLEMS]:  # the rest are only counted (see validate)
        loc = tuple(err["loc"])
        path = _data_path(data, loc)
        where = locator(path) or SourceLocation(display)
        kind = err["type"]
        hint = ""
        if kind == "extra_forbidden":
            name = str(loc[-1])
            owner = _model_at(model, loc[:-1])
            fields = [f.alias or n for n, f in owner.model_fields.items()] if owner else []
            message = f"unknown field '{name}'"
            comma = _comma_hint(data, path, err.get("input"))
            hint = (comma if " " in name else "") or did_you_mean(name, fields) or comma or (
                f"allowed: {', '.join(sorted(fields))}" if fields else "")
        elif kind == "missing":
            message = f"missing required field '{loc[-1]}'"
            hint = "add it"
        elif kind == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            message = f"invalid value {err.get('input')!r}"
            value = err.get("input")
            choices = [c.strip().strip("'") for c in str(expected).replace(" or ", ",").split(",") if c.strip()]
            hint = (did_you_mean(str(value), choices) if isinstance(value, str) else "") or f"expected {expected}"
        elif kind == "string_pattern_mismatch":
            message = f"invalid id or code {err.get('input')!r}"
            hint = _PATTERN_HINTS.get(_field_name(loc), _ID_HINT)
        else:
            message = _lower_first(err["msg"]) if err["msg"] else kind
            message = message.removeprefix("value error, ")
            hint = _type_hint(kind, err.get("input"))
        problems.append(Problem(message, SourceLocation(where.path, where.line, where.col, key_path(path)), hint))
    return problems


def validate(model: type[M], data: Any, locator: Locator, display: str, what: str, keep_parts: bool = False) -> M:
    """Validate ``data`` as ``model``; on failure raise one InputError listing every problem.

    With ``keep_parts`` the error is a :class:`~.salvage.PartlyParsed` that carries the parts that did
    parse, so the caller can check their references in the same run.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = problems_from(exc, model, data, locator, display)
        problems.sort(key=lambda p: (p.location.path, p.location.line, p.location.col) if p.location else ("", 0, 0))
        total = exc.error_count()
        message = f"invalid {what}: {total} problem(s)"
        if not keep_parts:
            raise InputError(message, capped(problems, total), total=total) from None
        from .salvage import PartlyParsed, salvage

        parts = salvage(model, data) if total < MAX_PROBLEMS and not _frameworks_broken(exc) else None
        raise PartlyParsed(message, capped(problems, total), total, parts, locator, display) from None


def _frameworks_broken(exc: ValidationError) -> bool:
    """True when the list of frameworks did not parse: every reference check would then be a follow-on error."""
    return any(e["loc"][:1] == ("frameworks",) for e in exc.errors(include_url=False))
