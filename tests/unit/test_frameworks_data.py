"""The shipped legal data in frameworks/: it loads, checks, resolves, is cited, and reports how much is verified.

Also the broken framework files in tests/fixtures/invalid/frameworks/ (one per error, openfisca-style): each
must fail with one problem whose message and line are asserted. The line is the one carrying the marker
comment ``# <- error`` in the fixture, so editing a fixture cannot silently break the expectation.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from rightskit.errors import InputError, ProblemCollector
from rightskit.load import FrameworkLibrary, index_frameworks
from rightskit.load.frameworks import check_framework, check_framework_references
from rightskit.model import Framework
from rightskit.model.condition import AllOf, AnyOf, FieldTest, NotOf

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORKS_DIR = ROOT / "frameworks"
INVALID_DIR = ROOT / "tests" / "fixtures" / "invalid" / "frameworks"
MARKER = "# <- error"
DATA_VERSION = "2026.11.0"

EXPECTED = {
    "eu-charter": "law",
    "echr": "law",
    "eprivacy": "law",
    "gdpr": "law",
    "reg-2021-1232": "law",
    "reg-2026-1881": "law",
    "ecd": "law",
    "dsa": "law",
    "csar-proposal": "proposals",
    "csar-ep-position-2023": "proposals",
    "case-law": "case-law",
    "safeguards": "catalogue",
    "art-52-1": "methods",
    "expert-record": "expert",
    "evidence": "expert",
}

# The verified ratio counts the records the issue requires to be cited: provisions, cases, criteria, sources.
# In data 2026.11.0 the honest ratio over those records is about 0.79 - just below the 0.8 target - because
# the Interim Regulation's Art. 3 and everything about Regulation (EU) 2026/1881 could not be read in an
# official text (docs/verification/README.md). Do NOT raise it by flipping records to verified: true.
# VERIFIED_FLOOR only guards against an unnoticed drop; move it up when records are genuinely verified.
TARGET_RATIO = 0.8
# December 2026: the 26 judgments of the calibration suite were added with their pinpoints mostly
# unconfirmed (the stored copies rarely carry paragraph numbers), which brought the ratio from about 78%
# to 71%; the floor follows the honest figure down instead of the records being flipped to verified.
# Issue 16 item 2 (December 2026): 22 more records read in copies of the judgments and official pages
# (docs/verification/issue-16-item-2.md) brought it to 77.4%; the floor follows the honest figure up.
# Second pass (same document): one more criterion read as cited in later judgments, 395/512 = 77.15%;
# then ECD Art. 15(1), read as quoted in C-492/23, 396/512 = 77.3%.
VERIFIED_FLOOR = 0.771
#: Distinct records that required_by links point to and that are still unverified (December 2026: 29 targets,
#: 34 of 184 links); lower it as records are read, never raise it to let an unverified citation in.
REQUIRED_BY_UNVERIFIED_CEILING = 29


# --- helpers ---------------------------------------------------------------------------------------------


def load_with_references(library: FrameworkLibrary, fid: str, others: dict[str, Framework]) -> Framework:
    """Load ``fid`` (schema + check_framework), then resolve its references against itself and ``others``."""
    fw = library.get(fid)
    index = index_frameworks({**others, fid: fw})
    problems = ProblemCollector()
    check_framework_references(fw, library.raw(fid), index, problems)
    problems.raise_if_any(f"unresolved references in framework '{fid}'")
    return fw


def records(fw: Framework) -> list[Any]:
    """The records that carry a verified flag and must be cited: provisions, cases, criteria, sources."""
    return [*fw.provisions, *fw.cases, *(c for case in fw.cases for c in case.criteria), *fw.sources]


def verified_ratios(frameworks: dict[str, Framework]) -> dict[str, tuple[int, int]]:
    """(verified, total) per framework id, plus '*' for the whole library."""
    out: dict[str, tuple[int, int]] = {}
    for fid, fw in sorted(frameworks.items()):
        recs = records(fw)
        out[fid] = (sum(1 for r in recs if r.verified), len(recs))
    out["*"] = (sum(v for v, _ in out.values()), sum(t for _, t in out.values()))
    return out


def holds(cond: Any, measure: dict[str, Any]) -> bool:
    """A minimal reading of the condition vocabulary, enough to test the essence patterns' intent."""
    if isinstance(cond, AllOf):
        return all(holds(c, measure) for c in cond.all)
    if isinstance(cond, AnyOf):
        return any(holds(c, measure) for c in cond.any)
    if isinstance(cond, NotOf):
        return not holds(cond.not_, measure)
    assert isinstance(cond, FieldTest)
    value = measure.get(cond.field.removeprefix("measure."))
    op, operand = cond.operator
    return {
        "eq": lambda: value == operand,
        "ne": lambda: value != operand,
        "in": lambda: value in operand,
        "not_in": lambda: value not in operand,
        "contains": lambda: operand in (value or []),
        "gte": lambda: value is not None and value >= operand,
        "lte": lambda: value is not None and value <= operand,
    }[op]()


