"""Large reports: the summary PDF above the detail limit, streamed writes, and the reused HTML fragments."""

# ruff: noqa: E501  (the macros the fragments replace are quoted verbatim, one template line per line)

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pypdf
import pytest
from harness import golden_fixture

from rightskit import pipeline
from rightskit.render import pdf as pdf_module
from rightskit.render import render_formats
from rightskit.render.fragments import Fragments
from rightskit.render.json_out import results_json
from rightskit.render.output import atomic_write
from rightskit.render.template_context import Badge, Cite, NodeRef

ROOT = Path(__file__).resolve().parents[2]
SUMMARY_NOTE = "A summary PDF."


def pdf_text(path: Path) -> tuple[str, pypdf.PdfReader]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def outline_titles(reader: pypdf.PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:  # '3.1 Respect for private life' -> 'Respect for private life'
                titles.append(re.sub(r"^(Annex [A-Z]+ — |(?:[A-Z]\.)?[\d.]+ )", "", item.title))
    walk(reader.outline)
    return titles


# --- the summary PDF ---------------------------------------------------------------------------------------


def test_pdf_sets_out_measures_in_full_up_to_the_limit(tmp_path: Path) -> None:
    bundle = golden_fixture().real_bundle()
    render_formats(bundle, ["pdf"], tmp_path)
    text, reader = pdf_text(tmp_path / "report.pdf")
    assert SUMMARY_NOTE not in text
    assert "Measures" in outline_titles(reader)


def test_above_the_limit_the_pdf_is_a_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = golden_fixture().real_bundle()
    measures = bundle.resolved.assessment.measures
    full = tmp_path / "full"
    render_formats(bundle, ["pdf"], full)
    monkeypatch.setattr(pdf_module, "PDF_DETAIL_LIMIT", len(measures) - 1)
    summary = tmp_path / "summary"
    render_formats(bundle, ["pdf"], summary)
    text, reader = pdf_text(summary / "report.pdf")
    flat = " ".join(text.split())
    assert f"{SUMMARY_NOTE} This assessment has {len(measures)} measures, more than the {len(measures) - 1}" in flat
    titles = outline_titles(reader)
    assert "Measures" not in titles and "Summary of conclusions" in titles and "Rights and cumulative interference" in titles
    for m in measures:  # every measure still has its verdict and its steps at a glance
        assert " ".join(m.title.split()[:2]) in flat
    assert len(reader.pages) < len(pdf_text(full / "report.pdf")[1].pages)


def test_a_real_assessment_just_over_the_limit_gives_a_summary_pdf(tmp_path: Path) -> None:
    """A real assessment just over the limit (generated like the benchmarks' ones) typesets as a summary."""
    n = pdf_module.PDF_DETAIL_LIMIT + 1
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(n), "-o", str(tmp_path / "in")],
                   check=True, capture_output=True)
    bundle = pipeline.evaluate(tmp_path / "in" / "assessment.yaml")
    render_formats(bundle, ["pdf", "html"], tmp_path / "out")
    text, reader = pdf_text(tmp_path / "out" / "report.pdf")
    assert f"This assessment has {n} measures" in " ".join(text.split())
    assert len(reader.pages) < 3 * n  # a full PDF takes 20 to 27 pages a measure
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="finding"') > n  # the HTML keeps every finding


@pytest.mark.slow
def test_a_summary_pdf_of_300_measures_typesets_with_its_notes_as_endnotes(tmp_path: Path) -> None:
    """300 measures once failed in Typst's PDF tagging (an internal error; typst/typst#8776) and as
    footnotes their 642 notes made the PDF slow: now they are endnotes, and a tagging failure retries untagged."""
    n = 300
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(n), "-o", str(tmp_path / "in")],
                   check=True, capture_output=True)
    bundle = pipeline.evaluate(tmp_path / "in" / "assessment.yaml")
    render_formats(bundle, ["pdf"], tmp_path / "out")
    text, reader = pdf_text(tmp_path / "out" / "report.pdf")
    assert f"This assessment has {n} measures" in " ".join(text.split())
    assert "Notes" in outline_titles(reader)
    # The action plan lists only what a review assigns at this size: every unassigned condition made it
    # one table of thousands of rows, which ran off its page (a figure does not break by default).
    assert "the table lists the 0 actions the review file assigns" in " ".join(text.split())


