"""rightskit diff: added / removed / changed records, renames, results, JSON shape, HTML escaping."""

from __future__ import annotations

import json
from pathlib import Path
from textwrap import dedent

import jsonschema
import pytest
from click.testing import CliRunner

from rightskit.cli import main
from rightskit.compare import Comparison, Side, compare, format_diff, load_side, parse_renames
from rightskit.compare.articles import article_of, group_by_article
from rightskit.compare.difference import DiffResult, MeasurePair
from rightskit.compare.results_diff import diff_results
from rightskit.errors import UsageError
from rightskit.evaluate.results import EvaluationResult
from rightskit.pipeline import load

HEAD = """\
id: {id}
title: {title}
as_of: 2022-06-01
frameworks: [eu-charter]
aims:
  - id: protect
    title: Protect children
    kind: rights-of-others
    protects: [eu-charter/art-24]
"""

A = HEAD.format(id="small-a", title="Small A") + dedent("""\
    measures:
      - id: scan
        title: Scan messages
        kind: detection
        automated: true
        data_categories: [content]
        aims: [protect]
        feeds: [report]
        interferes:
          - right: eu-charter/art-7
            severity: serious
            rationale: Every message is analysed.
          - right: eu-charter/art-11
            severity: minor
            rationale: Chilling effect.
      - id: report
        title: Report hits
        kind: reporting
        aims: [protect]
        interferes:
          - right: eu-charter/art-8
            severity: moderate
            rationale: Data go to the police.
    safeguards:
      - id: review
        title: Human review
        mitigates:
          - {measure: scan, right: eu-charter/art-7, strength: moderate}
      - id: leaflet
        title: Leaflet
        mitigates:
          - {measure: report, right: eu-charter/art-8, strength: weak}
    """)

B = HEAD.format(id="small-b", title="Small B") + dedent("""\
    measures:
      - id: scan
        title: Scan messages
        kind: detection
        automated: true
        mandatory: true
        data_categories: [content, metadata]
        aims: [protect]
        feeds: [block]
        interferes:
          - right: eu-charter/art-7
            severity: very-serious
            rationale: Every message is analysed.
          - right: eu-charter/art-8
            severity: serious
            rationale: Personal data of everyone.
      - id: block
        title: Block URLs
        kind: blocking
        interferes:
          - right: eu-charter/art-11
            severity: moderate
            rationale: Lawful pages may be blocked.
    safeguards:
      - id: review
        title: Human review
        mitigates:
          - {measure: scan, right: eu-charter/art-7, strength: strong}
          - {measure: scan, right: eu-charter/art-8, strength: weak}
    """)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "assessment.yaml").write_text(text, encoding="utf-8")
    return folder


def _side(path: Path) -> Side:
    return Side(path, load(path))


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Side, Side]:
    return _side(_write(tmp_path, "a", A)), _side(_write(tmp_path, "b", B))


def _by(d: DiffResult, kind: str) -> dict[str, str]:
    return {item.label: item.status for item in d.of_kind(kind)}


def test_measures_added_removed_changed(pair: tuple[Side, Side]) -> None:
    d = compare(*pair)
    assert _by(d, "measure") == {"block": "added", "report": "removed", "scan": "changed"}
    scan = next(c for c in d.of_kind("measure") if c.label == "scan")
    fields = {c.field: c for c in scan.changes}
    assert set(fields) == {"mandatory", "data_categories", "feeds"}
    assert (fields["mandatory"].before, fields["mandatory"].after) == (False, True)
    assert fields["data_categories"].added == ["metadata"] and fields["data_categories"].removed == []
    assert fields["feeds"].added == ["block"] and fields["feeds"].removed == ["report"]
    assert scan.summary.startswith("mandatory false → true")
    assert d.counts("measure") == {"added": 1, "removed": 1, "changed": 1, "unchanged": 0}


