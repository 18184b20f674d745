"""The field reference of the assessment format (docs/fields.md), generated from the pydantic models.

``rightskit schema --markdown`` prints it; tests/test_docs_current.py checks that the committed file is
current. Each record of the format gets a table: field, type, default and the field's description. The
Python builder takes the same names (docs/python-api.md).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .model import Assessment
from .model.base import LOCAL_ID_PATTERN, REF_PATTERN
from .model.review import Review

HEADER = """\
# Field reference

Every field of an assessment, generated from the pydantic models by `rightskit schema --markdown`
(`make docs`); do not edit by hand. YAML and Python use the same names: `rationale:` in YAML is
`rationale=` in Python. A worked example that uses every field the engine reads is in
[examples/worked/](examples/worked/). Ids and references are explained in [ids.md](ids.md), the
scales (severity, strength, importance, effectiveness) in [scales.md](scales.md).
"""


REVIEW_HEADER = """\
# Review file

The fields of a review file (`review.yaml` beside a folder's assessment, `x.review.yaml` beside a
single-file `x.yaml` or `x.py`): each finding's review record, the sign-off and the action plan, keyed
by the ids the report lists. How overrides are weighed: [review.md](review.md).
"""


def field_reference(root: type[BaseModel] = Assessment) -> str:
    """Markdown: one section per record type reachable from ``root``, in the order they first appear.

    The assessment's reference is followed by that of the review file, which refers to its results.
    """
    out = [HEADER, *_sections(root)]
    if root is Assessment:
        out += [REVIEW_HEADER, *_sections(Review)]
    return "\n".join(out).rstrip() + "\n"


def _sections(root: type[BaseModel]) -> list[str]:
    """One table per record type reachable from ``root``."""
    order = _records(root)
    out: list[str] = []
    for model in order:
        out.append(f"## {model.__name__}\n")
        out.append(_first_line(model.__doc__) + "\n")
        out.append("| field | type | default | description |")
        out.append("|---|---|---|---|")
        for name, info in model.model_fields.items():
            key = info.alias or name
            out.append(f"| `{key}` | {_type(info.annotation, info.metadata)} | {_default(info)} | "
                       f"{_cell(info.description or '')} |")
        out.append("")
    return out


def _records(root: type[BaseModel], seen: list[type[BaseModel]] | None = None) -> list[type[BaseModel]]:
    """``root`` and the records inside it, depth first in field order: a record's parts follow it."""
    seen = [] if seen is None else seen
    seen.append(root)
    for info in root.model_fields.values():
        for model in _models_in(info.annotation):
            if model not in seen:
                _records(model, seen)
    return seen


def _models_in(tp: Any) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for arg in typing.get_args(tp) for m in _models_in(arg)]


def _type(tp: Any, meta: list[Any] | None = None) -> str:
    """A reader's name for an annotation: 'list of [Measure](#measure)', `'a'` \\| `'b'`, 'reference'."""
    pattern = next((m.pattern for m in meta or () if isinstance(getattr(m, "pattern", None), str)), None)
    if pattern == REF_PATTERN:
        return "reference"
    if pattern == LOCAL_ID_PATTERN:
        return "id"
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *inner = typing.get_args(tp)
        return _type(base, inner)
    if origin is typing.Literal:
        return " \\| ".join(f"`{v}`" for v in typing.get_args(tp))
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return " or ".join(_type(a) for a in args)
    if origin is list:
        (item,) = typing.get_args(tp)
        return f"list of {_type(item)}"
    if origin is dict:
        return "mapping"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    if tp is dt.date:
        return "date (YYYY-MM-DD)"
    names = {str: "text", bool: "true/false", int: "integer", float: "number"}
    if tp in names:
        return names[tp]
    return getattr(tp, "__name__", str(tp)).replace("HttpUrl", "URL")


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "**required**"
    if info.default_factory is not None:
        value = info.default_factory()  # type: ignore[call-arg]
        return "empty" if value in ([], {}) else "see its section"
    if info.default is None:
        return "—"
    if info.default == "":
        return "empty"
    return f"`{str(info.default).lower() if isinstance(info.default, bool) else info.default}`"


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().split("\n\n")[0].replace("\n", " ")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
