"""User templates: overrides, and located errors for broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import golden_fixture

from rightskit.errors import TemplateError
from rightskit.render import build_context, render_formats
from rightskit.render.html import TEMPLATES_DIR, render_html


@pytest.fixture(scope="module")
def ctx():
    return build_context(golden_fixture().small_bundle(), diagrams=False)


def test_shipped_templates_exist() -> None:
    for name in ("report.html.j2", "_macros.html.j2", "report.css", "report.typ"):
        assert (TEMPLATES_DIR / name).is_file()


def test_a_user_template_overrides_one_file(ctx, tmp_path: Path) -> None:
    (tmp_path / "_about.html.j2").write_text(
        '<section id="about"><h2>Our own about</h2><p>{{ ctx.title }}</p></section>\n', encoding="utf-8")
    html = render_html(ctx, tmp_path)
    assert "<h2>Our own about</h2>" in html
    assert 'id="measure-scan-known"' in html  # the rest still comes from the shipped templates


def test_user_templates_are_autoescaped(ctx, tmp_path: Path) -> None:
    (tmp_path / "_about.html.j2").write_text("<p>{{ '<b>x</b>' }}</p>\n", encoding="utf-8")
    assert "<p>&lt;b&gt;x&lt;/b&gt;</p>" in render_html(ctx, tmp_path)


def test_syntax_error_is_located(ctx, tmp_path: Path) -> None:
    (tmp_path / "_about.html.j2").write_text("<p>fine</p>\n<p>fine</p>\n{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        render_html(ctx, tmp_path)
    problem = err.value.problems[0]
    assert problem.location.path.endswith("_about.html.j2")
    assert problem.location.line == 3
    assert "_about.html.j2:3" in err.value.format()


def test_undefined_variable_is_located(ctx, tmp_path: Path) -> None:
    (tmp_path / "_about.html.j2").write_text("<p>one</p>\n<p>{{ ctx.no_such_field }}</p>\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        render_html(ctx, tmp_path)
    problem = err.value.problems[0]
    assert problem.location.path.endswith("_about.html.j2") and problem.location.line == 2
    assert "no_such_field" in problem.message


def test_templates_see_only_the_context(ctx, tmp_path: Path) -> None:
    (tmp_path / "_about.html.j2").write_text("{{ bundle.results }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="bundle"):
        render_html(ctx, tmp_path)


def test_runtime_error_in_a_template_is_located(ctx, tmp_path: Path) -> None:
    (tmp_path / "_about.html.j2").write_text("<p>\n{{ 1 // 0 }}\n</p>\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        render_html(ctx, tmp_path)
    assert err.value.problems[0].location.line == 2


def test_missing_templates_folder(ctx, tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="not found"):
        render_html(ctx, tmp_path / "nope")


def test_render_formats_passes_templates_through(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "_about.html.j2").write_text("{% endif %}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"_about\.html\.j2:1"):
        render_formats(golden_fixture().small_bundle(), ["html"], tmp_path / "out", templates=templates)


def test_a_user_typst_template_replaces_the_pdf_template(ctx, tmp_path: Path) -> None:
    import io

    import pypdf

    from rightskit.render.pdf import render_pdf

    (tmp_path / "report.typ").write_text('#let data = json("data.json")\n= Custom cover\n#data.title\n',
                                         encoding="utf-8")
    text = pypdf.PdfReader(io.BytesIO(render_pdf(ctx, tmp_path))).pages[0].extract_text()
    assert "Custom cover" in text and "Voluntary detection" in text
