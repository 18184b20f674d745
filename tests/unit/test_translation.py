"""The report's languages: complete catalogues, translated renders, locale dates and numbers."""

from __future__ import annotations

import re
import types
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from rightskit import pipeline
from rightskit.cli import main
from rightskit.render import number_format as figures
from rightskit.render import render_formats
from rightskit.render.phrasebook import Phrasebook, msgids
from rightskit.translation import CATALOGUES, LANGUAGES, catalogue, format_date, gettext, speaking
from rightskit.translation.extract import messages, untranslated

FLAGSHIP = Path(__file__).resolve().parents[2] / "reports" / "interim-regulation-2021-1232"
TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
PLACEHOLDER = re.compile(r"\{\w*\}|%\(\w+\)s")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_msgid_has_a_translation(lang: str) -> None:
    missing = untranslated(lang)
    assert not missing, (f"{lang}.po lacks {len(missing)} translations (run 'make catalogues', fill the msgstr "
                         f"lines): " + "; ".join(f"{m!r} ({w[0]})" for m, w in list(missing.items())[:10]))


def test_the_source_catalogue_lists_exactly_the_msgids_of_the_code() -> None:
    from babel.messages.pofile import read_po

    with (CATALOGUES / "en.po").open("rb") as f:
        listed = {m.id for m in read_po(f) if m.id}
    assert listed == set(messages()), "en.po is stale: run 'make catalogues'"


def test_a_phrase_added_without_a_translation_is_caught() -> None:
    # The way the phrases module grows: a new upper-case constant, nothing else.
    grown = types.ModuleType("phrases")
    grown.SUMMARY = "Summary of conclusions"
    grown.SIGN_OFF = "Signed off by {who} on {date}"
    found = {m: ["phrases.py"] for value in msgids(grown).values()
             for m in (value if isinstance(value, tuple) else (value,))}
    for lang in TRANSLATED:
        assert set(untranslated(lang, found)) == {"Signed off by {who} on {date}"}
    with speaking("fr"):
        assert Phrasebook(grown).SUMMARY == "Synthèse des conclusions"
        assert Phrasebook(grown).SIGN_OFF == "Signed off by {who} on {date}"  # untranslated: English shows


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_every_placeholder(lang: str) -> None:
    for msgid, msgstr in catalogue(lang).items():
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr)), (lang, msgid, msgstr)


def test_charter_terms_follow_the_official_wording() -> None:
    # Charter Art. 52(1), EUR-Lex 12012P/TXT, in each language.
    fr, de = catalogue("fr"), catalogue("de")
    assert fr["Essence violated"] == "Atteinte au contenu essentiel"
    assert fr["Objective of general interest"] == "Objectif d’intérêt général reconnu par l’Union"
    assert de["Essence violated"] == "Wesensgehalt verletzt"
    assert de["Objective of general interest"] == "Von der Union anerkannte dem Gemeinwohl dienende Zielsetzung"
    assert de["Proportionate"] == "Verhältnismäßig"