def marker_line(file: Path) -> int:
    lines = [i for i, text in enumerate(file.read_text(encoding="utf-8").splitlines(), 1) if MARKER in text]
    assert len(lines) == 1, f"{file.name}: expected exactly one '{MARKER}' marker, found {len(lines)}"
    return lines[0]


# --- fixtures --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def library() -> FrameworkLibrary:
    return FrameworkLibrary([FRAMEWORKS_DIR])


@pytest.fixture(scope="module")
def frameworks(library: FrameworkLibrary) -> dict[str, Framework]:
    try:
        return library.load(library.ids())
    except InputError as exc:  # pragma: no cover - shows every problem at once on failure
        pytest.fail(exc.format())


# --- the shipped data ------------------------------------------------------------------------------------


def test_every_expected_framework_is_present_in_its_group(library: FrameworkLibrary) -> None:
    assert set(library.ids()) == set(EXPECTED)
    for fid, group in EXPECTED.items():
        assert library.path(fid) == FRAMEWORKS_DIR / group / f"{fid}.yaml"


def test_every_framework_loads_and_passes_check_framework(
    library: FrameworkLibrary, frameworks: dict[str, Framework]
) -> None:
    problems = ProblemCollector()
    for fid, fw in frameworks.items():
        check_framework(fw, library.raw(fid), problems)
        assert fw.id == fid
        assert fw.data_version == DATA_VERSION, fid
    assert not problems.problems, "\n".join(p.format() for p in problems.problems)


def test_every_cross_reference_resolves(library: FrameworkLibrary, frameworks: dict[str, Framework]) -> None:
    index = index_frameworks(frameworks)
    problems = ProblemCollector()
    for fid, fw in frameworks.items():
        check_framework_references(fw, library.raw(fid), index, problems)
    assert not problems.problems, "\n".join(p.format() for p in problems.problems)


def test_criteria_require_only_catalogue_safeguard_types(frameworks: dict[str, Framework]) -> None:
    catalogue = {f"safeguards/{t.id}" for t in frameworks["safeguards"].safeguard_types}
    for case in frameworks["case-law"].cases:
        for crit in case.criteria:
            assert set(crit.requires) <= catalogue, (case.id, crit.id)


def unscoped_criteria(frameworks: dict[str, Framework]) -> list[str]:
    """Criteria that require safeguards but say neither when they apply nor why they are general."""
    return [f"{fid}/{case.id}/{crit.id} (paras {crit.paragraphs})"
            for fid, fw in sorted(frameworks.items()) for case in fw.cases for crit in case.criteria
            if crit.requires and crit.applies_when is None and not (crit.scope_note or "").strip()]


def test_every_requiring_criterion_is_scoped_or_declared_general(frameworks: dict[str, Framework]) -> None:
    # Issue 15: no requirement may apply to a kind of measure its sources do not address. A criterion
    # that requires safeguards either says which measures its paragraphs address (applies_when), or says
    # in scope_note why it is general or sets no safeguard; it is never left silently unscoped.
    silent = unscoped_criteria(frameworks)
    assert not silent, ("criteria with requires need applies_when, or a scope_note saying why they are general:\n"
                        + "\n".join(silent))


