"""The wheel ships the frameworks: build it, install it outside the repository, list the frameworks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_lists_frameworks(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True, text=True)
    wheel = next(dist.glob("rightskit-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", str(wheel)], check=True, capture_output=True, text=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    out = subprocess.run([str(venv / "bin" / "rightskit"), "frameworks"], cwd=tmp_path, env=env,
                         check=True, capture_output=True, text=True)
    assert "eu-charter" in out.stdout and "reg-2021-1232" in out.stdout
    assert "records verified against official texts" in out.stdout
    # The installed package must not be reading the repository's folder.
    where = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "from rightskit.load import packaged_frameworks_dir as p; print(p())"],
                           cwd=tmp_path, env=env, check=True, capture_output=True, text=True).stdout.strip()
    assert where.startswith(str(venv)), where
