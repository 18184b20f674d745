"""Injection: hostile text in names, descriptions, rationales and citations stays inert in every output.

The payloads (tests/fixtures/security/hostile.py) carry HTML, javascript: and data: URLs, CSS that closes its
<style>, DOT syntax, Typst markup (#import, #read("/etc/passwd")), Jinja syntax, Markdown links and images,
control characters and bidirectional overrides. The assessment goes through the real pipeline (YAML loader,
engine, every renderer); each output is then parsed the way its consumer parses it.

"Inert" means, per output:
* HTML: no element, attribute, link or script of the author's; links are '#…' or http(s) with
  rel="noopener noreferrer"; the payload is visible as text; no control character; no bidi override or isolate
  left open at the end of a text node (it would reorder the report's own words that follow).
* Markdown: the same after rendering it as CommonMark with raw HTML allowed; per line for bidi.
* JSON: strict JSON (no NaN), valid against the published schema, the text kept as data.
* SVG and DOT: well-formed, no script, image or foreign object, links only to '#…'; `dot` accepts every view.
* PDF: the payload is printed, nothing is read or linked (/etc/passwd, javascript:), no JavaScript action.
* Terminal (check, evaluate --format text): no control character reaches the terminal.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from harness import hostile, skip_or_fail

ROOT = Path(__file__).resolve().parent
SECURITY = ROOT / "fixtures" / "security"

# C0 controls except tab, newline and carriage return; DEL; C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
EMBED = {"\u202a", "\u202b", "\u202d", "\u202e"}  # LRE RLE LRO RLO, closed by PDF U+202C
ISOLATE = {"\u2066", "\u2067", "\u2068"}  # LRI RLI FSI, closed by PDI U+2069


H = hostile()


def open_bidi(text: str) -> list[str]:
    """The explicit embeddings, overrides and isolates still open at the end of ``text`` (UAX #9 X1-X8)."""
    stack: list[str] = []
    for ch in text:
        if ch in EMBED or ch in ISOLATE:
            stack.append(ch)
        elif ch == "\u202c" and stack and stack[-1] in EMBED:
            stack.pop()
        elif ch == "\u2069" and any(c in ISOLATE for c in stack):
            while stack and stack.pop() not in ISOLATE:
                pass
    return stack


def test_open_bidi_helper() -> None:
    assert open_bidi("a\u202eb\u202c c") == []
    assert open_bidi("a\u202eb") == ["\u202e"]
    assert open_bidi("\u2067x\u202ey\u2069") == []  # PDI closes the override opened inside the isolate
    assert open_bidi("x\u202c\u2069") == []  # unmatched closers are ignored


class Parsed(HTMLParser):
    """Tags with attributes, and text nodes outside <style>; those inside inline <svg> are kept apart.

    An SVG <text> element is laid out on its own (its own bidi paragraph), so a diagram label cut into
    lines cannot reorder anything outside it; its text nodes are checked for control characters only.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.svg_texts: list[str] = []
        self._style = False
        self._svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._style = tag == "style"
        self._svg += tag == "svg"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._style = False
        if tag == "svg" and self._svg:
            self._svg -= 1

    def handle_data(self, data: str) -> None:
        if self._svg:
            self.svg_texts.append(data)
        elif not self._style:
            self.texts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.texts)


def parse_html(html: str) -> Parsed:
    parser = Parsed()
    parser.feed(html)
    parser.close()
    return parser


FORBIDDEN_TAGS = {"script", "iframe", "img", "object", "embed", "base", "form", "link", "image", "foreignobject",
                  "frame", "frameset", "applet", "audio", "video", "source", "input", "button", "textarea"}


def assert_markup_inert(parsed: Parsed, baseline_scripts: int = 0, rel: bool = True) -> None:
    """No element, attribute or link of the author's in parsed HTML; external links opened without opener."""
    tags = [t for t, _ in parsed.tags]
    assert tags.count("script") == baseline_scripts, "a <script> that is not the report's own"
    assert not FORBIDDEN_TAGS - {"script"} & set(tags), sorted(FORBIDDEN_TAGS & set(tags))
    for tag, attrs in parsed.tags:
        handlers = [name for name in attrs if name.lower().startswith("on")]
        assert not handlers, (tag, handlers)
        assert "src" not in attrs and "srcdoc" not in attrs, (tag, attrs)
        assert "style" not in attrs or "url(" not in (attrs["style"] or ""), (tag, attrs)
        for name in ("href", "xlink:href", "action", "formaction"):
            value = (attrs.get(name) or "").strip()
            if not value:
                continue
            assert value.startswith(("#", "https://", "http://")), (tag, name, value)
            assert "evil.example" not in value, (tag, name, value)
            if rel and value.startswith("http"):
                assert {"noopener", "noreferrer"} <= set((attrs.get("rel") or "").split()), (tag, value, attrs)


def assert_text_inert(texts: list[str], where: str) -> None:
    for text in texts:
        bad = CONTROL.search(text)
        assert bad is None, f"{where}: control character {bad.group()!r} in {text[max(0, bad.start() - 40):][:80]!r}"
        assert not open_bidi(text), f"{where}: bidi control left open in {text[:120]!r}"


# --- the hostile report, once ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from rightskit.pipeline import evaluate
    from rightskit.render import render_formats

    folder = tmp_path_factory.mktemp("hostile")
    source = H.write_hostile(folder / "input")
    bundle = evaluate(source)
    out = folder / "out"
    render_formats(bundle, ["html", "md", "json", "svg", "pdf"], out)
    baseline = folder / "baseline"
    render_formats(evaluate(SECURITY / "minimal"), ["html"], baseline)
    return bundle, out, baseline


def test_the_payloads_reach_the_model(hostile: Any) -> None:
    bundle, _, _ = hostile
    a = bundle.resolved.assessment
    assert "<script>window.__pwned=1" in a.title
    assert '#read("/etc/passwd")' in a.sources[0].title
    assert a.measures[0].interferes[0].cite[0].note and "{{ 7*7 }}" in a.measures[0].interferes[0].cite[0].note


def test_html_is_inert(hostile: Any) -> None:
    _, out, baseline = hostile
    html = (out / "index.html").read_text(encoding="utf-8")
    reference = parse_html((baseline / "index.html").read_text(encoding="utf-8"))
    parsed = parse_html(html)
    assert_markup_inert(parsed, baseline_scripts=[t for t, _ in reference.tags].count("script"))
    assert [t for t, _ in parsed.tags].count("style") == [t for t, _ in reference.tags].count("style")
    text = parsed.text
    for marker in H.VISIBLE:
        assert marker in text, marker
    assert_text_inert(parsed.texts, "index.html")
    for text in parsed.svg_texts:
        assert CONTROL.search(text) is None, f"inline SVG: control character in {text[:80]!r}"
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and "<script" not in title.group(1)


def test_html_links_to_citations_are_http_with_noopener(hostile: Any) -> None:
    _, out, _ = hostile
    parsed = parse_html((out / "index.html").read_text(encoding="utf-8"))
    external = [attrs for tag, attrs in parsed.tags if tag == "a" and (attrs.get("href") or "").startswith("http")]
    assert external, "the report links its sources"
    for attrs in external:
        assert set((attrs.get("rel") or "").split()) >= {"noopener", "noreferrer"}, attrs


def test_markdown_is_inert(hostile: Any) -> None:
    import markdown_it
    _, out, _ = hostile
    md = (out / "report.md").read_text(encoding="utf-8")
    rendered = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    parsed = parse_html(rendered)
    for tag, attrs in parsed.tags:
        if tag == "img":  # the report's own diagrams, nothing else
            assert (attrs.get("src") or "").startswith("diagrams/") and attrs["src"].endswith(".svg"), attrs
    assert_markup_inert(without_images(parsed), rel=False)  # Markdown has no rel; the viewer decides
    for marker in H.VISIBLE:
        assert marker in parsed.text, marker
    assert_text_inert(md.splitlines(), "report.md")


def without_images(parsed: Parsed) -> Parsed:
    clone = Parsed()
    clone.tags = [(t, a) for t, a in parsed.tags if t != "img"]
    clone.texts = parsed.texts
    return clone


def test_json_is_strict_valid_and_keeps_the_text(hostile: Any) -> None:
    import jsonschema

    from rightskit.render.json_out import report_schema

    bundle, out, _ = hostile

    def refuse(constant: str) -> None:
        raise AssertionError(f"results.json holds {constant}, which is not JSON")

    doc = json.loads((out / "results.json").read_text(encoding="utf-8"), parse_constant=refuse)
    jsonschema.Draft202012Validator(report_schema()).validate(doc)
    assert doc["assessment"] == bundle.resolved.assessment.model_dump(mode="json", by_alias=True)
    assert "{{ 7*7 }}" in doc["assessment"]["summary"] and "<script>" in doc["assessment"]["title"]


def test_svg_diagrams_are_inert(hostile: Any) -> None:
    _, out, _ = hostile
    files = sorted((out / "diagrams").glob("*.svg"))
    assert files
    for file in files:
        data = file.read_text(encoding="utf-8")
        assert CONTROL.search(data) is None, file.name
        root = ET.fromstring(data)
        for el in root.iter():
            local = el.tag.rsplit("}", 1)[-1].lower()
            assert local not in {"script", "foreignobject", "image", "iframe", "use"} or local == "use", file.name
            for name, value in el.attrib.items():
                attr = name.rsplit("}", 1)[-1].lower()
                assert not attr.startswith("on"), (file.name, name)
                if attr == "href":
                    assert value.startswith("#"), (file.name, value)
        # User text is there, as text (an SVG <text> is laid out on its own: a bidi override cannot leave it).
        assert "&lt;script&gt;" in data or "<script" not in data


def test_dot_accepts_every_view_and_reads_nothing(hostile: Any, tmp_path: Path) -> None:
    if shutil.which("dot") is None:

        skip_or_fail("Graphviz 'dot' is not installed")
    from rightskit.render.diagram import build_view, views_for

    bundle, _, _ = hostile
    for view in views_for(bundle):
        source = build_view(bundle, view).source
        done = subprocess.run(["dot", "-Tsvg"], input=source.encode("utf-8"), capture_output=True, cwd=tmp_path,
                              timeout=60, check=False)
        assert done.returncode == 0, (view, done.stderr[:500])
        assert b"passwd" not in done.stderr, (view, done.stderr[:500])  # no image/shapefile was opened
        root = ET.fromstring(done.stdout)
        for el in root.iter():
            assert el.tag.rsplit("}", 1)[-1] not in {"image", "script", "foreignObject"}, view
            for name, value in el.attrib.items():
                if name.rsplit("}", 1)[-1] == "href":
                    assert value.startswith("#"), (view, value)


def test_pdf_prints_the_payloads_and_runs_nothing(hostile: Any) -> None:
    import pypdf
    _, out, _ = hostile
    raw = (out / "report.pdf").read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(raw))
    text = "".join("".join((page.extract_text() or "").split()) for page in reader.pages)
    for marker in ('#read("/etc/passwd")', "{{7*7}}", "#panic(\"pwned\")", "javascript:window.__pwned=4"):
        assert "".join(marker.split()) in text, marker
    assert "root:x:0:0" not in text, "a Typst #read in user text was executed"
    assert b"/JavaScript" not in raw and b"/JS " not in raw and b"/Launch" not in raw
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uri = str(action["/URI"])
                assert uri.startswith(("http://", "https://")) and "evil.example" not in uri, uri


def test_terminal_output_has_no_control_characters(hostile: Any, tmp_path: Path) -> None:
    from rightskit.cli import main

    source = H.write_hostile(tmp_path / "input")
    for args in (["check", str(source)], ["evaluate", str(source), "--format", "text"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert_text_inert(result.stdout.splitlines(), " ".join(args[:1]))
