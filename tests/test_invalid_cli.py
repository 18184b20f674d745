"""Command-line mistakes: exit code 2, a message naming the bad argument, no traceback, no file touched.

Each case runs one command against a private copy of a small valid assessment, so a command that wrongly
writes over its input shows up as a changed hash.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from rightskit.cli import main

MINIMAL = Path(__file__).resolve().parent / "fixtures" / "security" / "minimal"

# name -> (arguments; {A} is the assessment file, {O} a fresh output path, {F} an existing file, {D} an existing
# folder), expected exit code, words the message must contain
CASES: dict[str, tuple[list[str], int, str]] = {
    "as-of-impossible-date": (["evaluate", "{A}", "--as-of", "2022-02-30"], 2,
                              "Invalid value for '--as-of': '2022-02-30' is not a date like 2022-06-01"),
    "as-of-words": (["render", "{A}", "-o", "{O}", "--as-of", "next tuesday"], 2,
                    "Invalid value for '--as-of': 'next tuesday' is not a date"),
    "diff-as-of-b": (["diff", "{A}", "{A}", "--as-of-b", "2023-13-01"], 2,
                     "Invalid value for '--as-of-b': '2023-13-01' is not a date"),
    "frameworks-as-of": (["frameworks", "eu-charter", "--as-of", "2022/06/01"], 2,
                         "Invalid value for '--as-of': '2022/06/01' is not a date"),
    "render-unknown-format": (["render", "{A}", "-o", "{O}", "--format", "html,odt"], 2,
                              "unknown format 'odt'; valid formats: json, md, html, pdf, docx, svg"),
    "render-no-format": (["render", "{A}", "-o", "{O}", "--format", " , "], 2, "no format given"),
    "evaluate-unknown-format": (["evaluate", "{A}", "--format", "xml"], 2,
                                "Invalid value for '--format': 'xml' is not one of 'json', 'text'"),
    "diagram-unknown-format": (["diagram", "{A}", "--format", "gif"], 2,
                               "Invalid value for '--format': 'gif' is not one of"),
    "view-unknown-measure": (["diagram", "{A}", "--view", "measure:scna"], 2,
                             "unknown measure 'scna' in view 'measure:scna': did you mean 'scan'?"),
    "view-unknown-right": (["diagram", "{A}", "--view", "right:eu-charter/art-9"], 2,
                           "unknown right 'eu-charter/art-9' in view 'right:eu-charter/art-9': did you mean"),
    "view-unknown-kind": (["diagram", "{A}", "--view", "measures"], 2,
                          "unknown view 'measures': valid views are overview, chain, measure:<id>, right:<ref>"),
    "diagram-png-without-output": (["diagram", "{A}", "--format", "png"], 2, "--format png is binary: give -o FILE"),
    "diagram-pdf-without-output": (["diagram", "{A}", "--format", "pdf"], 2, "--format pdf is binary: give -o FILE"),
    "render-output-is-a-file": (["render", "{A}", "-o", "{F}"], 2, "is a file, not a folder"),
    "evaluate-output-is-a-folder": (["evaluate", "{A}", "-o", "{D}"], 2, "is a folder; give a file name"),
    "evaluate-output-is-the-input": (["evaluate", "{A}", "-o", "{A}"], 2, "is an input of this command"),
    "export-output-is-the-input": (["export", "{A}", "-o", "{A}"], 2, "is an input of this command"),
    "diagram-output-is-the-input": (["diagram", "{A}", "--format", "dot", "-o", "{A}"], 2,
                                    "is an input of this command"),
    "templates-is-a-file": (["render", "{A}", "-o", "{O}", "--templates", "{F}"], 2,
                            "Invalid value for '--templates'"),
    "frameworks-dir-missing": (["check", "{A}", "--frameworks-dir", "{O}"], 2,
                               "Invalid value for '--frameworks-dir'"),
    "diff-rename-malformed": (["diff", "{A}", "{A}", "--rename", "scan"], 2, "--rename 'scan': write OLD=NEW"),
    "diff-rename-unknown-measure": (["diff", "{A}", "{A}", "--rename", "scna=scan"], 2,
                                    "'minimal' has no measure 'scna'"),
    "frameworks-unknown-id": (["frameworks", "eu-chartr"], 2,
                              "unknown framework 'eu-chartr'. did you mean 'eu-charter'"),
    "serve-port-out-of-range": (["serve", "{A}", "--port", "99999"], 2, "Invalid value for '--port'"),
    "render-without-output": (["render", "{A}"], 2, "Missing option '-o' / '--output'"),
    "check-without-path": (["check"], 2, "Missing argument 'PATHS...'"),
    "unknown-option": (["check", "{A}", "--colour"], 2, "No such option '--colour'"),
    "unknown-command": (["chekc", "{A}"], 2, "No such command 'chekc'"),
}


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_arguments_exit_2_with_a_message(case: str, tmp_path: Path) -> None:
    args, code, says = CASES[case]
    work = tmp_path / "work"
    shutil.copytree(MINIMAL, work / "input")
    (work / "existing.txt").write_text("keep me\n", encoding="utf-8")
    (work / "folder").mkdir()
    fill = {"{A}": str(work / "input" / "assessment.yaml"), "{O}": str(work / "out"),
            "{F}": str(work / "existing.txt"), "{D}": str(work / "folder")}
    before = _digest(work)
    result = CliRunner().invoke(main, [fill.get(a, a) for a in args])
    output = result.output + result.stderr
    assert result.exit_code == code, output
    assert says in result.stderr, result.stderr
    assert "Traceback" not in output
    assert "internal error" not in output
    # A refused command writes nothing: no file changed, none created.
    assert _digest(work) == before, f"files changed: {set(_digest(work).items()) ^ set(before.items())}"


def test_every_command_with_an_unreadable_path_fails_cleanly(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    for args in (["check", missing], ["evaluate", missing], ["render", missing, "-o", str(tmp_path / "o")],
                 ["diagram", missing], ["export", missing], ["diff", missing, missing]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, (args, result.output)
        assert result.stderr.startswith(f"{missing}: file not found"), (args, result.stderr)
        assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "o").exists()


def test_an_unwritable_output_is_a_message_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["diagram", str(MINIMAL), "--format", "dot", "-o", str(blocker / "x.dot")])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"{blocker / 'x.dot'}: cannot write"), result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert blocker.read_text(encoding="utf-8") == "x"


def test_internal_errors_show_no_traceback_without_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    import rightskit.pipeline

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(rightskit.pipeline, "evaluate", boom)
    result = CliRunner().invoke(main, ["evaluate", str(MINIMAL)])
    assert result.exit_code == 3
    assert "internal error: RuntimeError: simulated bug" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    result = CliRunner().invoke(main, ["--debug", "evaluate", str(MINIMAL)])
    assert isinstance(result.exception, RuntimeError)