def test_scope_audit_catches_a_silently_unscoped_criterion(frameworks: dict[str, Framework]) -> None:
    case_law = frameworks["case-law"]
    case = next(c for c in case_law.cases if any(k.requires and k.applies_when for k in c.criteria))
    crit = next(k for k in case.criteria if k.requires and k.applies_when)
    bare = crit.model_copy(update={"applies_when": None, "scope_note": None})
    broken = case_law.model_copy(update={"cases": [case.model_copy(update={"criteria": [bare]})]})
    assert unscoped_criteria({"case-law": broken}) == [f"case-law/{case.id}/{crit.id} (paras {crit.paragraphs})"]
    noted = bare.model_copy(update={"scope_note": "A general statement of the Art. 52(1) test."})
    declared = case_law.model_copy(update={"cases": [case.model_copy(update={"criteria": [noted]})]})
    assert unscoped_criteria({"case-law": declared}) == []


def test_every_scoped_criterion_names_measure_kinds_or_says_why_not(frameworks: dict[str, Framework]) -> None:
    # A scope that does not restrict the kind of measure would reach kinds the paragraphs never address.
    def fields(cond: Any) -> set[str]:
        if isinstance(cond, FieldTest):
            return {cond.field}
        if isinstance(cond, (AllOf, AnyOf)):
            parts = cond.all if isinstance(cond, AllOf) else cond.any
            return set().union(*(fields(c) for c in parts))
        if isinstance(cond, NotOf):
            return fields(cond.not_)
        return set()

    loose = [f"{fid}/{case.id}/{crit.id}" for fid, fw in sorted(frameworks.items()) for case in fw.cases
             for crit in case.criteria
             if crit.requires and crit.applies_when is not None and "measure.kind" not in fields(crit.applies_when)
             and not (crit.scope_note or "").strip()]
    assert not loose, "scoped criteria that do not restrict measure.kind need a scope_note:\n" + "\n".join(loose)


def test_every_record_is_cited_with_url_and_pinpoint(frameworks: dict[str, Framework]) -> None:
    missing: list[str] = []
    for fid, fw in frameworks.items():
        for p in fw.provisions:
            if not p.url or not p.pinpoint.strip():
                missing.append(f"{fid}/{p.id}: provision without url or pinpoint")
        for c in fw.cases:
            if not c.url:
                missing.append(f"{fid}/{c.id}: case without url")
            if not c.ecli and not c.application_numbers:
                missing.append(f"{fid}/{c.id}: case without ECLI or application number")
            for crit in c.criteria:
                if not crit.paragraphs.strip():
                    missing.append(f"{fid}/{c.id}/{crit.id}: criterion without paragraph pinpoint")
        for s in fw.sources:
            if s.url is None:
                missing.append(f"{fid}/{s.id}: source without url")
    assert not missing, "\n".join(missing)


#: What a pinpoint must name: an article, paragraph, point, recital, section, heading, slide or page.
PINPOINT = re.compile(
    r"\bArts?\.\s*\d|\bArticles?\s+\d|\bparas?\.?\s*\d|\bparagraphs?\b|\bpoints?\b|\brecitals?\s*\d|\bsection\b"
    r"|\bheading\b|\bslides?\b|§\s*\d|\bAnnex\b|\bpp?\.\s*\d|\bRule\s+\d", re.IGNORECASE)


def test_every_verified_record_cites_a_pinpoint(frameworks: dict[str, Framework]) -> None:
    """verified: true means a passage was read: the record must say which one."""
    missing: list[str] = []
    for fid, fw in frameworks.items():
        missing += [f"{fid}/{p.id}: pinpoint {p.pinpoint!r} names no article, paragraph or point"
                    for p in fw.provisions if p.verified and not PINPOINT.search(p.pinpoint)]
        missing += [f"{fid}/{c.id}/{k.id}: paragraphs {k.paragraphs!r} carry no number"
                    for c in fw.cases for k in c.criteria if k.verified and not re.search(r"\d", k.paragraphs)]
        missing += [f"{fid}/{c.id}: verified without an ECLI or application number"
                    for c in fw.cases if c.verified and not (c.ecli or c.application_numbers)]
        # A source is a whole document: its pinpoints live on the citations, so the note must say what was read.
        missing += [f"{fid}/{s.id}: verified source without a note of what was read"
                    for s in fw.sources if s.verified and not (s.verified_note or "").strip()]
    assert not missing, "\n".join(missing)


