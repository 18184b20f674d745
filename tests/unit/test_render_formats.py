"""render_formats: the files it writes, where, how fast, and byte-identical reruns."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from harness import golden_fixture

from rightskit.errors import RenderError, UsageError
from rightskit.render import render_formats

ALL = ["html", "pdf", "md", "json", "svg"]


@pytest.fixture(scope="module")
def bundle():
    return golden_fixture().small_bundle()


def test_unknown_format_lists_the_valid_ones(bundle, tmp_path: Path) -> None:
    with pytest.raises(UsageError) as err:
        render_formats(bundle, ["html", "rtf", "odt"], tmp_path)
    text = str(err.value)
    assert "'rtf'" in text and "'odt'" in text
    for name in ALL:
        assert name in text
    assert not any(tmp_path.iterdir())  # nothing written before the formats were checked


def test_writes_every_format_inside_the_folder(bundle, tmp_path: Path) -> None:
    out = tmp_path / "out"
    seen: list[str] = []
    written = render_formats(bundle, ALL, out, progress=seen.append)
    names = {p.relative_to(out.resolve()).as_posix() for p in written}
    assert {"index.html", "report.pdf", "report.md", "results.json"} <= names
    assert {"diagrams/overview.svg", "diagrams/chain.svg", "diagrams/measure-scan-known.svg",
            "diagrams/right-eu-charter-art-7.svg"} <= names
    for p in written:
        assert p.is_file() and p.resolve().is_relative_to(out.resolve())
    assert not list(out.rglob("*.tmp"))  # atomic writes leave no temp files
    assert seen and "index.html" in seen


def test_html_embeds_sanitised_diagrams(bundle, tmp_path: Path) -> None:
    render_formats(bundle, ["html"], tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'id="diagram-overview"' in html and "<svg" in html
    assert "<script" not in html and "xlink:href=\"http" not in html
    assert 'href="#measure-scan-known"' in html


def test_refuses_a_symlink_pointing_outside(bundle, tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "index.html").symlink_to(outside / "stolen.html")
    with pytest.raises(RenderError, match="outside"):
        render_formats(bundle, ["html"], out)
    assert not (outside / "stolen.html").exists()


def test_refuses_a_diagrams_folder_symlinked_outside(bundle, tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "diagrams").symlink_to(outside, target_is_directory=True)
    with pytest.raises(RenderError, match="outside"):
        render_formats(bundle, ["svg"], out)
    assert not any(outside.iterdir())


def test_json_document_matches_its_schema(bundle, tmp_path: Path) -> None:
    import jsonschema

    from rightskit.model import Assessment
    from rightskit.render.json_out import REPORT_SCHEMA_VERSION, report_schema, results_json

    text = results_json(bundle)
    assert text.endswith("}\n")
    doc = json.loads(text)
    # The fast serialiser says exactly what the models hold, and says it the same way every time.
    from rightskit.render.json_out import report_document

    assert doc == json.loads(json.dumps(report_document(bundle)))
    assert results_json(bundle) == text
    assert doc["schema_version"] == REPORT_SCHEMA_VERSION
    schema = report_schema()
    assert schema["schema_version"] == REPORT_SCHEMA_VERSION
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(doc, schema)
    assert Assessment.model_validate(doc["assessment"]) == bundle.resolved.assessment
    assert set(doc["results"]["measures"]) == {"scan-known", "scan-grooming", "report-hits"}


def test_reruns_are_byte_identical_with_source_date_epoch(bundle, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    formats = ALL
    a = render_formats(bundle, formats, tmp_path / "a")
    b = render_formats(bundle, formats, tmp_path / "b")
    assert [p.name for p in a] == [p.name for p in b]
    for pa, pb in zip(a, b, strict=True):
        assert pa.read_bytes() == pb.read_bytes(), pa.name
    pdf = (tmp_path / "a" / "report.pdf").read_bytes()
    assert b"D:20231114221320" in pdf
    assert "2023-11-14" in (tmp_path / "a" / "index.html").read_text(encoding="utf-8")


def test_no_timestamps_without_source_date_epoch(bundle, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    render_formats(bundle, ["pdf", "html"], tmp_path)
    pdf = (tmp_path / "report.pdf").read_bytes()
    assert b"/CreationDate" not in pdf and b"xmp:CreateDate>2" not in pdf
    assert "Rendered on" not in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_render_imports_nothing_heavy() -> None:
    code = ("import sys, rightskit.render; "
            "print(sorted(m for m in ('jinja2', 'typst', 'graphviz', 'playwright') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert out.stdout.strip() == "[]"


def test_end_to_end_with_the_real_engine(tmp_path: Path) -> None:
    """The small assessment through load → graph → evaluate → render (once the engine exists)."""
    real = golden_fixture().real_bundle()
    written = render_formats(real, ["html", "md", "json", "pdf"], tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    for m in real.resolved.assessment.measures:
        assert f'id="measure-{m.id}"' in html
        assert m.title in md
    assert {"index.html", "report.md", "results.json", "report.pdf"} <= {p.name for p in written}
    for p in written:  # the Markdown links to the report's diagrams, so they are written with it
        assert p.suffix != ".svg" or f"]({'diagrams/' + p.name}" in md or f"](<diagrams/{p.name}>)" in md


def test_an_empty_assessment_renders_in_every_format(tmp_path: Path) -> None:
    def empty(raw_a, raw_r):
        for key in ("measures", "safeguards", "alternatives", "aims", "sources"):
            raw_a[key] = []
        raw_a.pop("summary")
        raw_a["authors"] = []
        raw_r["measures"], raw_r["rights"] = {}, {}

    bundle = golden_fixture().small_bundle(empty)
    render_formats(bundle, ALL, tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "The assessment has no measures." in html and "No measure interferes with any right." in html


def test_a_detection_measure_without_figures(tmp_path: Path) -> None:
    def unknown(raw_a, raw_r):
        det = raw_r["measures"]["scan-grooming"]["detection"]
        for key in ("true_hits_per_day", "false_hits_per_day", "precision", "review_hours_per_day"):
            det[key] = {}
        det["unknown_inputs"] = ["prevalence", "false-positive rate"]
        raw_a["measures"][1].pop("detection")

    render_formats(golden_fixture().small_bundle(unknown), ["html", "md", "pdf"], tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "The precision of this measure cannot be computed: Prevalence, False-positive rate." in html
    assert "cannot be computed" in (tmp_path / "report.md").read_text(encoding="utf-8")
