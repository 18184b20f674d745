"""rightskit's own framework wording in French and German: the catalogue, the method and the names of rights."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from rightskit import pipeline
from rightskit.load import FrameworkLibrary
from rightskit.model import Framework
from rightskit.model.framework import MethodStep, SafeguardType
from rightskit.render import render_formats
from rightskit.translation import LANGUAGES, speaking

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = ROOT / "reports" / "csar-proposal-2022"
TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]


@pytest.fixture(scope="module")
def frameworks() -> dict[str, Framework]:
    library = FrameworkLibrary([ROOT / "frameworks"])
    return library.load(library.ids())


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_catalogue_method_and_right_record_has_its_wording(lang: str, frameworks: dict[str, Framework]) -> None:
    missing: list[str] = []
    counted = 0
    for fid, fw in sorted(frameworks.items()):
        for t in fw.safeguard_types:
            counted += 1
            w = t.translations.get(lang)
            if w is None or not w.title or not w.description:
                missing.append(f"{fid}/{t.id}: title and description")
            if t.reaches_upstream is not None and not t.reaches_upstream.wordings("rationale").get(lang):
                missing.append(f"{fid}/{t.id}: reaches_upstream.rationale")
        for s in fw.steps:
            counted += 1
            w = s.translations.get(lang)
            if w is None or not w.title or len(w.questions) != len(s.questions):
                missing.append(f"{fid}/steps/{s.id}: title and every question")
        for r in fw.rights:
            counted += 1
            if not r.wordings("title").get(lang):
                missing.append(f"{fid}/{r.id}: title")
            if r.essence and not r.wordings("essence").get(lang):
                missing.append(f"{fid}/{r.id}: essence")
    assert counted > 40
    assert not missing, f"{lang}: records without their wording: {missing}"


def test_an_official_title_is_marked_and_its_verification_said(frameworks: dict[str, Framework]) -> None:
    official = [(fid, r.id, lang, w) for fid, fw in sorted(frameworks.items()) for r in fw.rights
                for lang, w in sorted(r.translations.items()) if w.official]
    assert len(official) >= 20
    assert all(w.verified_note for *_, w in official), "an official title says where it was read, or that it was not"
    charter = {(r.id, lang): w.title for r in frameworks["eu-charter"].rights for lang, w in r.translations.items()}
    assert charter[("art-8", "fr")] == "Protection des données à caractère personnel"
    assert charter[("art-8", "de")] == "Schutz personenbezogener Daten"
    assert charter[("art-47", "fr")] == "Droit à un recours effectif et à accéder à un tribunal impartial"


def test_a_translation_of_a_field_the_record_lacks_is_rejected() -> None:
    step = {"id": "legality", "title": "Provided for by law", "rule": "legality", "questions": ["One?", "Two?"]}
    with pytest.raises(ValidationError, match=r"translations\.fr\.questions: 1 given for 2 questions"):
        MethodStep.model_validate({**step, "translations": {"fr": {"questions": ["Un ?"]}}})
    with pytest.raises(ValidationError, match="a SafeguardType has no 'questions' to translate"):
        SafeguardType.model_validate({"id": "x", "title": "X", "description": "D.",
                                      "translations": {"de": {"questions": ["Q?"]}}})
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        SafeguardType.model_validate({"id": "x", "title": "X", "description": "D.",
                                      "translations": {"de": {"summary": "S."}}})
    ok = MethodStep.model_validate({**step, "translations": {"de": {"title": "Gesetzlich vorgesehen"}}})
    assert ok.worded("title", "de") == "Gesetzlich vorgesehen" and ok.worded("questions", "de") == ["One?", "Two?"]
    assert ok.worded("title", "fr") == "Provided for by law"


def _english_titles_left(report: str, titles: list[str]) -> list[str]:
    # A catalogue title as the report names it, not as the start of a longer provision heading ('Informing users
    # that detection is running' is the proposal's own heading, in the language of the source).
    # Case matters: the essence texts (data, in English) say 'data security' in their own sentences; a sentence
    # of the engine that names a type in lower case quotes it.
    return [t for t in titles if re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-]| [a-z])", report)
            or any(f"{q[0]}{t.lower()}{q[1]}" in report for q in (("« ", " »"), ("„", "“")))]


@pytest.mark.slow
@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_flagship_report_names_safeguards_and_rights_in_its_language(lang: str, frameworks: dict[str, Framework],
                                                                        tmp_path: Path) -> None:
    bundle = pipeline.evaluate(FLAGSHIP, pipeline.Options(lang=lang))
    with speaking(lang):
        render_formats(bundle, ["md"], tmp_path)
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    types = frameworks["safeguards"].safeguard_types
    shown = [t for t in types if t.translations[lang].title and t.translations[lang].title in report]
    assert len(shown) >= 15, f"only {len(shown)} translated safeguard titles in the {lang} report"
    assert not _english_titles_left(report, [t.title for t in types])
    charter = {r.id: r for r in frameworks["eu-charter"].rights}
    for right in ("art-7", "art-8", "art-11"):
        assert charter[right].translations[lang].title in report
    # The essence section speaks the report's language (the opening words, free of Markdown escapes).
    essence = charter["art-7"]
    assert " ".join(essence.translations[lang].essence.split()[:4]) in report
    assert " ".join(essence.essence.split()[:4]) not in report
    step = next(s for s in frameworks["art-52-1"].steps if s.id == "legality")
    assert step.translations[lang].questions[0] in report
    assert step.questions[0] not in report
