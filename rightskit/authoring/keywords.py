"""Hints for a builder call with a wrong keyword: the keyword to use instead, by the YAML field's name."""

from __future__ import annotations

import difflib
import inspect
import re

#: Keywords the builder once took, and the field name (the YAML's) that replaced them.
RENAMED = {"because": "rationale"}

_UNEXPECTED = re.compile(r"^(?P<call>[\w.]+)\(\) got an unexpected keyword argument '(?P<word>\w+)'")
_MISSING = re.compile(r"^(?P<call>[\w.]+)\(\) missing \d+ required (?:keyword-only |positional )?argument")


def keyword_hint(exc: BaseException) -> str:
    """The fix for a TypeError raised by a builder call, or an empty string when it is not one."""
    if not isinstance(exc, TypeError):
        return ""
    text = str(exc)
    if match := _UNEXPECTED.match(text):
        word = match["word"]
        if word in RENAMED:
            return f"use {RENAMED[word]}= (the name of the field in YAML too)"
        names = _keywords(match["call"])
        close = difflib.get_close_matches(word, names, n=3, cutoff=0.5)
        if close:
            return "did you mean " + " or ".join(f"{c}=" for c in close) + "?"
        return f"{match['call']}() takes: {', '.join(names)}" if names else ""
    if match := _MISSING.match(text):
        wanted = re.findall(r"'(\w+)'", text)
        return "add " + " and ".join(f"{w}=…" for w in wanted) if wanted else ""
    return ""


def _keywords(call: str) -> list[str]:
    """The keyword parameters of a builder method named like 'MeasureBuilder.interferes'."""
    from . import builder

    owner, _, method = call.rpartition(".")
    cls = getattr(builder, owner, None) if owner else None
    fn = getattr(cls, method, None) if cls is not None else None
    if fn is None:
        return []
    return [p.name for p in inspect.signature(fn).parameters.values()
            if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
