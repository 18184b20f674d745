"""The opinion: a concise main text with notes, complete annexes, and the DOCX a legal user edits in Word."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest
from harness import golden_fixture, skip_or_fail

from rightskit import pipeline
from rightskit.render import build_context, render_formats
from rightskit.render.document import Note, Para, numbered, plain
from rightskit.render.opinion import build_annexes, build_opinion

ROOT = Path(__file__).resolve().parents[1]
#: Main-text page budgets (issue 17): the default assessment and the CSAR flagships.
PAGE_BUDGET = {"interim-regulation-2021-1232": 25, "csar-proposal-2022": 40, "csar-ep-position-2023": 40}


@pytest.fixture(scope="module")
def bundle():
    return golden_fixture().real_bundle()


@pytest.fixture(scope="module")
def ctx(bundle):
    return build_context(bundle, diagrams=False)


def test_main_text_runs_in_the_order_of_an_opinion(ctx) -> None:
    titles = [s.title for s in ctx.opinion.main]
    assert titles == ["Summary of conclusions", "Context and what was assessed", "Assessment of each measure",
                      "The essence of the rights", "Recommended amendments", "Action plan",
                      "Open questions and missing evidence", "Review and sign-off"]
    argued = ctx.opinion.main[2].children
    assert [s.title for s in argued] == [ctx.measures[m].title for m in ctx.measure_ids]
    for section, mid in zip(argued, ctx.measure_ids, strict=True):
        lead = section.blocks[0]
        assert isinstance(lead, Para)
        assert plain(lead.runs).startswith(f"Conclusion: {ctx.measures[mid].verdict.label}.")
        # Each step of the test is argued in its own paragraph.
        for step in ctx.measures[mid].steps:
            assert any(isinstance(b, Para) and plain(b.runs).startswith(f"{step.title} — ") for b in section.blocks)


def test_summary_table_has_one_row_per_measure_with_verdict_and_ground(ctx) -> None:
    table = ctx.opinion.main[0].blocks[1]
    assert table.header == ["Measure", "Verdict", "Decisive ground", "Key conditions"]
    assert len(table.rows) == len(ctx.measure_ids)
    for row, mid in zip(table.rows, ctx.measure_ids, strict=True):
        m = ctx.measures[mid]
        assert plain(row[0]) == m.title and m.verdict.label in plain(row[1])
        if m.ground:
            assert plain(row[2]) == m.ground


def test_notes_are_numbered_in_order_and_quote_each_source_once(ctx) -> None:
    doc = ctx.opinion
    seen = [r.number for _, _, s in numbered(doc.main) for b in s.blocks for r in _runs(b) if isinstance(r, Note)]
    assert seen == list(range(1, len(doc.notes) + 1))
    refs_back = [n for n in doc.notes if "see n. " in n.text]
    for n in refs_back:  # a reference back points at an earlier note
        for target in re.findall(r"see n\. (\d+)", n.text):
            assert int(target) < n.number
    quotes = [q for n in doc.notes for q in re.findall(r"“[^”]+”", n.text)]
    assert len(quotes) == len(set(quotes)), "a quotation is repeated in the notes"


def test_annex_trace_holds_every_finding(bundle, ctx) -> None:
    trace = build_annexes(ctx)[0]
    ids = {plain(row[3]) for child in trace.children for b in child.blocks for row in b.rows}
    expected = {f.id for res in bundle.results.measures.values() for step in res.steps.values() for f in step.findings}
    assert ids == expected


def test_opinion_is_a_summary_above_the_argued_limit(ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    from rightskit.render import opinion

    monkeypatch.setattr(opinion, "ARGUED_UP_TO", len(ctx.measure_ids) - 1)
    doc = build_opinion(ctx)
    assert doc.main[2].children == []
    assert "more than the" in plain(doc.main[2].blocks[0].runs)
    annex = build_annexes(ctx)[0]  # the annex stays complete
    assert len({plain(r[3]) for c in annex.children for b in c.blocks for r in b.rows}) > len(ctx.measure_ids)


def test_annex_trace_is_at_a_glance_above_its_limit(bundle, ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    from rightskit.render import opinion

    monkeypatch.setattr(opinion, "TRACE_FINDINGS_UP_TO", len(ctx.measure_ids) - 1)
    trace = build_annexes(ctx)[0]
    assert trace.children == []
    lead, table = trace.blocks
    findings = sum(len(step.findings) for res in bundle.results.measures.values() for step in res.steps.values())
    assert f"the {findings} findings" in plain(lead.runs) and "results.json" in plain(lead.runs)
    # A row per measure, in the report's order, with its verdict and every step's status.
    assert [plain(row[0]) for row in table.rows] == [ctx.measures[m].title for m in ctx.measure_ids]
    for row, mid in zip(table.rows, ctx.measure_ids, strict=True):
        m = ctx.measures[mid]
        assert plain(row[1]) == m.verdict.label
        assert plain(row[2]) == "; ".join(f"{s.short}: {s.status.label}" for s in m.steps)


def _runs(block):
    if isinstance(block, Para):
        return list(block.runs)
    items = getattr(block, "items", None)
    if items is not None:
        return [r for item in items for r in item]
    rows = getattr(block, "rows", None)
    return [r for row in rows for cell in row for r in cell] if rows is not None else []


# --- DOCX ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docx_file(bundle, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docx")
    render_formats(bundle, ["docx"], out)
    return out / "report.docx"


def test_docx_uses_real_word_styles_footnotes_and_a_toc_field(docx_file: Path, ctx) -> None:
    import docx

    d = docx.Document(str(docx_file))  # the round trip: python-docx reads what it wrote
    styles = {p.style.name for p in d.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Caption", "List Bullet"} <= styles
    assert all(t.style.name == "Table Grid" for t in d.tables)
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert "1 Summary of conclusions" in headings
    assert any(h.startswith("Annex A — ") for h in headings)
    with zipfile.ZipFile(docx_file) as z:
        body = z.read("word/document.xml").decode()
        notes = z.read("word/footnotes.xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        assert any(n.startswith("word/media/") for n in z.namelist()), "the overview diagram is an image"
    assert "relationships/footnotes" in rels
    assert body.count("<w:footnoteReference ") == len(ctx.opinion.notes)
    assert notes.count("<w:footnoteRef/>") == len(ctx.opinion.notes)
    assert 'TOC \\o "1-2"' in body


def test_docx_verdict_table_matches_the_results(docx_file: Path, ctx) -> None:
    import docx

    d = docx.Document(str(docx_file))
    table = next(t for t in d.tables if t.rows[0].cells[0].text == "Measure")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [r[0] for r in rows] == [ctx.measures[m].title for m in ctx.measure_ids]
    assert all(ctx.measures[m].verdict.label in r[1] for m, r in zip(ctx.measure_ids, rows, strict=True))


def test_docx_escapes_user_text(tmp_path: Path) -> None:
    from dataclasses import replace

    from rightskit.render.word import render_docx

    bundle = golden_fixture().real_bundle()
    ctx = build_context(bundle, diagrams=False)
    hostile = 'A & B <w:p/> "quoted" ]]>'
    doc = replace(ctx.opinion, title=hostile)
    data = render_docx(replace(ctx, opinion=doc))
    import docx

    d = docx.Document(io.BytesIO(data))
    assert d.paragraphs[0].text == hostile


def test_docx_is_reproducible(bundle, tmp_path: Path) -> None:
    render_formats(bundle, ["docx"], tmp_path / "a")
    render_formats(bundle, ["docx"], tmp_path / "b")
    assert (tmp_path / "a" / "report.docx").read_bytes() == (tmp_path / "b" / "report.docx").read_bytes()


@pytest.mark.slow
def test_docx_opens_in_libreoffice(docx_file: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        skip_or_fail("LibreOffice not found (make test installs libreoffice-writer-nogui)")
        return
    result = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx_file)], capture_output=True, text=True, timeout=240, check=False)
    pdf = tmp_path / "report.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    reader = pypdf.PdfReader(str(pdf))
    text = " ".join(page.extract_text() for page in reader.pages[:4])
    assert "Summary of conclusions" in " ".join(text.split())


# --- Page budgets, read from the PDF ---------------------------------------------------------------


def main_text_pages(pdf: Path) -> int:
    """Pages before the first annex, from the PDF's bookmarks."""
    reader = pypdf.PdfReader(str(pdf))
    for item in reader.outline:
        if not isinstance(item, list) and item.title.startswith("Annex A"):
            return reader.get_destination_page_number(item)
    raise AssertionError("no Annex A bookmark")


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PAGE_BUDGET))
def test_flagship_main_text_is_within_its_page_budget(name: str, tmp_path: Path) -> None:
    bundle = pipeline.evaluate(ROOT / "reports" / name)
    render_formats(bundle, ["pdf"], tmp_path)
    pages = main_text_pages(tmp_path / "report.pdf")
    assert 3 <= pages <= PAGE_BUDGET[name], f"{name}: {pages} pages of main text"


