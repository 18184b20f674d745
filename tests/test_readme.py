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
