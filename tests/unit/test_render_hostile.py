"""Hostile text renders as inert text in every format: HTML, Markdown, PDF and JSON.

The text carries HTML (<script>, </style>, an <img onerror>), Jinja2 syntax, Typst markup (#, $, ]),
Markdown link and image syntax, right-to-left text and emoji.
"""

from __future__ import annotations

import importlib.util
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from rightskit.render import render_formats

GOLDEN = Path(__file__).resolve().parents[1] / "golden"

HOSTILE = (
    "<script>alert(1)</script> </style><img src=x onerror=alert(2)> {{ 7*7 }} {% if true %}JINJA{% endif %} "
    "#set text(fill: red) #panic(\"typst\") $x^2$ ] *bold* _em_ `code` | pipe "
    "[link](javascript:alert(3)) ![img](https://evil.example/x.png) <https://evil.example> "
    "\u202eRTL override\u202c שלום عليكم 👩‍⚖️🔒"
)
MARKERS = ("alert(1)", "{{ 7*7 }}", "#set text(fill: red)", "$x^2$", "[link](javascript:alert(3))")


def fixture_module():
    spec = importlib.util.spec_from_file_location("rightskit_test_fixture_bundle", GOLDEN / "fixture_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def poison(raw_a: dict, raw_r: dict) -> None:
    raw_a["title"] = raw_r["title"] = "Title " + HOSTILE[:400]
    raw_a["summary"] = HOSTILE
    raw_a["authors"] = [HOSTILE[:200], "Ann <b>Bold</b>"]
    m = raw_a["measures"][0]
    m["title"] = "Measure " + HOSTILE[:400]
    raw_r["measures"]["scan-known"]["title"] = m["title"]
    m["description"] = HOSTILE
    m["actor"] = HOSTILE[:290]
    m["interferes"][0]["rationale"] = HOSTILE
    raw_a["safeguards"][0]["title"] = "Safeguard " + HOSTILE[:400]
    raw_a["safeguards"][0]["conditions"] = [HOSTILE]
    raw_a["aims"][0]["title"] = "Aim " + HOSTILE[:400]
    raw_a["alternatives"][0]["description"] = HOSTILE
    raw_a["sources"][0]["title"] = "Source " + HOSTILE[:400]
    raw_a["sources"][0]["note"] = HOSTILE
    raw_a["measures"][0]["interferes"][0]["cite"][0]["pinpoint"] = "para. 1 ] #x $y$ <i>"
    mr = raw_r["measures"]["scan-known"]
    mr["verdict_reason"] = HOSTILE
    step = mr["steps"]["proportionality"]
    step["summary"] = HOSTILE
    step["findings"][0]["message"] = HOSTILE
    step["findings"][0]["reasons"] = [HOSTILE, "line one\nline two | cell"]
    raw_r["disclaimer"] = HOSTILE
    raw_r["rights"]["eu-charter/art-7"]["explanation"] = HOSTILE


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    render_formats(fixture_module().small_bundle(poison), ["html", "md", "json", "pdf"], folder)
    return folder


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if not self.in_style:
            self.text.append(data)


def test_html_is_inert(out: Path) -> None:
    html = (out / "index.html").read_text(encoding="utf-8")
    parser = _Collector()
    parser.feed(html)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags
    assert tags.count("style") == 1  # only ours; '</style>' in user text did not close it early
    assert "img" not in tags
    assert "b" not in tags  # "Ann <b>Bold</b>" stays text
    for _, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs)
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("#", "https://", "http://")), href
            assert "evil.example" not in href
    text = "".join(parser.text)
    for marker in (*MARKERS, "<script>alert(1)</script>", "JINJA{% endif %}", "שלום", "👩‍⚖️"):
        assert marker in text, marker


def test_markdown_is_inert(out: Path) -> None:
    import markdown_it
    md = (out / "report.md").read_text(encoding="utf-8")
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    parser = _Collector()
    parser.feed(html)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "style" not in tags and "b" not in tags
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs)
        if tag == "img":
            assert (attrs.get("src") or "").startswith("diagrams/")
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("#", "https://", "http://")), href
            assert "evil.example" not in href and "javascript" not in href
    text = "".join(parser.text)
    for marker in (*MARKERS, "<script>alert(1)</script>", "שלום", "👩‍⚖️"):
        assert marker in text, marker
    # A newline in a table cell must not break the table.
    assert "line one line two \\| cell" in md


def test_pdf_is_inert(out: Path) -> None:
    import pypdf
    reader = pypdf.PdfReader(io.BytesIO((out / "report.pdf").read_bytes()))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    for marker in ("alert(1)", "{{ 7*7 }}", "#set text(fill: red)", '#panic("typst")', "$x^2$", "JINJA"):
        assert marker in text, marker
    assert 'typst")' in text  # the panic was printed, not run


def test_json_keeps_the_text_exactly(out: Path) -> None:
    doc = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert doc["assessment"]["summary"] == HOSTILE
    assert doc["results"]["disclaimer"] == HOSTILE
    assert doc["assessment"]["measures"][0]["description"] == HOSTILE


def test_markdown_escape_unit() -> None:
    from rightskit.render.markdown import esc

    assert esc("a|b") == "a\\|b"
    assert esc("[x](javascript:y)") == "\\[x\\]\\(javascript:y\\)"
    assert esc("<script>") == "&lt;script&gt;"
    assert esc("one\ntwo") == "one two"
    assert esc("# heading") == "\\# heading"
    assert esc("- item") == "\\- item"
    assert esc("1. item") == "1\\. item"
    assert esc("see https://evil.example") == "see https\\://evil.example"
    assert esc("`x` *y* _z_ $m$ ~s~") == "\\`x\\` \\*y\\* \\_z\\_ \\$m\\$ \\~s\\~"


def test_markdown_escape_property() -> None:
    import hypothesis
    import markdown_it
    from hypothesis import strategies as st

    from rightskit.render.markdown import esc

    md = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table")

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
    def check(text: str) -> None:
        rendered = md.render(f"| a |\n|---|\n| {esc(text)} |\n")
        assert "<a " not in rendered and "<img" not in rendered and "<script" not in rendered.lower()
        assert rendered.count("<td>") == 1  # the cell never splits

    check()