def test_interferences_and_mitigations(pair: tuple[Side, Side]) -> None:
    d = compare(*pair)
    assert _by(d, "interference") == {
        "block × eu-charter/art-11": "added",
        "report × eu-charter/art-8": "removed",
        "scan × eu-charter/art-11": "removed",
        "scan × eu-charter/art-7": "changed",
        "scan × eu-charter/art-8": "added",
    }
    itf = next(c for c in d.of_kind("interference") if c.label == "scan × eu-charter/art-7")
    assert itf.summary == "severity serious → very-serious"
    assert itf.key == ["scan", "eu-charter/art-7"]
    assert _by(d, "mitigation") == {
        "leaflet → report × eu-charter/art-8": "removed",
        "review → scan × eu-charter/art-7": "changed",
        "review → scan × eu-charter/art-8": "added",
    }
    assert _by(d, "safeguard") == {"leaflet": "removed"}  # review's own fields did not change
    assert d.unchanged["safeguard"] == 1 and d.unchanged["aim"] == 1


def test_carry_over_and_order_is_reproducible(pair: tuple[Side, Side]) -> None:
    d = compare(*pair)
    assert d.carried_over.measures == ["scan"]
    assert d.carried_over.safeguards == ["review"]
    kinds = [c.kind for c in d.changes]
    assert kinds == sorted(kinds, key=["framework", "aim", "measure", "interference", "safeguard",
                                       "mitigation", "alternative", "source"].index)
    assert compare(*pair).model_dump_json() == d.model_dump_json()


def test_identical_assessments_have_no_changes(tmp_path: Path) -> None:
    a = _side(_write(tmp_path, "a", A))
    d = compare(a, a)
    assert d.changes == []
    assert d.unchanged["measure"] == 2 and d.unchanged["interference"] == 3
    assert any("same assessment id" in n for n in d.notes)


def test_rename_pairs_measures_across_ids(pair: tuple[Side, Side]) -> None:
    d = compare(*pair, renames={"report": "block"})
    assert _by(d, "measure") == {"block": "changed", "scan": "changed"}
    assert d.carried_over.renamed == {"report": "block"}
    block = next(c for c in d.of_kind("measure") if c.label == "block")
    assert {c.field for c in block.changes} >= {"kind", "title"}
    scan = next(c for c in d.of_kind("measure") if c.label == "scan")
    assert "feeds" not in {c.field for c in scan.changes}  # report→block was renamed inside feeds too
    with pytest.raises(UsageError, match="has no measure 'nope'"):
        compare(*pair, renames={"nope": "block"})


def test_parse_renames() -> None:
    assert parse_renames(["a=b", " c = d "]) == {"a": "b", "c": "d"}
    for bad in (["a"], ["=b"], ["a=b", "a=c"]):
        with pytest.raises(UsageError):
            parse_renames(bad)


def _results(verdict: str, legality: str, residual: str, extra_right: bool) -> EvaluationResult:
    step = {"status": legality, "summary": f"legality is {legality}"}
    interferences = [{"measure": "scan", "right": "eu-charter/art-7", "inherent": "serious", "residual": residual,
                      "reaches_essence": False, "explanation": "x"}]
    rights = {"eu-charter/art-7": {"title": "Private life", "cumulative": residual, "measures": {"scan": residual},
                                   "explanation": "x"}}
    if extra_right:
        rights["eu-charter/art-11"] = {"title": "Expression", "cumulative": "minor", "measures": {},
                                       "explanation": "x"}
    return EvaluationResult.model_validate({
        "assessment": "x", "title": "X", "as_of": "2022-06-01", "rightskit_version": "0", "frameworks": [],
        "disclaimer": "not a court",
        "measures": {"scan": {"title": "Scan", "verdict": verdict, "verdict_reason": f"because {verdict}",
                              "steps": {"legality": step, "essence": {"status": "satisfied", "summary": "ok"}},
                              "interferences": interferences}},
        "rights": rights,
    })


def test_results_diff_verdicts_steps_and_residuals() -> None:
    a = _results("proportionate", "satisfied", "moderate", extra_right=True)
    b = _results("disproportionate", "not-satisfied", "serious", extra_right=False)
    r = diff_results(a, b)
    (m,) = r.measures
    assert (m.verdict_before, m.verdict_after, m.changed) == ("proportionate", "disproportionate", True)
    assert [(s.step, s.before, s.after) for s in m.steps] == [("legality", "satisfied", "not-satisfied")]
    assert [(x.right, x.before, x.after, x.direction) for x in m.residuals] == [
        ("eu-charter/art-7", "moderate", "serious", "worse")]
    assert [(x.right, x.direction) for x in r.rights] == [("eu-charter/art-11", "gone"), ("eu-charter/art-7", "worse")]
    same = diff_results(a, a)
    assert not same.measures[0].changed and same.measures[0].steps == []
    renamed = diff_results(a, b, {"scan": "detect"})
    assert [(m.measure, m.presence) for m in renamed.measures] == [("detect", "removed"), ("scan", "added")]


