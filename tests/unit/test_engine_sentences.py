"""The engine's sentences: English in the results, every template extracted and translated, spoken in a report."""

from __future__ import annotations

import ast
import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from rightskit import pipeline
from rightskit.render import render_formats
from rightskit.translation import LANGUAGES, catalogue, speaking
from rightskit.translation.extract import messages
from rightskit.translation.sentence import Sentence, Worded, joined, localized, sentence, templated, term, trimmed
from rightskit.translation.sentence import spoken as spoken_of

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "rightskit"
FLAGSHIPS = sorted(p for p in (ROOT / "reports").iterdir() if p.is_dir())
TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _said(value: object) -> Iterator[Sentence]:
    """Every sentence in a results model, and every sentence inside one."""
    if isinstance(value, Sentence):
        yield value
        for _name, arg in value.args:
            yield from _said(arg)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _said(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _said(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _said(item)


def _worded(template: str) -> bool:
    """A template with words of its own (not only placeholders and punctuation, as a join is)."""
    return re.search(r"[A-Za-z]{2}", PLACEHOLDER.sub("", template)) is not None


@pytest.fixture(scope="module")
def bundles() -> dict[str, pipeline.Bundle]:
    """The flagships evaluated for a French report: the sentences keep their templates."""
    return {p.name: pipeline.evaluate(p, pipeline.Options(lang="fr")) for p in FLAGSHIPS}


def test_an_english_run_makes_plain_text() -> None:
    made = sentence("'{title}' is not less intrusive than the measure.", title="Hash matching")
    assert type(made) is str and made == "'Hash matching' is not less intrusive than the measure."
    assert type(term("serious")) is str and type(joined(["a", "b"])) is str


@templated()
def test_a_sentence_is_its_english_text() -> None:
    s = sentence("'{title}' is not less intrusive than {n:,} others.", title="Hash matching", n=12345)
    assert isinstance(s, Sentence) and s == "'Hash matching' is not less intrusive than 12,345 others."
    assert s.template == "'{title}' is not less intrusive than {n:,} others."
    assert sentence("'{title}' is not less intrusive than {n:,} others.", title="Hash matching", n=12345) is s
    copied = pickle.loads(pickle.dumps(s))
    assert isinstance(copied, Sentence) and copied.args == s.args and copied == s
    assert joined([s, "plain"], "; ", ".") == f"{s}; plain."
    cut = trimmed(s)
    assert cut == str(s)[:-1] and cut.template == s.template and trimmed("plain.") == "plain"
    assert pickle.loads(pickle.dumps(cut)) == cut
    with speaking("de"):
        assert cut.spoken() == s.spoken()[:-1]
    # A word given as plain text and the same word as a term are two sentences, not one cached object.
    plain, worded = sentence("{x}", x="none"), sentence("{x}", x=term("none"))
    assert isinstance(plain, Sentence) and isinstance(worded, Sentence)
    assert type(plain.args[0][1]) is str and isinstance(worded.args[0][1], Sentence)


@templated()
def test_a_sentence_is_spoken_with_its_arguments_and_user_text_as_given() -> None:
    s = sentence("The interference is recorded at severity {severity}.", severity=term("very-serious"))
    titled = sentence("'{title}' is not less intrusive than the measure.", title="Detect <b>new</b> material")
    with speaking("fr"):
        assert s.spoken() == "L’ingérence est enregistrée avec la gravité très grave."
        assert titled.spoken() == "« Detect <b>new</b> material » n’est pas moins attentatoire que la mesure."
    with speaking("de"):
        assert s.spoken() == "Der Eingriff ist mit der Schwere „sehr schwerwiegend“ erfasst."
    with speaking("en"):
        assert s.spoken() == str(s)


def test_every_engine_sentence_call_names_its_template_literally() -> None:
    """``make catalogues`` reads the templates from the source: a template built at run time is never extracted."""
    extracted = set(messages())
    calls = 0
    for path in sorted((PACKAGE / "evaluate").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("sentence",
                                                                                                "Sentence"):
                calls += 1
                first = node.args[0] if node.args else None
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{where}: sentence() needs a literal template as its first argument")
                assert first.value in extracted, f"{where}: {first.value!r} is not in the catalogues"
    assert calls > 200


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_sentence_the_flagships_say_is_translated(lang: str, bundles: dict[str, pipeline.Bundle]) -> None:
    have = catalogue(lang)
    said = {s.template for b in bundles.values() for s in _said(b.results)
            if _worded(s.template) and not isinstance(s, Worded)}
    assert len(said) > 100
    missing = sorted(t for t in said if t not in have)
    assert not missing, f"{lang}: sentences without a translation (a term() word missing from TERMS?): {missing}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_framework_wording_the_flagships_say_is_translated(lang: str,
                                                                  bundles: dict[str, pipeline.Bundle]) -> None:
    """A catalogue title, a right's name or a step's title that a sentence names carries its translations."""
    worded = {str(s): dict(s.words) for b in bundles.values() for s in _said(b.results) if isinstance(s, Worded)}
    assert len(worded) > 30
    missing = sorted(w for w, words in worded.items() if lang not in words)
    assert not missing, f"{lang}: framework wording without a translation (add it under 'translations'): {missing}"
    with speaking(lang):
        assert all(Worded(w, tuple(words.items())).spoken() == words[lang] for w, words in worded.items())


def _fragments(template: str) -> list[str]:
    """The fixed words of a template long enough to be its own (not a title's): between placeholders."""
    return [f.strip(" .,;:()'") for f in PLACEHOLDER.split(template) if len(f.strip(" .,;:()'")) >= 24]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_translated_report_has_no_english_engine_sentence(lang: str, bundles: dict[str, pipeline.Bundle],
                                                            tmp_path: Path) -> None:
    bundle = bundles["interim-regulation-2021-1232"]
    said = {s.template for s in _said(bundle.results) if _worded(s.template)}
    fragments = {f for t in said for f in _fragments(t)}
    assert len(fragments) > 60
    render_formats(bundle, ["md"], tmp_path / "en")
    english = (tmp_path / "en" / "report.md").read_text(encoding="utf-8")
    with speaking(lang):
        render_formats(bundle, ["md", "json"], tmp_path / lang)
    report = (tmp_path / lang / "report.md").read_text(encoding="utf-8")
    # Words the law data or the author's inputs also use (the method's questions, a quote) are not the engine's own.
    data = " ".join(" ".join(f.read_text(encoding="utf-8").split())
                    for folder in (ROOT / "frameworks", FLAGSHIPS[0].parent / "interim-regulation-2021-1232")
                    for f in sorted(folder.rglob("*")) if f.suffix in (".yaml", ".py"))
    shown = sorted(f for f in fragments if f in english.replace("\\", "") and f not in data)
    assert len(shown) > 40  # the English report says them: the check below is not empty
    left = sorted(f for f in shown if f in report.replace("\\", ""))
    assert not left, f"English engine wording in the {lang} report: {left}"


def test_the_results_stay_english_whatever_the_report_language(bundles: dict[str, pipeline.Bundle],
                                                                tmp_path: Path) -> None:
    bundle = bundles["interim-regulation-2021-1232"]
    render_formats(pipeline.evaluate(FLAGSHIPS[0].parent / "interim-regulation-2021-1232"), ["json"], tmp_path / "en")
    for lang in TRANSLATED:
        with speaking(lang):
            render_formats(bundle, ["json"], tmp_path / lang)
            assert localized(bundle.results) is not bundle.results
        assert (tmp_path / lang / "results.json").read_bytes() == (tmp_path / "en" / "results.json").read_bytes()
    assert localized(bundle.results) is bundle.results  # English: the results themselves


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_reviewers_verdict_is_said_in_the_language(lang: str, tmp_path: Path) -> None:
    """The reviewer's verdict is decided again from the findings: its reason is an engine sentence too."""
    flagship = FLAGSHIPS[0].parent / "csar-proposal-2022"
    bundle = pipeline.evaluate(flagship, pipeline.Options(lang=lang), review=True)
    assert bundle.reviewed.verdicts  # the review file overrides findings
    with speaking(lang):
        render_formats(bundle, ["md"], tmp_path / lang)
    render_formats(pipeline.evaluate(flagship, review=True), ["md"], tmp_path / "en")
    english_report = (tmp_path / "en" / "report.md").read_text(encoding="utf-8").replace("\\", "")
    report = (tmp_path / lang / "report.md").read_text(encoding="utf-8").replace("\\", "")
    # The phrases the English report says (so the check below has something to find)…
    phrases = [e for e in ("Decisive ground", "No structural ground", "condition(s) must be met")
               if e in english_report]
    assert len(phrases) == 3, phrases
    # … are all said in the language.
    assert [e for e in phrases if e in report] == []


@templated()
def test_a_number_in_a_sentence_follows_the_locale() -> None:
    from rightskit.evaluate.wording import number, one_in, percent

    people = sentence("{n} people are affected", n=number(12345.0))
    rate, share = percent(0.001), one_in(0.001)
    assert (people, rate, share) == ("12,345 people are affected", "0.1%", "1 in 1,000")  # English as ever
    with speaking("fr"):
        assert people.spoken() == "12\u202f345 personnes sont concernées"
        assert (str(spoken_of(rate)), str(spoken_of(share))) == ("0,1 %", "1 sur 1\u202f000")
    with speaking("de"):
        assert people.spoken() == "12.345 Personen sind betroffen"
        assert (str(spoken_of(rate)), str(spoken_of(share))) == ("0,1 %", "1 von 1.000")
    assert number(1e-5) == "1e-05" and type(number(1e-5)) is str  # no plain digits: shown as the engine writes it
