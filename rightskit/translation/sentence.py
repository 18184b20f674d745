"""The engine's sentences: English text that can keep its template, so a report can say it in any language.

The evaluate stage writes its conclusions in English, and the results (``results.json``) keep them so:
they are the canonical record, the same whatever the report's language. Each sentence is made by
:func:`sentence` from a template with named placeholders (``"'{title}' is not less intrusive."``) and
its arguments; a fixed one is a :class:`Sentence` constant. The template is the msgid (``make
catalogues`` extracts every ``sentence("…")`` and ``Sentence("…")``).

By default :func:`sentence` returns the plain English text, as the f-string it replaced did. Within
:func:`templated` (the pipeline enters it when the report's language is not English) it returns a
:class:`Sentence`: a ``str`` whose text is that same English, so everything that reads the results as
strings (the JSON writer, the text table) sees the same text, and which keeps the template and the
arguments. :func:`spoken` says it in the active language: the template's translation with each
argument spoken in turn. An argument that is itself a sentence (or a :func:`term`) is translated; any
other argument (a title, an id, a quote, a number) is shown as given, so the author's words and the
law's stay in their own language.

:func:`localized` gives a copy of a results model with every sentence spoken: the render stage hands
that copy to the report writers, and the writers escape it like any other text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from pydantic import BaseModel

from . import SOURCE, format_date, format_number, gettext, language

#: What a placeholder may hold: text (a nested sentence is translated, other text is shown as given)
#: a number, formatted by the template's own spec (``{n:,}``), or a date (ISO in English, the locale's
#: way in a report in another language).
Arg = str | int | float | dt.date


class Sentence(str):
    """English text (the ``str`` value) made from ``template`` (the msgid) and ``args``."""

    template: str
    args: tuple[tuple[str, Arg], ...]

    def __new__(cls, template: str, args: tuple[tuple[str, Arg], ...] = ()) -> Sentence:
        """The sentence of ``template`` filled with ``args`` (name, value pairs)."""
        self = super().__new__(cls, template.format_map(dict(args)) if args else template)
        self.template = template
        self.args = args
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Copied and pickled as a sentence, not as its English text.
        return (Sentence, (self.template, self.args))

    def spoken(self) -> str:
        """The sentence in the active language (its English text when that is English)."""
        if language() == SOURCE:
            return str(self)
        return _spoken(self)


#: Whether sentences keep their templates (a report in another language will say them) or are plain
#: English text (the default: an English report, the JSON, the text table need nothing more, and a
#: sentence then costs what the f-string it replaced cost).
_templated: ContextVar[bool] = ContextVar("rightskit_templated", default=False)


@contextmanager
def templated(on: bool = True) -> Iterator[None]:
    """Within the block (when ``on``), :func:`sentence` and :func:`term` make :class:`Sentence` values."""
    token = _templated.set(on)
    try:
        yield
    finally:
        _templated.reset(token)


#: Every sentence made, by template and arguments: one object per sentence (thousands of measures share
#: a few hundred). Cleared when full, so a long-running server does not keep the sentences of every run.
_MADE: dict[tuple[str, tuple[tuple[str, Arg], ...]], Sentence] = {}
_MADE_MAX = 1 << 16


def _make(template: str, args: tuple[tuple[str, Arg], ...]) -> Sentence:
    key = (template, args)
    made = _MADE.get(key)
    # A str compares as its text, so an argument given as plain text and one given as a sentence with the
    # same English would share a key: the kinds must match too (the rare miss just makes a new object).
    if made is None or any(type(a) is not type(b) for (_, a), (_, b) in zip(made.args, args, strict=True)):
        if len(_MADE) >= _MADE_MAX:
            _MADE.clear()
        made = _MADE[key] = Sentence(template, args)
    return made


def sentence(template: str, /, **args: Arg) -> str:
    """What ``template`` says with ``args``; ``make catalogues`` extracts ``template`` as a msgid.

    Plain English text by default; a :class:`Sentence` that keeps the template within :func:`templated`.
    """
    if not _templated.get():
        return template.format_map(args) if args else template
    return _make(template, tuple(args.items()))


def term(text: str) -> str:
    """``text``, a word held in data (a ground, a status) whose msgid is extracted where it is defined,
    as a sentence of its own within :func:`templated`, so it is translated where a sentence names it."""
    return _make(text, ()) if _templated.get() else text


def joined(parts: Iterable[str], separator: str = "; ", end: str = "") -> str:
    """The parts joined by ``separator`` (language-neutral punctuation), each translated where it is a sentence."""
    if not _templated.get():
        return separator.join(parts) + end
    items = tuple(parts)
    template = separator.join(f"{{p{i}}}" for i in range(len(items))) + end
    return _make(template, tuple((f"p{i}", p) for i, p in enumerate(items)))


def figure(english: str, digits: str, percent: bool = False) -> str:
    """A number as the engine writes it (``english``: '12,345', '0.1%'); within :func:`templated`, a
    :class:`Figure` that a report writes the locale's way from its plain ``digits`` ('12345', '0.1')."""
    if not _templated.get() or not _PLAIN_DIGITS.fullmatch(digits):
        return english
    return Figure(english, digits, percent)


#: Digits format_number can write: an optional sign, digits, an optional decimal part (no exponent).
_PLAIN_DIGITS = re.compile(r"-?\d+(\.\d+)?")