@pytest.mark.slow
def test_a_large_summary_pdf_typeset_in_parts_is_the_whole_document(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Above PARTS_ABOVE measures the summary PDF is typeset in parts and merged: the same text, headings
    and page count as the document in one piece (bar the pages a part starts), page numbers that run
    through, links that resolve, byte-reproducible with SOURCE_DATE_EPOCH, and the user told it is untagged."""
    from rightskit.errors import RenderWarning
    from rightskit.render import pdf_parts

    n = 70
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(n), "-o", str(tmp_path / "in")],
                   check=True, capture_output=True)
    bundle = pipeline.evaluate(tmp_path / "in" / "assessment.yaml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    render_formats(bundle, ["pdf"], tmp_path / "whole")
    monkeypatch.setattr(pdf_module, "PARTS_ABOVE", n - 1)
    monkeypatch.setattr(pdf_parts, "PART_ROWS", 40)  # the summary table, amendments, notes and glance all split
    with pytest.warns(RenderWarning, match="typeset in parts"):
        render_formats(bundle, ["pdf"], tmp_path / "parts")
    with pytest.warns(RenderWarning, match="typeset in parts"):  # told again on every render
        render_formats(bundle, ["pdf"], tmp_path / "again")
    pdf = (tmp_path / "parts" / "report.pdf").read_bytes()
    assert pdf == (tmp_path / "again" / "report.pdf").read_bytes()
    assert b"/StructTreeRoot" not in pdf

    ctx_parts = pdf_parts.plan(pdf_module.typst_data(pipeline_context(bundle)))
    whole_text, whole = pdf_text(tmp_path / "whole" / "report.pdf")
    parts_text, parts = pdf_text(tmp_path / "parts" / "report.pdf")
    assert len(ctx_parts) > 5
    assert len(whole.pages) <= len(parts.pages) <= len(whole.pages) + len(ctx_parts)
    assert outline_titles(parts) == outline_titles(whole)
    total = len(parts.pages)
    for number, page in enumerate(parts.pages, start=1):
        assert f"Page {number} of {total}" in " ".join(page.extract_text().split())

    def body(text: str) -> str:
        """The text after the contents, less running heads, footers, repeated table headers, hyphens and spaces.

        Rows that a page break splits fall differently, so text extraction orders their pieces differently:
        the texts are compared as counts of characters, and each measure's title must be there."""
        text = re.sub(r"rightskit \S+ · inputs \S+ Page \d+ of \d+", "", " ".join(text.split()))
        text = text.replace(f"{bundle.resolved.assessment.title} Law as of 2022-06-01", "")
        text = text.replace(f"It was typeset in {len(ctx_parts)} parts and merged into one file, so it is not a "
                            "tagged PDF.", "")
        start = text.index("Summary of conclusions")
        text = "".join(text[text.index("Summary of conclusions", start + 1):].split())
        for header in headers:
            text = text.replace(header, "")
        return text.replace("\xad", "").replace("-", "")

    data = pdf_module.typst_data(pipeline_context(bundle))
    first = data["measures"][data["measure_ids"][0]]
    headers = ["".join("".join(h.split()) for h in block["header"]) for s in data["opinion"]["main"]
               for block in s["blocks"] if block["kind"] == "table"]
    headers.append("Measureandverdict" + "".join("".join(x["short"].split()) for x in first["steps"]))
    whole_body, parts_body = body(whole_text), body(parts_text)
    assert Counter(parts_body) == Counter(whole_body)
    for m in bundle.resolved.assessment.measures:
        title = "".join(m.title.split()).replace("-", "")
        assert title in parts_body, m.id  # (a row split by a page break may split its title in the text)
    names = parts.named_destinations
    page_ids = {p.indirect_reference.idnum for p in parts.pages}
    links = 0
    for page in parts.pages:
        for annot in page.get("/Annots") or []:
            dest = annot.get_object().get("/Dest")
            if dest is not None:
                links += 1
                assert (str(dest) in names) if isinstance(dest, str) else dest[0].idnum in page_ids
    assert links > n


def pipeline_context(bundle):
    from rightskit.render import build_context

    return build_context(bundle)


def test_above_the_cap_the_svg_output_leaves_out_the_measure_views(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from rightskit.render import diagram_set

    bundle = golden_fixture().real_bundle()
    measures = bundle.resolved.assessment.measures
    assert any(v.startswith("measure:") for v in diagram_set.all_views(bundle))
    monkeypatch.setattr(diagram_set, "SVG_MEASURE_VIEWS_UP_TO", len(measures) - 1)
    said: list[str] = []
    render_formats(bundle, ["svg"], tmp_path, progress=said.append)
    names = sorted(p.name for p in (tmp_path / "diagrams").iterdir())
    assert "overview.svg" in names and any(n.startswith("right-") for n in names)
    assert not any(n.startswith("measure-") for n in names), names
    assert any("--view measure:<id>" in line for line in said)


# --- streamed writes ---------------------------------------------------------------------------------------


def test_streamed_json_is_the_whole_document_pydantic_would_write() -> None:
    bundle = golden_fixture().real_bundle()
    streamed = results_json(bundle)
    head = {"schema_version": "2.0", "rightskit_version": bundle.results.rightskit_version,
            "input_hash": bundle.input_hash}
    whole = json.loads(streamed)
    assert {k: whole[k] for k in head} == head
    assert whole["results"] == json.loads(bundle.results.model_dump_json(by_alias=True))
    assert whole["assessment"] == json.loads(bundle.resolved.assessment.model_dump_json(by_alias=True))
    nested = bundle.results.model_dump_json(indent=2, by_alias=True).replace("\n", "\n  ")
    assert f'"results": {nested}\n}}\n' in streamed  # same bytes as one pydantic dump, re-indented
    assert streamed.endswith("\n}\n") and streamed.startswith("{\n")


def test_a_stream_that_fails_midway_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "index.html"
    target.write_text("previous report", encoding="utf-8")

    def pieces():
        yield "<html>"
        yield b"<body>"
        raise RuntimeError("template failed halfway")

    with pytest.raises(RuntimeError, match="halfway"):
        atomic_write(target, pieces())
    assert target.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]  # no temporary file left behind
    atomic_write(target, iter(["<p>", "é", b"</p>"]))
    assert target.read_text(encoding="utf-8") == "<p>é</p>"


@pytest.mark.parametrize("batch", [0, 1, 7, 4_096])
def test_markdown_written_in_pieces_is_the_same_document(batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """However the template's output is cut into pieces, the blank lines are cut the same way."""
    from rightskit.render import build_context, markdown

    ctx = build_context(golden_fixture().real_bundle())
    whole = "".join(markdown.markdown_chunks(ctx))  # the batch size as shipped: one piece here
    monkeypatch.setattr(markdown, "_BATCH", batch)
    pieces = list(markdown.markdown_chunks(ctx))
    assert "".join(pieces) == whole
    assert len(pieces) >= min(len(whole) // max(batch, 1), 100) // 2  # it did come in many pieces
    assert "\n\n\n" not in whole and whole.endswith("\n") and not whole.endswith("\n\n")


# --- the fragment filters -----------------------------------------------------------------------------------

# The markup the macros produced before the filters existed: the filters must give the same bytes.
OLD_MACROS = """
{% macro badge(b, scale, big=false) -%}
<span class="badge {{ scale }}-{{ b.word }}{% if big %} big{% endif %}"><span class="sym" aria-hidden="true">{{ b.symbol }}</span> {{ b.label }}</span>
{%- endmacro %}
{% macro cite(c) -%}
<a class="cite{% if c.verified is false %} unverified{% endif %}" href="#{{ c.anchor }}"
{%- if c.verified is false %} title="Unverified source{% if c.note %}: {{ c.note }}{% endif %}"{% elif c.note %} title="{{ c.note }}"{% endif %}>
{{- c.label }}{% if c.pinpoint %}, {{ c.pinpoint }}{% endif %}</a>
{%- if c.verified is false %}<span class="sr-only"> (unverified)</span>{% endif %}
{%- endmacro %}
{% macro cites(list, lead="") -%}
{% if list %}<span class="cites">{{ lead }}{% for c in list %}{{ cite(c) }}{% if not loop.last %}; {% endif %}{% endfor %}</span>{% endif %}
{%- endmacro %}
"""

HOSTILE = '<script>alert("x")</script> & \'q\''


@pytest.mark.parametrize("verified", [True, False, None])
@pytest.mark.parametrize("note", [None, HOSTILE])
def test_fragments_escape_exactly_like_the_macros(verified: bool | None, note: str | None) -> None:
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             loader=jinja2.DictLoader({"macros": OLD_MACROS}))
    Fragments().install(env)
    cites = [Cite(ref="r", anchor=f"bib-{HOSTILE}", label=HOSTILE, pinpoint=HOSTILE, quote=None, note=note,
                  verified=verified),
             Cite(ref="s", anchor="bib-s", label="Art. 7 Charter", pinpoint=None, quote=None, note=None,
                  verified=True)]
    badge = Badge(word="not-satisfied", label=HOSTILE, symbol="✗")
    body = "{{ k.badge(b, 'st') }}|{{ k.badge(b, 'vd', big=true) }}|{{ k.cite(cs[0]) }}|{{ k.cites(cs, lead) }}|{{ k.cites([]) }}"
    old = env.from_string("{% import 'macros' as k %}" + body)
    new = env.from_string(body.replace("k.badge(b, 'st')", "b | badge_html('st')")
                          .replace("k.badge(b, 'vd', big=true)", "b | badge_html('vd', true)")
                          .replace("k.cite(cs[0])", "cs[0] | cite_html").replace("k.cites(cs, lead)", "cs | cites_html(lead)")
                          .replace("k.cites([])", "[] | cites_html"))
    args = {"b": badge, "cs": cites, "lead": "Sources <b>: "}
    expected = old.render(**args)
    assert new.render(**args) == expected
    assert "<script>" not in expected and "&lt;script&gt;" in expected


OLD_LINK_MACROS = """
{% macro node(n) -%}
{% if n.anchor %}<a href="#{{ n.anchor }}">{{ n.label }}</a>{% else %}<code>{{ n.label }}</code>{% endif %}
{%- endmacro %}
{% macro safeguard_link(ctx, sid) -%}
{% if sid in ctx.safeguards %}<a href="#{{ ctx.safeguards[sid].anchor }}">{{ ctx.safeguards[sid].title }}</a>{% else %}{{ sid }}{% endif %}
{%- endmacro %}
"""


@pytest.mark.parametrize("anchor", [None, f"measure-{HOSTILE}"])
def test_node_and_link_filters_escape_exactly_like_the_macros(anchor: str | None) -> None:
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             loader=jinja2.DictLoader({"macros": OLD_LINK_MACROS}))
    Fragments().install(env)
    node = NodeRef(node=f"measure:{HOSTILE}", label=HOSTILE, anchor=anchor)
    ctx = SimpleNamespace(safeguards={HOSTILE: SimpleNamespace(anchor=f"safeguard-{HOSTILE}", title=HOSTILE)})
    body = "{{ k.node(n) }}|{{ k.safeguard_link(ctx, sid) }}|{{ k.safeguard_link(ctx, other) }}|{{ k.node(n) }}"
    old = env.from_string("{% import 'macros' as k %}" + body)
    new = env.from_string(body.replace("k.node(n)", "n | node_html")
                          .replace("k.safeguard_link(ctx, sid)", "sid | link_html(ctx.safeguards)")
                          .replace("k.safeguard_link(ctx, other)", "other | link_html(ctx.safeguards)"))
    args = {"n": node, "ctx": ctx, "sid": HOSTILE, "other": f"missing {HOSTILE}"}
    expected = old.render(**args)
    assert new.render(**args) == expected  # the second node comes from the cache, and is the same
    assert "<script>" not in expected and "&lt;script&gt;" in expected

# --- memory: the parsed input is not kept -------------------------------------------------------------------


def test_after_loading_only_top_level_locations_are_kept() -> None:
    from functools import partial

    from rightskit.load import FrameworkLibrary, packaged_frameworks_dir, resolve
    from rightskit.load.assessment_yaml import read_assessment_yaml
    from rightskit.load.validate import validate
    from rightskit.load.yamlsource import locate
    from rightskit.model import Assessment

    path = ROOT / "reports" / "csar-proposal-2022" / "assessment.yaml"
    raw, files = read_assessment_yaml(path)
    full = partial(locate, raw)
    model = validate(Assessment, raw, full, str(path), "assessment")
    resolved = resolve(model, FrameworkLibrary([packaged_frameworks_dir()]), full, str(path), files)
    resolved.settle()
    assert resolved.locator is not full
    for i in range(len(model.measures)):  # where each record was written, as the report shows it
        assert resolved.locate(("measures", i)) == full(("measures", i))
        # deeper paths fall back to the record itself
        assert resolved.locate(("measures", i, "interferes", 0, "right")) == full(("measures", i))
    assert resolved.locate(("no-such-section", 0)) is None
    assert pipeline.load(path).locate(("measures", 0)) == full(("measures", 0))
