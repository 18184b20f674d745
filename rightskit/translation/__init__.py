"""The language of a report: gettext catalogues (English source, French, German) and locale formats.

The words are English in the code (the msgids); ``catalogues/<lang>.po`` hold their translations and
are read at run time with Babel, so a clean clone needs no compile step. The language is set once per
run with :func:`speaking` (the render stage does), and every writer asks :func:`gettext` for its words:
a context variable, not an argument threaded through every builder, so a thread that writes a format
must run in a copy of the caller's context (``contextvars.copy_context``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from ..errors import UsageError

#: The languages a report can be written in; English is the source language of every msgid.
LANGUAGES: tuple[str, ...] = ("en", "fr", "de")
SOURCE = "en"
CATALOGUES = Path(__file__).parent / "catalogues"

_active: ContextVar[str] = ContextVar("rightskit_language", default=SOURCE)


def checked(lang: str) -> str:
    """``lang`` when rightskit ships it; a usage error naming the choices otherwise."""
    if lang not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return lang


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Within the block, :func:`gettext` and the locale formats use ``lang``."""
    token = _active.set(checked(lang))
    try:
        yield
    finally:
        _active.reset(token)


def language() -> str:
    """The active language code."""
    return _active.get()


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """msgid -> msgstr of ``lang``'s catalogue: translated, non-fuzzy entries only (English: none)."""
    if lang == SOURCE:
        return {}
    from babel.messages.pofile import read_po

    with (CATALOGUES / f"{lang}.po").open("rb") as f:
        po = read_po(f, locale=lang)
    return {m.id: m.string for m in po if isinstance(m.id, str) and m.id and isinstance(m.string, str)
            and m.string and not m.fuzzy}


def gettext(message: str) -> str:
    """``message`` in the active language; the English msgid where the catalogue lacks it."""
    lang = _active.get()
    if lang == SOURCE:
        return message
    return catalogue(lang).get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` (both forms are msgids; the catalogues pair them by English number)."""
    return gettext(singular if n == 1 else plural)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (it is translated where shown)."""
    return message


def words(value: str | tuple[str, ...]) -> str | tuple[str, ...]:
    """A phrase or a tuple of phrases (a table header) in the active language."""
    if isinstance(value, tuple):
        return tuple(gettext(v) for v in value)
    return gettext(value)


def format_date(day: dt.date | str) -> str:
    """A date as the active locale writes it ('7 décembre 2026', '7. Dezember 2026').

    English keeps the ISO form (2026-12-07) the reports have always used: it is unambiguous across
    the English-reading institutions, and English reports stay byte-identical.
    """
    if isinstance(day, str):
        text = day
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            return text  # not a date: shown as given
    if _active.get() == SOURCE:
        return day.isoformat()
    from babel.dates import format_date as babel_date

    return babel_date(day, format="long", locale=_active.get())


def format_number(text: str) -> str:
    """A number already rounded and written in plain digits ('12345', '3.40') in the active locale's way.

    The rounding stays with the caller (Python's, on the float), so English is unchanged to the byte;
    the locale only groups the digits and chooses the decimal sign ('12 345', '3,4'). Trailing zeros
    after the decimal sign are dropped.
    """
    from decimal import Decimal, localcontext

    from babel.numbers import format_decimal as babel_decimal

    places = len(text.partition(".")[2])
    pattern = "#,##0" + ("." + "#" * places if places else "")
    # Babel quantizes in the current decimal context; its default 28 digits cannot hold a count such as
    # 1 in 10^40 (a generated rate of 1e-40), which raised InvalidOperation: give it every digit.
    with localcontext() as context:
        context.prec = max(context.prec, len(text) + places + 2)
        return babel_decimal(Decimal(text), format=pattern, locale=_active.get())
