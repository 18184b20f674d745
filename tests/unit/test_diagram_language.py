"""The diagrams in the report's language: every fixed word translated, the author's and the law's words kept.

A flagship's every view (and the parts the PDF prints for each measure) is drawn in French and German,
and no English word of the diagram modules — their own msgids, the step abbreviations, the badge and
vocabulary words they show — may be left in a text line or a tooltip line of the SVG.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from diagram_common import SVG, XLINK, needs_dot

from rightskit import pipeline
from rightskit.cli import main
from rightskit.render import _spoken, render_formats
from rightskit.render.diagram import diagram
from rightskit.render.diagram.printed import printed_parts
from rightskit.render.diagram.style import STEP_SHORT
from rightskit.render.diagram.text import wrap
from rightskit.render.diagram_set import DiagramSet
from rightskit.translation import catalogue, gettext, speaking
from rightskit.translation.extract import messages

FLAGSHIP = Path(__file__).resolve().parents[2] / "reports" / "interim-regulation-2021-1232"
TRANSLATED = ("fr", "de")
PLACEHOLDER = re.compile(r"\{\w*(?::[^}]*)?\}")
#: Where the words a diagram shows are defined: its own modules, the badges and the engine's vocabulary.
SHOWN_FROM = ("rightskit/render/diagram", "rightskit/render/badges.py", "rightskit/evaluate/terms.py",
              "rightskit/model/assessment.py")
#: Symbols a legend entry or a badge puts before its word.
MARKS = "●○✓!✗⊘?+−~ "

pytestmark = needs_dot


def _plain(text: str) -> str:
    return " ".join(text.split()).strip(MARKS).rstrip(":. ")


def _diagram_msgids() -> set[str]:
    """The English msgids a diagram may show."""
    shown = {m for m, where in messages().items() if any(w.startswith(SHOWN_FROM) for w in where)}
    return shown | set(STEP_SHORT.values())


def _english(lang: str) -> tuple[set[str], list[re.Pattern[str]]]:
    """The diagram's English words that ``lang`` says otherwise, as plain words and as template patterns.

    A word the language writes the same way ('Importance', 'Alternative') is left out, as the report's
    own test does.
    """
    have = catalogue(lang)
    same = {_plain(s) for s in have.values()}
    words, templates = set(), []
    for msgid in sorted(_diagram_msgids()):
        said = have.get(msgid, msgid)
        if PLACEHOLDER.search(msgid):
            parts = PLACEHOLDER.split(msgid)
            # A template is looked for when its fixed words could not be the author's: two words or more, or
            # a fixed start ('Verdict: {verdict}'); '{strength} for {measure}' would match any sentence.
            fixed = re.findall(r"[^\W\d_]{2,}", " ".join(parts))
            if (len(fixed) >= 2 or re.match(r"[^\W\d_]{3}", parts[0])) and fixed != re.findall(
                    r"[^\W\d_]{2,}", " ".join(PLACEHOLDER.split(said))):
                templates.append(re.compile(".+".join(re.escape(p) for p in parts)))
        elif _plain(msgid) and _plain(said) != _plain(msgid) and _plain(msgid) not in same:
            words.add(_plain(msgid))
    return words, templates


def _lines(svg: bytes | str) -> list[str]:
    """Every text line and tooltip line of an SVG."""
    root = ET.fromstring(svg)
    out = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    for element in root.iter():
        out += (element.get(f"{XLINK}title") or "").split("\n")
    return [" ".join(line.split()) for line in out if line.strip()]


def _authored(bundle: pipeline.Bundle) -> list[str]:
    """The author's words a diagram shows (titles, actors, descriptions), which stay as written."""
    a = bundle.resolved.assessment
    texts = [a.title, *(x for m in a.measures for x in (m.title, m.actor, m.description or "")),
             *(x for s in a.safeguards for x in (s.title, s.requires or "", *s.conditions)),
             *(x for aim in a.aims for x in (aim.title, aim.description or "")),
             *(x for alt in a.alternatives for x in (alt.title, alt.description or ""))]
    return [" ".join(t.split()) for t in texts if t]


def _stray(lang: str, svgs: dict[str, bytes | str], authored: list[str]) -> list[str]:
    words, templates = _english(lang)
    # Every line the diagram's wrapping can make of the author's text, at the widths the nodes use.
    wrapped = {" ".join(part.split()) for text in authored for width in range(10, 61)
               for part in wrap(text, width, 99)}
    found = []
    for view, svg in sorted(svgs.items()):
        for line in _lines(svg):
            # A line of the author's text stays as written: a line the diagram's wrapping makes of it, or (for
            # a line that is no word of the vocabulary) any part of it, since a tooltip line may hold a clause.
            if line in wrapped or (_plain(line) not in words and any(line in text for text in authored)):
                continue
            if _plain(line) in words or any(t.fullmatch(line) for t in templates):
                found.append(f"{view}: {line}")
    return sorted(set(found))