class _Text(HTMLParser):
    """The report's own text nodes: not styles or diagrams, nor the sources' titles and quotes, nor ids (code)."""

    SKIPPED = ("style", "script", "svg", "blockquote", "code")

    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[str] = []
        self._open: list[bool] = []  # per open element: whether its text is skipped

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "meta", "img", "input", "hr", "link"):
            return
        classes = (dict(attrs).get("class") or "").split()
        skip = tag in self.SKIPPED or "cite" in classes or "title" in classes
        self._open.append(skip or bool(self._open and self._open[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("br", "meta", "img", "input", "hr", "link") and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if not (self._open and self._open[-1]) and data.strip():
            self.nodes.append(" ".join(data.split()))


def _plain(text: str) -> str:
    return text.strip().rstrip(":. ")


def _english_labels(lang: str) -> set[str]:
    """The English labels that differ from every translation ('Sources' is also French, 'Mode' also German)."""
    pairs = catalogue(lang).items()
    same = {_plain(s) for _m, s in pairs}
    return {_plain(m) for m, _s in pairs if len(m) > 3 and not PLACEHOLDER.search(m)} - same


@pytest.fixture(scope="module")
def flagship() -> pipeline.Bundle:
    return pipeline.evaluate(FLAGSHIP)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_translated_render_shows_no_english_label(lang: str, flagship: pipeline.Bundle, tmp_path: Path) -> None:
    with speaking(lang):
        render_formats(flagship, ["html", "md"], tmp_path)
    english = _english_labels(lang)
    parser = _Text()
    html = (tmp_path / "index.html").read_text()
    parser.feed(html)
    assert f'<html lang="{lang}">' in html
    stray = sorted({_plain(n) for n in parser.nodes} & english)
    assert not stray, f"English labels in the {lang} HTML: {stray}"
    md = (tmp_path / "report.md").read_text()
    # Headings, table cells and bold runs are where Markdown labels live.
    pieces = {_plain(p) for p in re.findall(r"^#+ (?:[\d.]+ )?(.+)$", md, re.M)}
    pieces |= {_plain(c) for line in md.splitlines() if line.startswith("|") for c in line.split("|")}
    pieces |= {_plain(b) for b in re.findall(r"\*\*([^*]+)\*\*", md)}
    stray = sorted(pieces & english)
    assert not stray, f"English labels in the {lang} Markdown: {stray}"
    assert gettext("Summary of conclusions") == "Summary of conclusions"  # the language ended with the block


def test_english_is_the_default_and_unchanged(flagship: pipeline.Bundle, tmp_path: Path) -> None:
    render_formats(flagship, ["md"], tmp_path)
    md = (tmp_path / "report.md").read_text()
    assert "## 1 Summary of conclusions" in md and "Law applied as of | 2022-06-01" in md


@pytest.mark.parametrize(("lang", "count", "rate", "million", "day"), [
    ("en", "12,345", "0.1 % (1 in 1,000)", "3.4 million", "2022-06-01"),
    ("fr", "12\u202f345", "0,1 % (1 sur 1\u202f000)", "3,4 millions", "1 juin 2022"),
    ("de", "12.345", "0,1 % (1 von 1.000)", "3,4 Millionen", "1. Juni 2022"),
])
def test_numbers_and_dates_follow_the_locale(lang: str, count: str, rate: str, million: str, day: str) -> None:
    with speaking(lang):
        assert figures.count(12345) == count
        assert figures.rate(0.001) == rate
        assert figures.count(3.4e6) == million
        assert format_date("2022-06-01") == day


def test_render_rejects_an_unknown_language(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", str(FLAGSHIP), "-o", str(tmp_path / "out"), "--lang", "xx"])
    assert result.exit_code == 2 and "--lang" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_pdf_is_typeset_in_the_language(lang: str, flagship: pipeline.Bundle, tmp_path: Path) -> None:
    import pypdf

    with speaking(lang):
        render_formats(flagship, ["pdf"], tmp_path)
        heading = gettext("Verdicts and steps at a glance")
    reader = pypdf.PdfReader(tmp_path / "report.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages[:12])
    assert heading in text
    assert "Verdicts and steps at a glance" not in text


@pytest.mark.parametrize(("lang", "charter"), [
    ("en", "Charter of Fundamental Rights of the European Union"),
    ("fr", "Charte des droits fondamentaux de l'Union européenne"),
    ("de", "Charta der Grundrechte der Europäischen Union"),
])
def test_an_act_shows_its_official_title_in_the_language(lang: str, charter: str, flagship: pipeline.Bundle) -> None:
    from rightskit.render import build_context

    with speaking(lang):
        ctx = build_context(flagship, diagrams=False)
    titles = {f.id: f.title for f in ctx.frameworks}
    assert titles["eu-charter"] == charter
    # An act without a verified title in the language keeps its own (English) title.
    assert titles["gdpr"].startswith("Regulation (EU) 2016/679")
    # Quotes stay in the language of the source.
    quotes = {e.quote for e in ctx.bibliography.values() if e.quote}
    with speaking("en"):
        english = {e.quote for e in build_context(flagship, diagrams=False).bibliography.values() if e.quote}
    assert quotes == english


@pytest.mark.parametrize(("lang", "legality", "ground"), [
    ("fr", "Prévue par la loi", "il est porté atteinte au contenu essentiel d’un droit"),
    ("de", "Gesetzlich vorgesehen", "der Wesensgehalt eines Rechts wird angetastet"),
])
def test_steps_and_grounds_use_the_charter_terms(lang: str, legality: str, ground: str,
                                                 flagship: pipeline.Bundle) -> None:
    from rightskit.evaluate.grounds import GROUNDS
    from rightskit.render import build_context

    with speaking(lang):
        ctx = build_context(flagship, diagrams=False)
        assert gettext(GROUNDS["essence"]) == ground
    assert {s.id: s.title for s in ctx.method}["legality"] == legality
    # The results keep the engine's English; the report says it in its language.
    first = ctx.measure_ids[0]
    reason = flagship.results.measures[first].verdict_reason
    assert reason.startswith("Decisive ground") and not ctx.measures[first].verdict_reason.startswith("Decisive")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_number_longer_than_the_decimal_context_is_written(lang: str) -> None:
    """A generated rate of 1e-40 is '1 in 10^40': more digits than Decimal's default 28 (InvalidOperation)."""
    from rightskit.translation import format_number

    with speaking(lang):
        text = format_number("1" + "0" * 40 + ".5")
    assert text.replace(",", "").replace(".", "").replace("\u202f", "").replace("\xa0", "").replace(" ", "") == (
        "1" + "0" * 40 + "5")