def test_json_shape_validates_against_its_schema(pair: tuple[Side, Side]) -> None:
    from rightskit.compare import Comparison

    d = compare(*pair)
    data = json.loads(format_diff(Comparison(d, *pair), "json"))
    jsonschema.validate(data, DiffResult.model_json_schema())
    assert set(data) == {"schema_version", "a", "b", "changes", "unchanged", "carried_over", "results", "versions",
                         "notes"}
    assert data["a"]["id"] == "small-a" and data["b"]["as_of"] == "2022-06-01"
    first = data["changes"][0]
    assert set(first) >= {"kind", "key", "label", "status", "summary", "changes"}
    schema = DiffResult.model_json_schema()
    assert all("description" in p for p in schema["properties"].values())


def test_text_report_lists_changes(pair: tuple[Side, Side]) -> None:
    from rightskit.compare import Comparison

    text = format_diff(Comparison(compare(*pair), *pair), "text")
    assert "rightskit diff: small-a → small-b" in text
    assert "  + block" in text and "  - report" in text and "  ~ scan" in text
    assert "severity serious → very-serious" in text
    assert "feeds: +block, -report" in text


def test_html_escapes_user_text(tmp_path: Path) -> None:
    from rightskit.compare import Comparison

    evil = '<script>alert("x")</script>'
    b_text = B.replace("title: Block URLs", f"title: '{evil}'").replace(
        "rationale: Lawful pages may be blocked.", "rationale: '<img src=x onerror=alert(1)>'")
    a, b = _side(_write(tmp_path, "a", A)), _side(_write(tmp_path, "b", b_text))
    html = format_diff(Comparison(compare(a, b), a, b), "html")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


