"""The phrases of :mod:`.phrases` in the active language, read as attributes (``p.SUMMARY``).

:mod:`.phrases` stays the single home of the words, in English; every upper-case string or tuple
of strings there is a msgid (the catalogue test collects them all), so a phrase added there is
translated here by adding its msgstr to each catalogue, with no change to any writer.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from ..translation import words
from . import phrases as english


def msgids(module: ModuleType = english) -> dict[str, str | tuple[str, ...]]:
    """Every phrase of ``module`` by name: its upper-case strings and tuples of strings."""
    return {name: value for name, value in vars(module).items()
            if name.isupper() and (isinstance(value, str)
                                   or (isinstance(value, tuple) and all(isinstance(v, str) for v in value)))}


class Phrasebook:
    """Attribute access to a phrases module, each value translated when read."""

    def __init__(self, module: ModuleType) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._module, name)
        if isinstance(value, (str, tuple)):
            return words(value)
        return value


phrases = Phrasebook(english)