def test_every_required_by_link_reports_its_status(frameworks: dict[str, Framework]) -> None:
    """The catalogue's required_by links: printed with the share that point to verified records."""
    index = {f"{fid}/{r.id}": r for fid, fw in frameworks.items() for r in [*fw.provisions, *fw.cases, *fw.sources]}
    index |= {f"{fid}/{c.id}/{k.id}": k for fid, fw in frameworks.items() for c in fw.cases for k in c.criteria}
    steps = {f"{fid}/{st.id}" for fid, fw in frameworks.items() for st in fw.steps}
    everything = [c.ref for t in frameworks["safeguards"].safeguard_types for c in t.required_by]
    # Method steps carry no verified flag: they are the method, not a record read somewhere.
    assert all(ref in index or ref in steps for ref in everything)
    links = [ref for ref in everything if ref in index]
    unverified = sorted({ref for ref in links if not index[ref].verified})
    print(f"\nrequired_by links to records: {len(links)}, to verified records: "
          f"{sum(index[ref].verified for ref in links)} ({len(everything) - len(links)} to method steps); "
          f"unverified targets: {len(unverified)}")
    for ref in unverified:
        print(f"  {ref}: {(getattr(index[ref], 'verified_note', None) or '')[:110]}")
    assert len(unverified) <= REQUIRED_BY_UNVERIFIED_CEILING, f"{len(unverified)} unverified required_by targets"


def test_every_unverified_record_says_why(frameworks: dict[str, Framework]) -> None:
    silent = [
        f"{fid}: {getattr(r, 'id', '?')}"
        for fid, fw in frameworks.items()
        for r in records(fw)
        if not r.verified and not (r.verified_note or "").strip()
    ]
    silent += [f"{fid}: version {v.id}" for fid, fw in frameworks.items() for v in fw.versions
               if not v.verified and not (v.note or "").strip()]
    assert not silent, "unverified records need a verified_note (versions: a note):\n" + "\n".join(silent)


def test_verified_ratio_is_reported(frameworks: dict[str, Framework], record_property: Any) -> None:
    ratios = verified_ratios(frameworks)
    print("\nverified records (provisions, cases, criteria, sources):")
    for fid, (v, t) in ratios.items():
        share = f"{v / t:6.1%}" if t else "   n/a"
        print(f"  {'overall' if fid == '*' else fid:24s} {v:4d}/{t:<4d} {share}")
    versions = [v for fw in frameworks.values() for v in fw.versions]
    print(f"  {'versions (dates)':24s} {sum(v.verified for v in versions):4d}/{len(versions):<4d}")
    verified, total = ratios["*"]
    assert total > 0
    ratio = verified / total
    record_property("verified_ratio", round(ratio, 4))
    assert 0.0 <= ratio <= 1.0
    # The 0.8 target is not reached honestly (see TARGET_RATIO above); only guard against a silent drop.
    if ratio >= TARGET_RATIO:
        print(f"  target {TARGET_RATIO:.0%} reached")
    else:
        print(f"  target {TARGET_RATIO:.0%} NOT reached: honest ratio {ratio:.1%}")
    assert ratio >= VERIFIED_FLOOR, f"verified ratio fell to {ratio:.1%} (floor {VERIFIED_FLOOR:.1%})"


def test_method_steps_are_in_order_with_their_rules(frameworks: dict[str, Framework]) -> None:
    steps = frameworks["art-52-1"].steps
    order = ["legality", "essence", "legitimate-aim", "suitability", "necessity", "proportionality", "safeguards"]
    assert [s.id for s in steps] == order
    assert [s.rule for s in steps] == order
    assert all(s.questions and s.cite for s in steps)
    sources = {s.id for s in frameworks["art-52-1"].sources}
    assert sources >= {"edps-necessity-toolkit", "edps-proportionality-guidelines"}


def test_rights_follow_the_id_convention(frameworks: dict[str, Framework]) -> None:
    charter = {r.id: r for r in frameworks["eu-charter"].rights}
    assert set(charter) == {"art-1", "art-3", "art-7", "art-8", "art-11", "art-16", "art-17-2", "art-21", "art-24",
                            "art-47"}
    assert charter["art-1"].absolute and not any(r.absolute for k, r in charter.items() if k != "art-1")
    assert "art-52-1" in {p.id for p in frameworks["eu-charter"].provisions}
    assert {r.id for r in frameworks["echr"].rights} == {"art-8", "art-10", "art-13"}
    assert [(r.id, r.provisions) for r in frameworks["eprivacy"].rights] == [
        ("confidentiality", ["eprivacy/art-5-1", "eprivacy/art-6-1"])
    ]
    assert [r.id for r in frameworks["gdpr"].rights] == ["data-protection"]


