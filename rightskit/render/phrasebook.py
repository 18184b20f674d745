"""The phrases of :mod:`.phrases` in the active language, read as attributes (``p.SUMMARY``).

:mod:`.phrases` stays the single home of the words, in English. Every upper-case string or tuple
of strings there, and every string in the values of an upper-case table, is a msgid (the catalogue
test collects them all), so a phrase added there is translated here by adding its msgstr to each
catalogue, with no change to any writer.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from ..translation import words
from . import phrases as english


def msgids(module: ModuleType = english) -> dict[str, str | tuple[str, ...]]:
    """Every phrase of ``module`` by name: its upper-case strings and tuples of strings."""
    out: dict[str, str | tuple[str, ...]] = {}
    for name, value in vars(module).items():
        if not name.isupper():
            continue
        if isinstance(value, str) or (isinstance(value, tuple) and all(isinstance(v, str) for v in value)):
            out[name] = value
        elif isinstance(value, dict) and value and all(_strings(v) for v in value.values()):
            # A table of words (who must act, review statuses): every string among its values is a msgid.
            out[name] = tuple(w for v in value.values() for w in ((v,) if isinstance(v, str) else v))
    return out


def _strings(value: object) -> bool:
    """A string, or a tuple of strings: what :func:`words` translates."""
    return isinstance(value, str) or (isinstance(value, tuple) and all(isinstance(v, str) for v in value))


class Phrasebook:
    """Attribute access to a phrases module, each value translated when read."""

    def __init__(self, module: ModuleType) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._module, name)
        if isinstance(value, (str, tuple)):
            return words(value)
        if isinstance(value, dict) and all(_strings(v) for v in value.values()):
            return {k: words(v) for k, v in value.items()}
        return value


phrases = Phrasebook(english)
