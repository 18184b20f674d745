"""Atomic and reproducible output.

* A render killed with SIGKILL at any moment leaves every file in the output folder either the previous
  complete file or the new complete file: never a truncated one, never a temporary file under a final name.
* Two renders of the same input are byte-identical (HTML, Markdown, JSON, SVG, the DOT of every view), also
  across processes with different hash seeds and into different folders; with SOURCE_DATE_EPOCH set the PDF
  is too.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
MINIMAL = ROOT / "fixtures" / "security" / "minimal"
EPOCH = "1700000000"
FORMATS = "html,md,json,svg,pdf"


def contents(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path (hidden temporary files included)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_render(source: Path, out: Path, *, seed: str = "0", formats: str = FORMATS) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": seed}
    return subprocess.Popen([sys.executable, "-m", "rightskit", "render", str(source), "-o", str(out),
                             "--format", formats], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def render_now(source: Path, out: Path, *, seed: str = "0", formats: str = FORMATS) -> dict[str, bytes]:
    proc = run_render(source, out, seed=seed, formats=formats)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode("utf-8", "replace")
    return contents(out)


# --- atomic ----------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_killed_render_leaves_old_or_new_complete_files(tmp_path: Path) -> None:
    source = tmp_path / "input" / "assessment.yaml"
    shutil.copytree(MINIMAL, source.parent)
    out = tmp_path / "out"
    old = render_now(source, out)
    # Change the input so every output changes, and render the new state elsewhere for reference.
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("title: Scanning uploads for known abuse material",
                                   "title: Scanning uploads, second edition")
                      .replace("Every image a user sends is analysed.", "Every image is analysed, twice."),
                      encoding="utf-8")
    new = render_now(source, tmp_path / "reference")
    changed = [name for name in old if name in new and old[name] != new[name]]
    assert {"index.html", "report.md", "results.json", "report.pdf"} <= set(changed), changed

    hits = set()
    for delay in (0.05, 0.2, 0.5, 0.8, 1.1, 1.4, 1.8, 2.4, 3.2):
        proc = run_render(source, out)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        now = contents(out)
        for name, data in now.items():
            if Path(name).name.startswith("."):
                continue  # a temporary file a killed writer could not remove: hidden, never a final name
            assert name in old or name in new, f"after {delay} s: unexpected file {name}"
            assert data in (old.get(name), new.get(name)), f"after {delay} s: {name} is neither old nor new"
            hits.add("new" if data == new.get(name) and data != old.get(name) else "old")
        assert set(old) - set(now) == set(), f"after {delay} s: files vanished: {set(old) - set(now)}"
    # Finally let one run finish: the folder then holds exactly the new report (plus any hidden leftovers).
    final = render_now(source, out)
    assert {k: v for k, v in final.items() if not Path(k).name.startswith(".")} == new


# --- reproducible ----------------------------------------------------------------------------------------


def test_two_renders_in_process_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rightskit.pipeline import evaluate
    from rightskit.render import render_formats
    from rightskit.render.diagram import build_view, views_for

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    outputs = []
    dots = []
    for run in ("one", "two"):
        bundle = evaluate(MINIMAL)
        render_formats(bundle, ["html", "md", "json", "svg"], tmp_path / run / "deeper" / "out")
        outputs.append(contents(tmp_path / run / "deeper" / "out"))
        dots.append({view: build_view(bundle, view).source for view in views_for(bundle)})
    assert outputs[0].keys() == outputs[1].keys()
    for name in outputs[0]:
        assert outputs[0][name] == outputs[1][name], f"{name} differs between two renders"
    assert dots[0] == dots[1]
    assert len(dots[0]) >= 4
    # No clock: nothing says when the report was made (the assessment is as of 2022-06-01).
    import datetime as dt

    today = dt.date.today().isoformat().encode()
    assert not [name for name, data in outputs[0].items() if today in data]


@pytest.mark.slow
def test_renders_in_two_processes_with_different_hash_seeds_are_byte_identical(tmp_path: Path) -> None:
    first = render_now(MINIMAL, tmp_path / "a", seed="1")
    second = render_now(MINIMAL, tmp_path / "some" / "other" / "b", seed="4242")
    assert first.keys() == second.keys()
    assert "report.pdf" in first
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"not reproducible: {differing}"


def test_pdf_with_source_date_epoch_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rightskit.pipeline import evaluate
    from rightskit.render import render_formats

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    digests = []
    for run in ("one", "two"):
        render_formats(evaluate(MINIMAL), ["pdf"], tmp_path / run)
        digests.append(hashlib.sha256((tmp_path / run / "report.pdf").read_bytes()).hexdigest())
    assert digests[0] == digests[1]
    data = (tmp_path / "one" / "report.pdf").read_bytes()
    assert b"2023" in data or b"D:2023" in data  # the epoch's date (2023-11-14), not today's