class Figure(Sentence):
    """A number in a sentence: English as the engine writes it, the locale's grouping and decimal sign in a
    report ('12 345', '12.345'; '0,1 %'), with the same rounding."""

    digits: str
    percent: bool

    def __new__(cls, english: str, digits: str, percent: bool = False) -> Figure:
        """``english`` as the text; ``digits`` (plain, rounded) for the locale's form."""
        self = str.__new__(cls, english)
        self.template, self.args, self.digits, self.percent = english, (), digits, percent
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Figure, (str(self), self.digits, self.percent))

    def spoken(self) -> str:
        """The number the active locale's way."""
        if language() == SOURCE:
            return str(self)
        text = format_number(self.digits)
        return f"{text} %" if self.percent else text  # the report's own rates read '0,1 %' too


def trimmed(text: str, suffix: str = ".") -> str:
    """``text`` without a final ``suffix``; a sentence stays one, and its translation loses the suffix too."""
    if isinstance(text, Sentence) and text.endswith(suffix):
        return Trimmed(text, suffix)
    return text.removesuffix(suffix)


class Trimmed(Sentence):
    """A sentence without its final ``suffix`` (a '.' before a '; '), in English and in translation alike."""

    suffix: str

    def __new__(cls, whole: Sentence, suffix: str) -> Trimmed:
        """``whole`` less ``suffix``; the template stays ``whole``'s, so its msgid and translation are found."""
        self = str.__new__(cls, str(whole).removesuffix(suffix))
        self.template, self.args, self.suffix = whole.template, whole.args, suffix
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Trimmed, (Sentence(self.template, self.args), self.suffix))

    def spoken(self) -> str:
        """The sentence in the active language, less the suffix."""
        if language() == SOURCE:
            return str(self)
        return _spoken(self).removesuffix(self.suffix)


class Worded(Sentence):
    """A framework record's own words (a safeguard type's title, a right's name): English as the text, and
    the record's translations (``translations`` in the framework data), said in the report's language."""

    words: tuple[tuple[str, str], ...]

    def __new__(cls, english: str, words: tuple[tuple[str, str], ...]) -> Worded:
        """``english`` as the text; ``words`` (language, text) pairs for the report."""
        self = str.__new__(cls, english)
        self.template, self.args, self.words = english, (), words
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Worded, (str(self), self.words))

    def spoken(self) -> str:
        """The record's words in the active language, its English where it has none."""
        return dict(self.words).get(language(), str(self))


def worded(english: str, translations: Mapping[str, str]) -> str:
    """``english``, a record's own words; within :func:`templated`, a :class:`Worded` that a report says in its
    language from ``translations`` (language -> text), falling back to the English."""
    if not _templated.get() or not translations:
        return english
    return Worded(english, tuple(sorted(translations.items())))


def reworded(text: str, change: Callable[[str], str]) -> str:
    """``change`` applied to ``text``, and to each of its translations when it is a :class:`Worded`."""
    if isinstance(text, Worded):
        return Worded(change(str(text)), tuple((lang, change(w)) for lang, w in text.words))
    return change(text)


#: Languages that write a noun with a capital inside a sentence too, so a title named mid-sentence keeps its case.
NOUNS_CAPITALISED = frozenset({"de"})


def lowered(title: str) -> str:
    """A title as a sentence names it: lower case in English (as the engine always wrote it); in a translation,
    as :func:`in_sentence` names it in that language."""
    if not isinstance(title, Worded):
        return title.lower()
    return Worded(str(title).lower(), tuple((lang, _in_sentence_in(lang, w)) for lang, w in title.words))


def in_sentence(title: str) -> str:
    """A catalogue title inside a sentence, in the active language: 'Independent oversight' → 'independent
    oversight'; 'DPIA' stays, and so does a title in a language that capitalises nouns ('Datensicherheit')."""
    return _in_sentence_in(language(), title)


def _in_sentence_in(lang: str, title: str) -> str:
    if lang in NOUNS_CAPITALISED or (len(title) > 1 and title[1].isupper()):
        return title
    return title[:1].lower() + title[1:]


def spoken(value: Arg) -> Arg:
    """A sentence or a date in the active language; anything else as it is."""
    if isinstance(value, Sentence):
        return value.spoken()
    if isinstance(value, dt.date):
        return format_date(value)
    return value


def _spoken(s: Sentence) -> str:
    args = {name: spoken(value) for name, value in s.args}
    return gettext(s.template).format_map(args) if args else gettext(s.template)


M = TypeVar("M", bound=BaseModel)


def localized(model: M) -> M:
    """A copy of ``model`` with every sentence in it spoken in the active language (``model`` itself in English)."""
    if language() == SOURCE:
        return model
    out: M = _localized(model, {})
    return out


def _localized(value: Any, memo: dict[int, str]) -> Any:
    # memo: sentence object id -> its translation; the sentences are shared, and all alive for the walk.
    if isinstance(value, Sentence):
        said = memo.get(id(value))
        if said is None:
            said = memo[id(value)] = value.spoken()
        return said
    if isinstance(value, BaseModel):
        changed = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _localized(old, memo)
            if new is not old:
                changed[name] = new
        return value.model_copy(update=changed) if changed else value
    if isinstance(value, list):
        items = [_localized(v, memo) for v in value]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, dict):
        mapped = {k: _localized(v, memo) for k, v in value.items()}
        return mapped if any(mapped[k] is not value[k] for k in value) else value
    return value
