"""The README's quickstart works as written: its YAML and Python assessments check and agree."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from rightskit.cli import main
from rightskit.load import load_assessment

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _block(lang: str, marker: str) -> str:
    for body in re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S):
        if marker in body:
            return str(body)
    raise AssertionError(f"no ```{lang} block containing {marker!r} in README.md")


def test_quickstart_yaml_and_python_agree(tmp_path: Path) -> None:
    folder = tmp_path / "my-assessment"
    folder.mkdir()
    (folder / "assessment.yaml").write_text(_block("yaml", "id: my-assessment"), encoding="utf-8")
    py = tmp_path / "my-assessment.py"
    py.write_text(_block("python", "from rightskit import Assessment"), encoding="utf-8")
    for path in (folder, py):
        result = CliRunner().invoke(main, ["check", str(path)])
        assert result.exit_code == 0, result.stderr
        assert "✓ Scanning uploads for known abuse material" in result.output
    assert load_assessment(folder).model == load_assessment(py).model


def test_quickstart_walked_literally(tmp_path: Path) -> None:
    """Write the quickstart's files where their first comment says, run its shell block line by line in a
    fresh folder, and compare each output with what the README says it prints."""
    import os
    import shlex
    import subprocess
    import sys

    for lang, marker in (("yaml", "id: my-assessment"), ("python", "from rightskit import Assessment")):
        body = _block(lang, marker)
        target = tmp_path / body.splitlines()[0].lstrip("# ").strip()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    outputs: dict[str, str] = {}
    for line in _block("sh", "rightskit check my-assessment").splitlines():
        command = line.split("#", 1)[0].strip()
        if not command:
            continue
        run = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True,
                             timeout=300)
        assert run.returncode == 0, (command, run.stderr)
        outputs[shlex.split(command)[1]] = run.stdout
    assert outputs["check"].startswith("✓ Scanning uploads for known abuse material (my-assessment)\n")
    assert "reg-2026-1881" in outputs["check"] and "(in-force)" in outputs["check"]
    assert outputs["evaluate"] == _block("text", "Why each verdict:"), "update the output shown in README.md"
    for name in ("index.html", "results.json"):
        assert (tmp_path / "build" / "mine" / name).is_file()
    # The example cites a whole-act record whose pinpoint names the act: no label says it twice.
    html = (tmp_path / "build" / "mine" / "index.html").read_text(encoding="utf-8")
    assert "(whole act; no article verified)" in html
    assert "2026/1881 Regulation (EU) 2026/1881" not in html and "verified) Regulation (EU)" not in html
    # The catalogue also cites what the CSA Regulation drafts provide: not the law of this example, not listed.
    assert 'id="bib-csar-' not in html and 'href="#bib-csar-' not in html
    assert (tmp_path / "overview.svg").read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
    for command in ("rightskit check my-assessment.py", "rightskit export --format yaml my-assessment.py"):
        run = subprocess.run(shlex.split(command), cwd=tmp_path, env=env, capture_output=True, text=True)
        assert run.returncode == 0, (command, run.stderr)
