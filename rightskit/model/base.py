"""The strict base model and the id types every record shares."""

from __future__ import annotations

import functools
import re
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator

from .fieldsets import shared_fields_set

# A local id: lowercase words joined by '-', '.' or '_' (e.g. ``detect-known``, ``art-3-1-g-iii``).
LOCAL_ID_PATTERN = r"^[a-z0-9](?:[a-z0-9._-]{0,126}[a-z0-9])?$"
# A reference: ids joined by '/', framework first (e.g. ``eu-charter/art-7``, ``case-law/dri/para-94``).
REF_PATTERN = r"^[a-z0-9](?:[a-z0-9._-]{0,126}[a-z0-9])?(?:/[a-z0-9](?:[a-z0-9._-]{0,126}[a-z0-9])?){0,4}$"

LocalId = Annotated[str, StringConstraints(pattern=LOCAL_ID_PATTERN)]
Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN)]
# Long prose is capped so a hostile file cannot make every output stage quadratic.
Text = Annotated[str, StringConstraints(max_length=20_000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]


# C0 controls but tab and newline, DEL, C1 controls, lone surrogates and the non-characters U+FFFE/U+FFFF:
# no author means them, terminals obey them (ESC), XML and UTF-8 writers reject some of them.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # the ASCII part of _CONTROL (it includes \r)
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO, closed by PDF (U+202C)
_ISOLATES = "\u2066\u2067\u2068"  # LRI RLI FSI, closed by PDI (U+2069)


def inert_text(value: str) -> str:
    """User text that cannot act on what surrounds it in any output.

    Control characters are removed (carriage returns become newlines), and every bidirectional embedding,
    override or isolate the text opens is closed at its end, so an RLO in a title cannot reverse the
    report's own words that follow it (UAX #9). Idempotent; text without such characters is unchanged.
    """
    if value.isascii() and _ASCII_CONTROL.search(value) is None:
        return value  # the common case, checked in C: no control character, and no bidi character
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    if _BIDI.search(value) is None:
        return value
    out: list[str] = []
    stack: list[str] = []
    for ch in value:
        if ch in _EMBEDDINGS or ch in _ISOLATES:
            stack.append(ch)
        elif ch == "\u202c":
            if not stack or stack[-1] not in _EMBEDDINGS:
                continue  # a PDF that closes nothing of the author's would close something of ours
            stack.pop()
        elif ch == "\u2069":
            if not any(c in _ISOLATES for c in stack):
                continue
            while stack and stack.pop() not in _ISOLATES:
                pass
        out.append(ch)
    out.extend("\u2069" if c in _ISOLATES else "\u202c" for c in reversed(stack))
    return "".join(out)


class StrictModel(BaseModel):
    """Base for every rightskit record: unknown fields are errors, strings are stripped and made inert."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_default=False,
        populate_by_name=True,
        use_attribute_docstrings=False,
    )

    @classmethod
    def model_construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:  # type: ignore[override]
        """A record from trusted, already validated values; records given the same fields share one fields set.

        The evaluation engine builds hundreds of thousands of results this way (see fieldsets.py).
        """
        if _fields_set is None:
            _fields_set = _given_fields(cls, tuple(values))
        return super().model_construct(_fields_set, **values)

    @field_validator("*", mode="before")
    @classmethod
    def _inert_strings(cls, value: Any) -> Any:
        """Every string field (and list of strings) through :func:`inert_text`, before its constraints."""
        if isinstance(value, str):
            return inert_text(value)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return [inert_text(v) for v in value]
        return value


@functools.cache
def _given_fields(cls: type[BaseModel], keys: tuple[str, ...]) -> set[str]:
    """The shared fields set of the fields ``keys`` name (by field name or alias).

    Cached: a call site passes the same keywords every time.
    """
    fields = cls.__pydantic_fields__
    return shared_fields_set(
        key if key in fields else next((n for n, f in fields.items() if f.alias == key), key) for key in keys)