@pytest.fixture(scope="module")
def authored() -> list[str]:
    return _authored(pipeline.evaluate(FLAGSHIP))


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes | str]]:
    """Every view of the flagship, and each measure's printed parts, in each language (English too)."""
    out: dict[str, dict[str, bytes | str]] = {}
    for lang in ("en", *TRANSLATED):
        bundle = pipeline.evaluate(FLAGSHIP, pipeline.Options(lang=lang))
        folder = tmp_path_factory.mktemp(f"svg-{lang}")
        with speaking(lang):
            render_formats(bundle, ["svg"], folder)  # the diagram set, drawing in threads
            spoken = _spoken(bundle)
            printed = {f"print:{m}:{n}": part.svg for m in sorted(spoken.results.measures)
                       for n, part in enumerate(printed_parts(spoken, m), 1)}
        out[lang] = {p.name: p.read_bytes() for p in sorted((folder / "diagrams").glob("*.svg"))} | printed
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_translated_diagram_keeps_no_english_word(lang: str, drawn: dict[str, dict[str, bytes | str]],
                                                   authored: list[str]) -> None:
    assert set(drawn[lang]) == set(drawn["en"])
    stray = _stray(lang, drawn[lang], authored)
    assert not stray, f"English diagram words in the {lang} SVGs: {stray[:20]}"


@pytest.mark.slow
def test_the_check_finds_the_english_words(drawn: dict[str, dict[str, bytes | str]], authored: list[str]) -> None:
    # The same check on the English drawing finds the words it looks for: it would see them left behind.
    stray = _stray("fr", drawn["en"], authored)
    assert any(line.endswith(": Overview: measures → rights ← safeguards") for line in stray)
    assert any(": Verdict: " in line for line in stray)
    assert any(line.endswith(": Shapes:") for line in stray)


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "words"), [
    ("fr", ("Vue d’ensemble : mesures → droits ← garanties", "Proportionnée sous conditions", "Formes :",
            "Gravité résiduelle (trait) :")),
    ("de", ("Übersicht: Maßnahmen → Rechte ← Garantien", "Verhältnismäßig unter Bedingungen", "Formen:",
            "Verbleibende Schwere (Linie):")),
])
def test_a_translated_diagram_speaks_the_language(lang: str, words: tuple[str, ...],
                                                  drawn: dict[str, dict[str, bytes | str]]) -> None:
    lines = {line.strip(MARKS) for line in _lines(drawn[lang]["overview.svg"])}
    assert set(words) <= lines
    # The step strip and its legend use the language's abbreviations and the step names the report uses.
    measure = next(svg for name, svg in sorted(drawn[lang].items()) if name.startswith("measure-"))
    text = " ".join(_lines(measure))
    with speaking(lang):
        assert f"{gettext('law')} = {gettext('legality')}" in text
    # The author's words stay as written: a measure's title is its tooltip's first line in every language.
    assert "Detection of known material by hash matching" in _lines(drawn[lang]["overview.svg"])


def test_a_diagram_set_draws_in_its_own_language_once_per_view() -> None:
    bundle = pipeline.evaluate(FLAGSHIP, pipeline.Options(lang="fr"))
    views = ["overview", "chain"]
    calls: list[str] = []

    def counted(b: pipeline.Bundle, view: str, fmt: str) -> bytes:
        calls.append(view)
        return diagram(b, view, fmt)

    with speaking("fr"):
        french = {v: diagram(bundle, v) for v in views}
        shared = DiagramSet(bundle, draw=counted)
    # Asked in another language, the set still draws in the one it was made in: its bundle's sentences
    # are said in French, so its fixed words are French too.
    for lang in ("en", "de", "fr"):
        with speaking(lang):
            assert shared.svgs(views) == french, lang
    assert sorted(calls) == sorted(views)  # each view drawn once, then kept
    with speaking("en"):
        assert DiagramSet(bundle).svgs(["overview"])["overview"] == diagram(bundle, "overview") != french["overview"]


def test_the_diagram_command_draws_in_the_language(tmp_path: Path) -> None:
    runner = CliRunner()
    english = runner.invoke(main, ["diagram", str(FLAGSHIP)])
    first = runner.invoke(main, ["diagram", str(FLAGSHIP), "--lang", "fr"])
    again = runner.invoke(main, ["diagram", str(FLAGSHIP), "--lang", "fr", "--format", "svg", "-o",
                                 str(tmp_path / "overview.svg")])
    assert english.exit_code == first.exit_code == again.exit_code == 0, first.output
    assert "Vue d’ensemble : mesures → droits ← garanties" in first.output
    assert "Overview: measures → rights ← safeguards" in english.output
    # Reproducible: the same input gives the same bytes.
    assert (tmp_path / "overview.svg").read_text(encoding="utf-8") == first.output
    # The engine's sentences in a tooltip are said in the language too (a measure's verdict reason).
    assert "Conclusion : " in first.output
    refused = runner.invoke(main, ["diagram", str(FLAGSHIP), "--lang", "xx"])
    assert refused.exit_code == 2 and "--lang" in refused.output