def test_cli_diff_text_json_html(tmp_path: Path) -> None:
    a, b = _write(tmp_path, "a", A), _write(tmp_path, "b", B)
    runner = CliRunner()
    text = runner.invoke(main, ["diff", str(a), str(b)])
    assert text.exit_code == 0, text.output
    assert "Measures: 1 added, 1 removed, 1 changed" in text.stdout
    out = tmp_path / "diff.json"
    res = runner.invoke(main, ["diff", str(a), str(b), "--format", "json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert json.loads(out.read_text())["carried_over"]["measures"] == ["scan"]
    html = tmp_path / "diff.html"
    res = runner.invoke(main, ["diff", str(a), str(b), "--format", "html", "-o", str(html)])
    page = html.read_text()
    assert res.exit_code == 0 and "<h1>Diff" in page
    import rightskit.render.diagram as diagrams

    if hasattr(diagrams, "diff_diagram"):  # the diagram is an <img>, so its SVG can never run script
        assert 'src="data:image/svg+xml;base64,' in page and "<svg" not in page
    else:
        assert "No diagram" in page
    again = tmp_path / "again.html"
    runner.invoke(main, ["diff", str(a), str(b), "--format", "html", "-o", str(again)])
    assert again.read_bytes() == html.read_bytes()


def test_cli_diff_errors_are_clean(tmp_path: Path) -> None:
    a, b = _write(tmp_path, "a", A), _write(tmp_path, "b", B)
    res = CliRunner().invoke(main, ["diff", str(a), str(b), "--rename", "broken"])
    assert res.exit_code != 0 and "write OLD=NEW" in res.stderr
    res = CliRunner().invoke(main, ["diff", str(a), str(tmp_path / "missing")])
    assert res.exit_code == 1 and "Traceback" not in res.stderr
    assert CliRunner().invoke(main, ["diff", "--help"]).exit_code == 0


def test_cli_diff_two_dates_of_one_assessment(tmp_path: Path) -> None:
    a = _write(tmp_path, "a", A)
    res = CliRunner().invoke(main, ["diff", str(a), str(a), "--as-of-b", "2023-01-01", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert (data["a"]["as_of"], data["b"]["as_of"]) == ("2022-06-01", "2023-01-01")
    assert data["changes"] == [] and any("same assessment id" in n for n in data["notes"])

# Article by article: measure pairing, text changes, verdict moves, article grouping.


def test_article_of_groups_paragraphs_and_points() -> None:
    assert article_of("csar-proposal/art-7-4-a") == "csar-proposal/art-7"
    assert article_of("csar-proposal/art-34") == "csar-proposal/art-34"
    assert article_of("csar-ep-position-2023/detection-last-resort") == "csar-ep-position-2023/detection-last-resort"


def test_group_by_article_files_amending_provisions_under_the_amended_article() -> None:
    groups = group_by_article(
        ["p/art-26-2", "p/art-6-1-c", "p/art-7-1"],
        ["p/art-6-1-c", "ep/not-mandatory", "ep/new-point", "p/art-26-2"],
        {"ep/not-mandatory": ["p/art-6-1-c"]},
    )
    by = {g.article: g for g in groups}
    # Number order, not string order: Art. 6 before Art. 26; unnumbered records last.
    assert [g.article for g in groups] == ["ep/new-point", "p/art-6", "p/art-7", "p/art-26"]
    assert by["p/art-6"].provisions_b == ["ep/not-mandatory", "p/art-6-1-c"]
    assert by["p/art-6"].amended_via == ["ep/not-mandatory amends p/art-6-1-c"]
    assert by["p/art-6"].status == "kept"
    assert by["p/art-7"].status == "only-in-a" and by["ep/new-point"].status == "only-in-b"


def test_measure_pairs_changed_fields_safeguards_and_unmatched(tmp_path: Path) -> None:
    a, b = load_side(_write(tmp_path, "a", A)), load_side(_write(tmp_path, "b", B))
    d = compare(a, b)
    pairs = {p.measure: p for p in d.versions}
    assert [p.measure for p in d.versions] == sorted(pairs)
    assert pairs["report"].presence == "only-in-a" and pairs["report"].verdict_after is None
    assert pairs["block"].presence == "only-in-b" and pairs["block"].verdict_before is None
    scan = pairs["scan"]
    assert scan.presence == "both"
    assert {c.field for c in scan.text_changes} >= {"mandatory", "data_categories", "feeds"}
    assert scan.text_changes[0].field == "mandatory"  # the fields a reader asks about come first
    assert scan.strength_changed == ["review × eu-charter/art-7: moderate → strong"]
    assert scan.safeguards_added == ["review × eu-charter/art-8"] and scan.safeguards_removed == []
    # Verdicts and grounds are the engine's, side by side.
    for mid, p in pairs.items():
        ra = a.bundle.results.measures.get(mid) if a.bundle else None
        rb = b.bundle.results.measures.get(mid) if b.bundle else None
        assert p.verdict_before == (ra.verdict if ra else None)
        assert p.verdict_after == (rb.verdict if rb else None)
        assert p.ground_before == (ra.ground if ra else None)
    text = format_diff(Comparison(d, a, b), "text")
    assert "Where each verdict moves" in text.split("Carried over")[0]
    assert "report: " in text and "(unmatched: only in A)" in text and "(unmatched: only in B)" in text
    md = format_diff(Comparison(d, a, b), "markdown")
    assert "| `report` (only in A) |" in md and "### `scan`: Scan messages" in md


def test_moved_is_verdict_or_ground() -> None:
    base = dict(measure="m", title="M", presence="both", articles=[])
    same = MeasurePair(**base, verdict_before="x", verdict_after="x", ground_before=None, ground_after=None)
    ground = MeasurePair(**base, verdict_before="x", verdict_after="x", ground_before="g", ground_after="h")
    verdict = MeasurePair(**base, verdict_before="x", verdict_after="y", ground_before=None, ground_after=None)
    assert not same.moved and ground.moved and verdict.moved


def test_html_escapes_measure_titles_in_the_article_section(tmp_path: Path) -> None:
    evil = '<script>alert("x")</script>'
    a = load_side(_write(tmp_path, "a", A.replace("title: Scan messages", f"title: '{evil}'")))
    b = load_side(_write(tmp_path, "b", B.replace("title: Scan messages", f"title: '{evil}'")))
    html = format_diff(Comparison(compare(a, b), a, b), "html")
    assert 'id="articles"' in html and 'id="verdict-moves"' in html
    assert "<script>alert" not in html