def test_safeguard_catalogue_has_the_required_types(frameworks: dict[str, Framework]) -> None:
    types = {t.id: t for t in frameworks["safeguards"].safeguard_types}
    required = {
        "prior-authorisation", "human-review", "error-rate-limits", "least-intrusive-technology",
        "retention-limits", "dpia-consultation", "redress", "user-information", "transparency-reporting",
        "sunset-clause", "objective-targeting", "e2ee-preservation", "predetermined-criteria",
        "independent-oversight", "data-security", "notification",
    }
    assert required <= set(types)
    # Types that record a rule without being required automatically; their descriptions say why.
    # clear-precise-rules is the quality of the law itself: the legality step judges it (legality_issues).
    not_automatic = {"last-resort", "clear-precise-rules"}
    for t in types.values():
        assert t.required_by, f"{t.id} cites nothing that requires it"
        assert (t.required_when is None) == (t.id in not_automatic), f"{t.id}: required_when"
        # Every type says who must act when it is missing, with the source that places the duty there.
        assert t.duty is not None and t.duty.cite, f"{t.id}: duty"
    # Only the law can authorise, oversee or limit a controller; organisational measures are the controller's.
    assert {types[t].duty.holder for t in ("prior-authorisation", "independent-oversight", "redress")} == {"law"}
    assert {types[t].duty.holder for t in ("human-review", "data-security", "dpia-consultation")} == {"controller"}
    # Only human review reaches upstream along a chain: it checks the hit before the report (C-817/19).
    assert [t.id for t in types.values() if t.reaches_upstream] == ["human-review"]
    review = types["human-review"].required_when
    assert review is not None and holds(review, {"automated": True})
    assert not holds(review, {"automated": False})


# Measures as plain dicts of the fields conditions test (rightskit.model.assessment.Measure).
PROVIDER_SCANNING = {"kind": "detection", "automated": True, "scope": "general", "data_categories": ["content"],
                     "actor_type": "provider", "mandatory": True, "end_to_end_encrypted": False}
AUTHORITY_BULK_CONTENT = {"kind": "access", "automated": False, "scope": "general", "data_categories": ["content"],
                          "actor_type": "public-authority", "mandatory": True}
AUTHORITY_TARGETED_CONTENT = {**AUTHORITY_BULK_CONTENT, "scope": "targeted"}
METADATA_RETENTION = {"kind": "retention", "scope": "general", "data_categories": ["traffic-data"],
                      "actor_type": "provider", "mandatory": True}


@pytest.mark.parametrize("fid", ["eu-charter", "echr"])
def test_essence_pattern_is_generalised_authority_access_to_content_only(
    frameworks: dict[str, Framework], fid: str
) -> None:
    (pattern,) = next(r for r in frameworks[fid].rights if r.id in ("art-7", "art-8") and r.essence_patterns
                      ).essence_patterns
    assert holds(pattern, AUTHORITY_BULK_CONTENT)
    # Schrems I / Podchasov do not say that a provider's own scanning, targeted access or metadata retention
    # reaches the essence; the data must not overreach.
    assert not holds(pattern, PROVIDER_SCANNING)
    assert not holds(pattern, AUTHORITY_TARGETED_CONTENT)
    assert not holds(pattern, METADATA_RETENTION)


