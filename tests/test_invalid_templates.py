"""Broken user templates (``render --templates DIR``): a located message, exit 1, no traceback, no report.

One folder per failure mode in tests/fixtures/invalid/templates/. The line each error must point at is the
line carrying the marker ``<- error`` (a Jinja comment ``{# <- error #}`` or a Typst comment ``// <- error``),
so editing a fixture cannot silently break its expectation.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from rightskit.cli import main

ROOT = Path(__file__).resolve().parent
TEMPLATES = ROOT / "fixtures" / "invalid" / "templates"
ASSESSMENT = ROOT / "fixtures" / "security" / "minimal" / "assessment.yaml"
MARKER = "<- error"

# case -> (the template file the error is in, the output format that uses it, words of the message)
CASES = {
    "jinja-syntax-error": ("report.html.j2", "html", "template syntax error: unexpected '}'"),
    "undefined-variable": ("report.html.j2", "html", "undefined: 'assessment_title' is undefined"),
    "undefined-attribute": ("report.html.j2", "html", "has no attribute 'no_such_field'"),
    "partial-syntax-error": ("_title.html.j2", "html", "template syntax error: Expected an expression"),
    "unknown-filter": ("report.html.j2", "html", "No filter named 'shout'"),
    "runtime-error": ("report.html.j2", "html", "template error: ZeroDivisionError"),
    "missing-include": ("report.html.j2", "html", "template '_missing.html.j2' not found"),
    "typst-syntax-error": ("report.typ", "pdf", "expected expression"),
    "typst-reads-outside": ("report.typ", "pdf", "file not found"),
    "typst-package-import": ("report.typ", "pdf", "the template imports a Typst package (\"@preview/…)"),
}
OUTPUT = {"html": "index.html", "pdf": "report.pdf"}


def marker_line(file: Path) -> int:
    lines = [i for i, text in enumerate(file.read_text(encoding="utf-8").splitlines(), 1) if MARKER in text]
    assert len(lines) == 1, f"{file}: expected exactly one '{MARKER}' marker, found {len(lines)}"
    return lines[0]


def _digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_template_fixture_has_a_case() -> None:
    assert {p.name for p in TEMPLATES.iterdir() if p.is_dir()} == set(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_template_is_located(case: str, tmp_path: Path) -> None:
    file, fmt, says = CASES[case]
    folder = TEMPLATES / case
    before = _digest(folder)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", str(ASSESSMENT), "-o", str(out), "--format", fmt,
                                       "--templates", str(folder)])
    assert result.exit_code == 1, result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{folder / file}:{marker_line(folder / file)}:"), first
    assert says in first, result.stderr
    assert "Traceback" not in result.output + result.stderr
    # The error names the user's template, never rightskit's private temporary folder.
    assert "rightskit-pdf-" not in result.stderr, result.stderr
    assert not (out / OUTPUT[fmt]).exists(), "a failed render wrote a report"
    assert _digest(folder) == before, "rightskit modified the templates"


def test_typst_template_cannot_read_the_users_files(tmp_path: Path) -> None:
    """Even a template the user supplies is typeset in a private root: /etc/passwd is not there."""
    folder = TEMPLATES / "typst-reads-outside"
    result = CliRunner().invoke(main, ["render", str(ASSESSMENT), "-o", str(tmp_path / "out"), "--format", "pdf",
                                       "--templates", str(folder)])
    assert result.exit_code == 1
    assert "root:" not in result.output + result.stderr


def test_templates_folder_that_is_missing(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", str(ASSESSMENT), "-o", str(tmp_path / "out"), "--format", "html",
                                       "--templates", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'nope'}: templates folder not found")
    assert "Traceback" not in result.stderr


def test_debug_shows_the_template_traceback(tmp_path: Path) -> None:
    from rightskit.errors import TemplateError

    result = CliRunner().invoke(main, ["--debug", "render", str(ASSESSMENT), "-o", str(tmp_path / "out"),
                                       "--format", "html", "--templates", str(TEMPLATES / "runtime-error")])
    assert isinstance(result.exception, TemplateError)