def test_each_measure_splits_its_missing_safeguards_by_who_must_act() -> None:
    from rightskit.render.document import Bullets

    bundle = pipeline.evaluate(ROOT / "reports" / "interim-regulation-2021-1232")
    ctx = build_context(bundle, diagrams=False)
    argued = ctx.opinion.main[2].children
    seen = 0
    for section, mid in zip(argued, ctx.measure_ids, strict=True):
        split = bundle.results.missing_by_duty(mid)
        texts = [plain(b.runs) for b in section.blocks if isinstance(b, Para)]
        if not split:
            assert "Missing safeguards, by who must act:" not in texts
            continue
        seen += 1
        i = next(k for k, b in enumerate(section.blocks)
                 if isinstance(b, Para) and plain(b.runs) == "Missing safeguards, by who must act:")
        bullets = section.blocks[i + 1]
        assert isinstance(bullets, Bullets)
        lines = [plain(item) for item in bullets.items]
        heads = {"law": "The law must provide: ", "controller": "The controller must implement: "}
        assert [line.split(": ")[0] + ": " for line in lines] == [heads[h] for h in split]
        for line, titles in zip(lines, split.values(), strict=True):
            assert line.lower() == heads[next(h for h in split if split[h] == titles)].lower() + ", ".join(
                t.lower() for t in titles) + "."
    assert seen, "the fixture has a measure with missing safeguards"
