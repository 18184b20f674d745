"""Smoke run of the benchmark harness at N = 10: it runs, and reports every stage.

Benchmarks are never timed tests: nothing here asserts a time limit, only that each stage ran and
took a positive time, and that the results files are written.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

#: runs the benchmark harness: left out of `make quick`, run by `make test`.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "benchmarks" / "run.py"


@pytest.mark.skipif(shutil.which("dot") is None and os.environ.get("CI", "").lower() not in ("1", "true", "yes"),
                    reason="Graphviz 'dot' is needed for the diagram stages (required under CI=true)")
def test_runner_smoke_n10(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(RUNNER), "--sizes", "10", "--quick", "--repeat", "1", "--out", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads((tmp_path / "latest.json").read_text())
    assert (tmp_path / "latest.md").read_text().startswith("# rightskit benchmarks")

    sys.path.insert(0, str(RUNNER.parent))
    try:
        from run import STAGES
    finally:
        sys.path.remove(str(RUNNER.parent))
    stages = data["sizes"]["10"]["stages"]
    assert set(STAGES) <= set(stages), sorted(set(STAGES) - set(stages))
    for name in STAGES:
        stage = stages[name]
        assert stage.get("status", "ok") == "ok", (name, stage)
        assert stage["seconds"] > 0, name
        assert stage["peak_rss_mb"] > 0, name
    assert data["sizes"]["10"]["counts"]["measures"] == 10
    assert data["sizes"]["10"]["yaml"]["seconds"] > 0
    assert data["machine"]["nproc"] >= 1
