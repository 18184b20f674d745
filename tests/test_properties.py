"""Property-based tests: generated valid assessments go through every stage without crashing.

The strategy builds valid model data against the shipped frameworks: ids, enum values, severities,
mitigations of interferences that exist, feeds between existing measures, citations of records that exist;
every piece of user text is drawn from a hostile alphabet (markup and template characters, newlines,
right-to-left letters and bidi overrides, emoji, control characters but NUL). For each example:

* load → evaluate → render html, md, json and svg, and ``dot -Tsvg`` accepts the DOT of every view;
* the HTML parses and holds no <script> but the report's own (the same count as a plain report);
* results.json validates against the published schema (and its results part against ``schema --results``);
* ``export --format yaml`` followed by a load gives an equal model.

Examples are derandomized and the example database is off, so runs are deterministic and write nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import string
import subprocess
import tempfile
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightskit.model import assessment as m
from rightskit.model import citation as c
from rightskit.model import scales

#: hypothesis runs many examples: left out of `make quick`, run by `make test`.
pytestmark = pytest.mark.slow

MINIMAL = Path(__file__).resolve().parent / "fixtures" / "security" / "minimal"
FRAMEWORK_CHOICES = ["gdpr", "echr", "eprivacy", "reg-2021-1232"]

HOSTILE_CHARS = (
    list("<>&\"'{}#$[]`\\|*_~!()=+-:;/%@^") + ["\n", "\t", " ", " ", "{{", "}}", "{%", "%}", "</", "-->", "]]>"]
    + list("שלוםعليكم")  # right-to-left letters
    + ["\u202e", "\u202d", "\u202b", "\u202a", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f",
       "\u200e", "\u2028", "\u2029", "\ufeff"]  # bidi overrides, isolates, marks; line separators; BOM
    + ["👩‍⚖️", "🔒", "😀", "\u0301", "ﬁ", "ẞ"]  # emoji (with ZWJ), combining mark, ligature
    + [chr(i) for i in range(1, 32) if chr(i) not in "\n\t"] + ["\x7f", "\x85", "\x9b"]  # controls, no NUL
)

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@cache
def framework_pools() -> dict[str, dict[str, list[str]]]:
    """Per shipped framework: its rights and provisions; plus the safeguard catalogue under '*'."""
    from rightskit.load import FrameworkLibrary

    library = FrameworkLibrary()
    frameworks = library.load(["eu-charter", *FRAMEWORK_CHOICES, "safeguards"])
    pools = {fid: {"rights": [f"{fid}/{r.id}" for r in fw.rights],
                   "provisions": [f"{fid}/{p.id}" for p in fw.provisions]} for fid, fw in frameworks.items()}
    pools["*"] = {"types": [f"safeguards/{t.id}" for t in frameworks["safeguards"].safeguard_types]}
    return pools


def text(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(HOSTILE_CHARS) | st.sampled_from(string.ascii_letters),
                    min_size=min_size, max_size=max_size).map("".join)


def title() -> st.SearchStrategy[str]:
    # A letter first: a title must keep at least one character once whitespace is stripped.
    return st.builds(lambda a, b: a + b, st.sampled_from(string.ascii_letters), text(max_size=30))


def ids(prefix: str, n: int) -> st.SearchStrategy[list[str]]:
    word = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=6)
    return st.lists(word.map(lambda w: f"{prefix}-{w}"), min_size=n, max_size=n, unique=True)


def choice(values: Any) -> st.SearchStrategy[str]:
    return st.sampled_from(list(values))


def subset(draw: Any, pool: list[str], max_size: int = 3) -> list[str]:
    if not pool:
        return []
    return draw(st.lists(st.sampled_from(pool), max_size=max_size, unique=True))


def estimate(draw: Any, low: float = 0.0, high: float = 1e9) -> dict[str, Any]:
    a = draw(st.floats(low, high, allow_nan=False, allow_infinity=False))
    b = draw(st.floats(low, high, allow_nan=False, allow_infinity=False))
    if draw(st.booleans()):
        return {"value": a, "note": draw(text())}
    return {"low": min(a, b), "high": max(a, b), "unit": draw(text(max_size=10)) or None}


@st.composite
def assessments(draw: Any) -> dict[str, Any]:
    pools = framework_pools()
    frameworks = ["eu-charter", *draw(st.lists(choice(FRAMEWORK_CHOICES), max_size=3, unique=True))]
    rights = [r for f in frameworks for r in pools[f]["rights"]]
    provisions = [p for f in frameworks for p in pools[f]["provisions"]]
    n_sources, n_aims, n_measures = draw(st.integers(0, 3)), draw(st.integers(0, 3)), draw(st.integers(1, 4))
    source_ids, aim_ids, measure_ids = draw(ids("s", n_sources)), draw(ids("a", n_aims)), draw(ids("m", n_measures))
    local_right = draw(st.booleans())
    if local_right:
        rights = [*rights, "r-local"]
    citable = [*source_ids, *provisions[:40], *rights[:10]]

    def cites() -> list[Any]:
        refs = subset(draw, citable, 2)
        return [ref if draw(st.booleans()) else {"ref": ref, "pinpoint": draw(text(max_size=20)) or None,
                                                 "note": draw(text()) or None} for ref in refs]

    data: dict[str, Any] = {
        "id": "generated",
        "title": draw(title()),
        "as_of": draw(st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31))).isoformat(),
        "frameworks": frameworks,
        "authors": draw(st.lists(title(), max_size=2)),
        "summary": draw(text()) or None,
        "sources": [{"id": sid, "title": draw(title()), "kind": draw(choice(get_args(c.SourceKind))),
                     "url": draw(st.sampled_from([None, "https://example.org/a?b=<c>&d='e'", "http://example.org/"])),
                     "note": draw(text()) or None} for sid in source_ids],
        "rights": ([{"id": "r-local", "title": draw(title()), "provisions": [draw(choice(provisions))],
                     "summary": draw(text()) or None}] if local_right else []),
        "aims": [{"id": aid, "title": draw(title()), "kind": draw(choice(["general-interest", "rights-of-others"])),
                  "protects": subset(draw, rights, 2), "importance": draw(choice(scales.IMPORTANCE_ORDER)),
                  "description": draw(text()) or None, "cite": cites()} for aid in aim_ids],
    }
    interferences: list[tuple[str, str]] = []
    measures = []
    for mid in measure_ids:
        measure: dict[str, Any] = {
            "id": mid, "title": draw(title()), "description": draw(text()) or None,
            "kind": draw(choice(get_args(m.MeasureKind))), "actor": draw(title()),
            "actor_type": draw(choice(get_args(m.ActorType))), "context": draw(choice(get_args(m.Context))),
            "data_categories": subset(draw, list(get_args(m.DataCategory))),
            "detects": subset(draw, list(get_args(m.Detects))), "automated": draw(st.booleans()),
            "mandatory": draw(st.booleans()), "end_to_end_encrypted": draw(st.none() | st.booleans()),
            "scope": draw(choice(get_args(m.Scope))), "legal_basis": subset(draw, provisions, 2),
            "aims": subset(draw, aim_ids, 2), "feeds": subset(draw, [x for x in measure_ids if x != mid], 2),
            "cite": cites(),
        }
        if draw(st.booleans()):
            measure["affected"] = {"description": draw(title()), "count": estimate(draw, 1, 5e8),
                                   "suspicion": draw(choice(["none", "risk-based", "reasonable-suspicion"]))}
        if draw(st.booleans()):
            measure["detection"] = {"items_per_day": estimate(draw, 1, 1e10), "prevalence": estimate(draw, 0, 1),
                                    "true_positive_rate": estimate(draw, 0, 1),
                                    "false_positive_rate": estimate(draw, 0, 1)}
        if draw(st.booleans()):
            measure["effectiveness"] = {"level": draw(choice(scales.EFFECTIVENESS_ORDER)), "statement": draw(title()),
                                        "cite": cites()}
        if draw(st.booleans()):
            measure["legality_issues"] = [{"quality": draw(choice(get_args(m.LegalQuality))),
                                           "description": draw(title()), "serious": draw(st.booleans())}]
        measure["interferes"] = []
        for right in subset(draw, rights, 3):
            item = {"right": right, "severity": draw(choice(scales.SEVERITY_ORDER)), "rationale": draw(title()),
                    "reaches_essence": draw(st.booleans()), "cite": cites()}
            for key in ("scope", "extent", "intensity"):
                if draw(st.booleans()):
                    item[key] = draw(choice(scales.LEVEL_ORDER))
            measure["interferes"].append(item)
            interferences.append((mid, right))
        measures.append(measure)
    data["measures"] = measures
    data["safeguards"] = []
    for sid in draw(ids("g", draw(st.integers(0, 3)))):
        pairs = draw(st.lists(st.sampled_from(interferences), max_size=3, unique=True)) if interferences else []
        data["safeguards"].append({
            "id": sid, "title": draw(title()), "requires": draw(text()) or None,
            "type": draw(st.none() | choice(pools["*"]["types"])),
            "source": draw(st.just("voluntary") | choice(provisions)),
            "conditions": draw(st.lists(title(), max_size=2)), "effective": draw(st.booleans()),
            "mitigates": [{"measure": mid, "right": right, "strength": draw(choice(scales.STRENGTH_ORDER)),
                           "rationale": draw(text()) or None, "cite": cites()} for mid, right in pairs],
        })
    data["alternatives"] = [{
        "id": alt, "title": draw(title()), "description": draw(text()) or None,
        "replaces": subset(draw, measure_ids, 2), "aims": subset(draw, aim_ids, 2),
        "interferes": [{"right": r, "severity": draw(choice(scales.SEVERITY_ORDER))} for r in subset(draw, rights, 2)],
    } for alt in draw(ids("x", draw(st.integers(0, 2))))]
    return {k: v for k, v in data.items() if v not in (None, [])} | {"frameworks": frameworks}


def write_yaml(folder: Path, data: dict[str, Any]) -> Path:
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "assessment.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class ScriptCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        self.handlers += [f"{tag}.{name}" for name, _ in attrs if name.lower().startswith("on")]


def count_scripts(html: str) -> ScriptCounter:
    counter = ScriptCounter()
    counter.feed(html)
    counter.close()
    return counter


@cache
def baseline_scripts() -> int:
    from rightskit.pipeline import evaluate
    from rightskit.render import render_formats

    with tempfile.TemporaryDirectory() as tmp:
        render_formats(evaluate(MINIMAL), ["html"], Path(tmp))
        return count_scripts((Path(tmp) / "index.html").read_text(encoding="utf-8")).scripts


@cache
def schemas() -> tuple[Any, Any]:
    import jsonschema

    from rightskit.export import schema_json
    from rightskit.render.json_out import report_schema

    return (jsonschema.Draft202012Validator(report_schema()),
            jsonschema.Draft202012Validator(json.loads(schema_json(results=True))))


def test_the_strategy_makes_valid_assessments() -> None:
    """Sanity: a few drawn examples validate as models (the property tests below assume it)."""
    from rightskit.model import Assessment

    @settings(max_examples=10, deadline=None, derandomize=True, database=None)
    @given(assessments())
    def check(data: dict[str, Any]) -> None:
        Assessment.model_validate(data)

    check()


@SETTINGS
@given(assessments())
def test_every_stage_accepts_every_valid_assessment(data: dict[str, Any]) -> None:
    from rightskit.export import export_assessment
    from rightskit.load import load_assessment
    from rightskit.pipeline import evaluate
    from rightskit.render import render_formats
    from rightskit.render.diagram import build_view, views_for

    report_validator, results_validator = schemas()
    with tempfile.TemporaryDirectory(prefix="rightskit-prop-") as tmp:
        root = Path(tmp)
        source = write_yaml(root / "input", data)
        bundle = evaluate(source)
        out = root / "out"
        render_formats(bundle, ["html", "md", "json", "svg"], out)

        html = count_scripts((out / "index.html").read_text(encoding="utf-8"))
        assert html.scripts == baseline_scripts()
        assert not html.handlers, html.handlers

        doc = json.loads((out / "results.json").read_text(encoding="utf-8"))
        report_validator.validate(doc)
        results_validator.validate(doc["results"])
        assert (out / "report.md").read_text(encoding="utf-8").strip()

        if shutil.which("dot"):
            for view in views_for(bundle):
                done = subprocess.run(["dot", "-Tsvg"], input=build_view(bundle, view).source.encode("utf-8"),
                                      capture_output=True, check=False, timeout=60, cwd=root)
                assert done.returncode == 0, (view, done.stderr[:400])

        original = load_assessment(source).model
        (root / "exported").mkdir()
        exported = root / "exported" / "assessment.yaml"
        exported.write_text(export_assessment(original, "yaml"), encoding="utf-8")
        assert load_assessment(exported).model == original


@settings(max_examples=4, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(assessments())
def test_the_pdf_typesets_every_valid_assessment(data: dict[str, Any]) -> None:
    import io

    import pypdf

    from rightskit.pipeline import evaluate
    from rightskit.render import render_formats

    with tempfile.TemporaryDirectory(prefix="rightskit-prop-pdf-") as tmp:
        root = Path(tmp)
        bundle = evaluate(write_yaml(root / "input", data))
        render_formats(bundle, ["pdf"], root / "out")
        reader = pypdf.PdfReader(io.BytesIO((root / "out" / "report.pdf").read_bytes()))
        assert len(reader.pages) >= 1
        assert "".join((p.extract_text() or "") for p in reader.pages[:1]).strip()
