"""The Python builder API's reference (docs/python-api.md), generated from the builder's signatures and docstrings.

``rightskit schema --markdown python-api`` prints it; tests/test_docs_current.py checks the committed file.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

from . import builder

HEADER = """\
# The Python builder API

Generated from the docstrings of `rightskit/authoring/builder.py` by
`rightskit schema --markdown python-api` (`make docs`); do not edit by hand.

A Python assessment is a script that assigns a `rightskit.Assessment` to a module-level variable
named `assessment`. Every keyword is the name of the field in YAML (`rationale=` is `rationale:`),
so [fields.md](fields.md) documents the values; keywords a method does not name (`**fields`) are
passed through as fields of the record, e.g. `a.measure(..., affected={...}, detection={...})`.
Where an id is expected, the builder a call returned may be passed instead
(`aims=[aim]`, `.mitigates(scan, ...)`, `.feeds(report)`). Each call records its line, so every
error points at the author's line. [examples/worked/assessment.py](examples/worked/assessment.py)
uses every call.

```python
from rightskit import Assessment

a = Assessment("Scanning uploads", as_of="2026-12-01", frameworks=["eu-charter", "reg-2026-1881"])
aim = a.aim("protect-children", "Protect children", kind="rights-of-others", protects=["eu-charter/art-24"])
scan = a.measure("scan", "Hash matching", kind="detection", aims=[aim])
scan.interferes("eu-charter/art-7", severity="serious", rationale="Every image is analysed.")
assessment = a
```
"""

#: (heading, the methods of one builder) in the order an author meets them.
SECTIONS: tuple[tuple[str, type, tuple[str, ...]], ...] = (
    ("Assessment", builder.Assessment,
     ("__init__", "source", "right", "instrument", "aim", "measure", "safeguard", "alternative", "build")),
    ("MeasureBuilder (returned by `measure()`)", builder.MeasureBuilder, ("interferes", "feeds", "legality_issue")),
    ("SafeguardBuilder (returned by `safeguard()`)", builder.SafeguardBuilder, ("mitigates",)),
)


def python_api_reference() -> str:
    """Markdown: for each builder, each public call with its signature and docstring."""
    out = [HEADER]
    for heading, cls, names in SECTIONS:
        out.append(f"## {heading}\n")
        out.append(_markdown(cls.__doc__ or "") + "\n")
        for name in names:
            fn: Callable[..., Any] = getattr(cls, name)
            shown = cls.__name__ if name == "__init__" else f".{name}"
            out.append(f"### `{shown}{_signature(fn)}`\n")
            if fn.__doc__:
                out.append(_markdown(fn.__doc__) + "\n")
    return "\n".join(out).rstrip() + "\n"


def _markdown(doc: str) -> str:
    """A reST-flavoured docstring as Markdown: roles become code, a closing '::' a colon before the code."""
    text = inspect.cleandoc(doc)
    text = re.sub(r":(?:class|meth|func):`([^`]+)`", r"`\1`", text)
    text = re.sub(r"``([^`]+)``", r"`\1`", text)
    return re.sub(r"::\n", ":\n", text)


def _signature(fn: Callable[..., Any]) -> str:
    """``(id, title, *, kind, **fields)``: the names and defaults, without the type annotations."""
    parts: list[str] = []
    star = False
    for p in inspect.signature(fn).parameters.values():
        if p.name == "self":
            continue
        if p.kind is p.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        if p.kind is p.VAR_POSITIONAL:
            parts.append(f"*{p.name}")
            star = True
        elif p.kind is p.VAR_KEYWORD:
            parts.append(f"**{p.name}")
        elif p.default is p.empty:
            parts.append(p.name)
        else:
            parts.append(f"{p.name}={p.default!r}")
    return "(" + ", ".join(parts) + ")"