def test_interim_regulation_dates_are_versions_with_a_gap(frameworks: dict[str, Framework]) -> None:
    interim, successor = frameworks["reg-2021-1232"], frameworks["reg-2026-1881"]
    assert [(v.valid_from, v.valid_until, v.status) for v in interim.versions] == [
        (dt.date(2021, 8, 2), dt.date(2024, 5, 14), "in-force"),
        (dt.date(2024, 5, 15), dt.date(2026, 4, 3), "in-force"),
        (dt.date(2026, 4, 4), None, "not-applicable"),
    ]
    assert interim.version_at(dt.date(2021, 8, 1)) is None
    gap = dt.date(2026, 5, 1)
    expired = interim.version_at(gap)
    assert expired is not None and expired.status == "not-applicable"
    assert successor.version_at(gap) is None
    first = successor.version_at(dt.date(2026, 7, 31))
    assert first is not None and first.status == "in-force"
    assert successor.version_at(dt.date(2028, 4, 4)) is None
    # Only Art. 3(1) up to point (b) could be read in a copy of the act (the German text, and an English
    # mirror of the consolidated text); the rest of Art. 3, and all of 2026/1881, must say it is unread.
    read = {"art-3-1", "art-3-1-a-i", "art-3-1-a-ii", "art-3-1-a-iii", "art-3-1-a-iv", "art-3-1-b"}
    assert {p.id for p in interim.provisions if p.id.startswith("art-3") and p.verified} == read
    # Of 2026/1881 only two official EP procedure pages were read (verified as sources: they say what is
    # attributed to them); its text, and so every provision and version, stays unread.
    assert not any(p.verified for p in successor.provisions)
    assert not any(v.verified for v in successor.versions)
    assert {s.id for s in successor.sources if s.verified} == {"oeil-2025-0429", "ep-train-csar-2026-08"}


def test_proposal_and_position_are_not_law(frameworks: dict[str, Framework]) -> None:
    assert {v.status for v in frameworks["csar-proposal"].versions} == {"proposal"}
    assert {v.status for v in frameworks["csar-ep-position-2023"].versions} == {"position"}
    assert frameworks["csar-ep-position-2023"].kind == "position"
    assert frameworks["evidence"].kind == "expert-record"  # cited as analysis, never applied as law


# --- broken fixtures, one per error ----------------------------------------------------------------------

INVALID = [
    ("overlapping-versions", "overlapping the previous version", ""),
    ("inverted-version-dates", "before it starts", ""),
    ("case-without-identifier", "case 'nameless' has no identifier", "ecli"),
    ("condition-unknown-field", "invalid value 'measure.colour'", "did you mean"),
    ("condition-unknown-operator", "unknown field 'equals'", "did you mean 'eq'"),
    ("unknown-provision-in-right", "unknown provision 'eu-charter/art-77'", "eu-charter/art-7"),
    ("unknown-citation-ref", "unknown reference 'case-law/digital-rights-ireland/prior-reviews'",
     "case-law/digital-rights-ireland/prior-review"),
    ("unknown-safeguard-in-requires", "unknown safeguard type 'safeguards/human-reveiw'", "safeguards/human-review"),
    ("framework-id-mismatch", "id 'eu-charter' differs from the file name 'framework-id-mismatch'", "rename"),
    ("duplicate-provision-id", "duplicate id 'art-7' in provisions", "its own id"),
    ("duplicate-criterion-id", "duplicate criterion id 'review'", ""),
    ("provision-javascript-url", "URL scheme should be 'http' or 'https'", ""),
    ("case-bad-ecli", "invalid id or code 'ECLI:EU:C:2O14:238'", "ECLI:EU:C:2014:238"),
    ("framework-unknown-field", "unknown field 'verifed_note'", "did you mean 'verified_note'"),
    ("framework-bad-kind", "invalid value 'statute'", ""),
]


def _fid(case: Any) -> str:
    return str(case.values[0] if hasattr(case, "values") else case[0])


def test_every_invalid_fixture_has_a_case() -> None:
    assert {p.stem for p in INVALID_DIR.glob("*.yaml")} == {_fid(c) for c in INVALID}


@pytest.mark.parametrize(("fid", "message", "hint"), INVALID, ids=[_fid(c) for c in INVALID])
def test_invalid_framework_fails_with_message_and_line(
    fid: str, message: str, hint: str, frameworks: dict[str, Framework]
) -> None:
    file = INVALID_DIR / f"{fid}.yaml"
    library = FrameworkLibrary([INVALID_DIR])
    with pytest.raises(InputError) as info:
        load_with_references(library, fid, frameworks)
    problems = info.value.problems
    assert len(problems) == 1, info.value.format()
    (problem,) = problems
    assert message in problem.message, problem.format()
    assert hint in problem.hint, problem.format()
    assert problem.location is not None
    assert Path(problem.location.path).name == file.name
    assert problem.location.line == marker_line(file), problem.format()
