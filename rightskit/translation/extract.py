"""The msgids of rightskit, gathered from the code, and the catalogues brought up to date with them.

Sources: every ``_()``/``N_()``/``gettext()`` call in the render stage, every ``sentence()``/``Sentence()``/
``term()`` call in the evaluate stage (the engine's sentence templates) and the words they name
(:data:`rightskit.evaluate.terms.TERMS`), every ``_()`` in the HTML templates, every ``tr("…")`` in the
Typst template, every phrase of :mod:`rightskit.render.phrases`, the badge labels, the measure
vocabulary and the grounds of a verdict. ``python -m rightskit.translation.extract`` (``make
catalogues``) rewrites ``en.po`` (the template, every msgid with an empty msgstr) and adds each new
msgid to ``fr.po`` and ``de.po`` with an empty msgstr for a translator to fill; the catalogue test
fails until every one is filled.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import typing
from collections.abc import Iterator
from pathlib import Path

from . import CATALOGUES, LANGUAGES, SOURCE

PACKAGE = Path(__file__).resolve().parent.parent
#: The code whose words are translated: the render stage and its templates, and the engine's sentences.
PYTHON_DIRS = ("render", "evaluate")
TEMPLATE_DIR = PACKAGE / "render" / "templates"
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "sentence": None, "Sentence": None,
            "term": None}


def _python() -> Iterator[tuple[str, str]]:
    from babel.messages.extract import extract

    for folder in PYTHON_DIRS:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            with path.open("rb") as f:
                for line, message, _comments, _context in extract("python", f, keywords=KEYWORDS):
                    for msgid in message if isinstance(message, tuple) else (message,):
                        yield msgid, f"{path.relative_to(PACKAGE.parent)}:{line}"


def _templates() -> Iterator[tuple[str, str]]:
    from babel.messages.extract import extract

    options = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}
    for path in sorted(TEMPLATE_DIR.glob("*.j2")):
        with path.open("rb") as f:
            for line, message, _comments, _context in extract("jinja2.ext:babel_extract", f, keywords=KEYWORDS,
                                                              options=options):
                for msgid in message if isinstance(message, tuple) else (message,):
                    yield msgid, f"{path.relative_to(PACKAGE.parent)}:{line}"


#: How the Typst template asks for a phrase: tr("...").
TYPST_CALL = re.compile(r'\btr\("((?:[^"\\]|\\.)*)"\)')


def _typst() -> Iterator[tuple[str, str]]:
    path = TEMPLATE_DIR / "report.typ"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for found in TYPST_CALL.finditer(line):
            yield found.group(1).replace('\\"', '"'), f"{path.relative_to(PACKAGE.parent)}:{number}"


def _phrases() -> Iterator[tuple[str, str]]:
    from ..render.phrasebook import msgids

    for name, value in msgids().items():
        for msgid in value if isinstance(value, tuple) else (value,):
            yield msgid, f"rightskit/render/phrases.py:{name}"


def _vocabulary() -> Iterator[tuple[str, str]]:
    """Badge labels and the measure vocabulary shown through ``badges.words``."""
    from ..model import assessment
    from ..render import badges

    for scale, table in sorted(badges._SCALES.items()):
        for label, _symbol in table.values():
            yield label, f"rightskit/render/badges.py:{scale}"
    shown = ((assessment.Measure, ("kind", "actor_type", "context", "data_categories", "detects")),
             (assessment.Population, ("suspicion",)), (assessment.Aim, ("importance",)))
    for model, names in shown:
        for name in names:
            for word in _literal_words(model.model_fields[name].annotation):
                yield _reading(word), f"rightskit/model/assessment.py:{model.__name__}.{name}"


def _grounds() -> Iterator[tuple[str, str]]:
    """The engine's structural grounds, shown as the decisive ground of a verdict."""
    from ..evaluate.grounds import GROUNDS

    for ground, words in GROUNDS.items():
        yield words, f"rightskit/evaluate/grounds.py:{ground}"


def _terms() -> Iterator[tuple[str, str]]:
    """The scale and vocabulary words the engine's sentences name (``term()``)."""
    from ..evaluate.terms import TERMS

    for word in TERMS:
        yield word, "rightskit/evaluate/terms.py:TERMS"


def _reading(word: str) -> str:
    return word.replace("-", " ").replace("_", " ")


def _literal_words(annotation: object) -> list[str]:
    """The strings of a Literal annotation, also inside list[...] or Optional[...]."""
    if typing.get_origin(annotation) is typing.Literal:
        return [a for a in typing.get_args(annotation) if isinstance(a, str)]
    return [w for arg in typing.get_args(annotation) for w in _literal_words(arg)]


def messages() -> dict[str, list[str]]:
    """Every msgid, with where it comes from, sorted by msgid."""
    found: dict[str, list[str]] = {}
    for source in (_python(), _templates(), _typst(), _phrases(), _vocabulary(), _grounds(), _terms()):
        for msgid, where in source:
            if msgid and msgid.strip():
                found.setdefault(msgid, []).append(where)
    return dict(sorted(found.items()))


def untranslated(lang: str, wanted: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """The msgids (with where they come from) that ``lang``'s catalogue leaves without a msgstr."""
    from . import catalogue

    have = catalogue(lang)
    return {m: where for m, where in (messages() if wanted is None else wanted).items() if not have.get(m)}


def update(languages: tuple[str, ...] = LANGUAGES) -> dict[str, int]:
    """Bring each catalogue up to date with :func:`messages`; return how many msgids lack a msgstr in each."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    wanted = messages()
    missing: dict[str, int] = {}
    for lang in languages:
        path = CATALOGUES / f"{lang}.po"
        old: dict[str, str] = {}
        if path.exists():
            with path.open("rb") as f:
                old = {m.id: m.string for m in read_po(f, locale=lang)
                       if isinstance(m.id, str) and m.id and isinstance(m.string, str)}
        cat = Catalog(locale=lang, project="rightskit", version="", fuzzy=False,
                      header_comment=f"# rightskit report wording: {lang}. Edit the msgstr lines only; "
                                     "'make catalogues' adds new msgids.",
                      charset="utf-8")
        for msgid, where in wanted.items():
            string = "" if lang == SOURCE else old.get(msgid, "")
            cat.add(msgid, string, locations=[(w.rpartition(":")[0], 0) for w in where][:3])
        buffer = io.BytesIO()
        # No dates in the header: the catalogues are reproducible like every other output.
        cat.creation_date = cat.revision_date = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        write_po(buffer, cat, width=100, omit_header=False, sort_output=True, include_lineno=False)
        path.write_bytes(buffer.getvalue())
        missing[lang] = 0 if lang == SOURCE else sum(1 for m in wanted if not old.get(m))
    return missing


if __name__ == "__main__":
    for lang, n in update().items():
        print(f"{lang}.po: {n} msgids without a translation")
