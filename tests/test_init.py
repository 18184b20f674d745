"""`rightskit init`: a guided start that writes a commented assessment which passes `check`, never overwriting."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from rightskit.cli import main


def test_init_with_defaults_passes_check(tmp_path: Path) -> None:
    folder = tmp_path / "first"
    result = CliRunner().invoke(main, ["init", str(folder), "--yes"])
    assert result.exit_code == 0, result.output
    text = (folder / "assessment.yaml").read_text(encoding="utf-8")
    assert text.startswith("# My first assessment\n") and "# legal_basis:" in text
    checked = CliRunner().invoke(main, ["check", str(folder)])
    assert checked.exit_code == 0, checked.stderr
    assert checked.output.startswith("✓ My first assessment (my-first-assessment)")


def test_init_asks_and_quotes_the_answers(tmp_path: Path) -> None:
    answers = 'Scan, then report\nGrooming "classifier": text\nanalysis\neu-charter/art-8\n'
    result = CliRunner().invoke(main, ["init", str(tmp_path / "asked")], input=answers)
    assert result.exit_code == 0, result.output
    checked = CliRunner().invoke(main, ["check", str(tmp_path / "asked")])
    assert checked.exit_code == 0, checked.stderr
    assert "✓ Scan, then report (scan-then-report)" in checked.output


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "assessment.yaml").write_text("mine\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--yes"])
    assert result.exit_code == 1
    assert "already here — choose another folder; init never overwrites a file" in result.stderr
    assert (tmp_path / "assessment.yaml").read_text(encoding="utf-8") == "mine\n"
