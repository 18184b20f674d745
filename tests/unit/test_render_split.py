"""A split render (helper processes for results.json and the last measure sections, render/split.py).

The split is real here: the helpers are forked processes. Thresholds are lowered so a small
generated assessment is split; everything else is what ``rightskit render`` does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from harness import load_module

from rightskit import pipeline
from rightskit.collector import paused
from rightskit.errors import RenderError, TemplateError
from rightskit.render import html as html_module
from rightskit.render import json_out, render_formats
from rightskit.render import split as split_module
from rightskit.render.diagrams import EMBED_MEASURES_UP_TO

ROOT = Path(__file__).resolve().parents[2]
N = 40  # above EMBED_MEASURES_UP_TO: a report this size embeds no measure diagrams

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the split needs os.fork (POSIX)")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> pipeline.Bundle:
    generate = load_module(ROOT / "benchmarks" / "generate.py", "rightskit_bench_generate")
    folder = tmp_path_factory.mktemp("generated")
    generate.write(N, folder)
    return pipeline.evaluate(folder / "assessment.yaml")


@pytest.fixture
def lowered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split_module, "SPLIT_FROM", 2)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # the split needs two CPUs; a one-CPU runner has one


def _render(bundle: pipeline.Bundle, out: Path, jobs: int, formats: tuple[str, ...] = ("html", "json")) -> list[Path]:
    with paused():
        return render_formats(bundle, list(formats), out, jobs=jobs)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp")


def test_the_rules_for_splitting() -> None:
    assert split_module.can_split(1_000, None, 2) == ((os.cpu_count() or 1) >= 2)
    assert not split_module.can_split(1_000, None, 1)  # --jobs 1
    assert not split_module.can_split(1_000, Path("my-templates"), 2)  # a user's templates
    assert not split_module.can_split(split_module.SPLIT_FROM - 1, None, 2)
    assert not split_module.can_split(split_module.SPLIT_UP_TO + 1, None, 2)
    assert split_module.SPLIT_FROM > EMBED_MEASURES_UP_TO


def test_never_split_when_measure_sections_embed_diagrams(lowered: None) -> None:
    assert not split_module.can_split(EMBED_MEASURES_UP_TO, None, 2)
    assert split_module.can_split(EMBED_MEASURES_UP_TO + 1, None, 2)


def test_a_split_render_is_byte_identical(bundle: pipeline.Bundle, tmp_path: Path, lowered: None) -> None:
    one = _render(bundle, tmp_path / "one", jobs=1, formats=("html", "json", "md"))
    two = _render(bundle, tmp_path / "two", jobs=2, formats=("html", "json", "md"))
    assert [p.name for p in one] == [p.name for p in two]
    assert [p.name for p in two][:3] == ["results.json", "report.md", "index.html"]  # then the diagrams
    for a, b in zip(one, two, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    html = (tmp_path / "two" / "index.html").read_text(encoding="utf-8")
    assert "rightskit-sections-" not in html  # the token never reaches the file
    assert html.count('<section class="measure"') == N
    assert _leftovers(tmp_path / "two") == []


def test_a_failing_sections_helper_is_raised_and_the_old_report_stays(
        bundle: pipeline.Bundle, tmp_path: Path, lowered: None, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("previous report", encoding="utf-8")

    def broken(*_args: object) -> None:
        raise TemplateError("_measure.html.j2:3: undefined: 'x' is undefined")

    monkeypatch.setattr(html_module, "measure_sections", broken)  # runs in the forked helper
    with pytest.raises(TemplateError, match="'x' is undefined"):
        _render(bundle, out, jobs=2)
    assert (out / "index.html").read_text(encoding="utf-8") == "previous report"
    assert _leftovers(out) == []


def test_a_helper_that_cannot_write_says_so(bundle: pipeline.Bundle, tmp_path: Path, lowered: None,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(html_module, "measure_sections", full)
    with pytest.raises(RenderError, match="writing the report failed: No space left on device"):
        _render(bundle, tmp_path, jobs=2)
    assert _leftovers(tmp_path) == []


def test_a_failing_json_helper_is_raised(bundle: pipeline.Bundle, tmp_path: Path, lowered: None,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_bundle: object) -> object:
        raise ValueError("serialiser broke")

    monkeypatch.setattr(json_out, "results_json_chunks", broken)
    with pytest.raises(RenderError, match="ValueError: serialiser broke"):
        _render(bundle, tmp_path, jobs=2)
    assert not (tmp_path / "results.json").exists()
    assert _leftovers(tmp_path) == []


def test_a_parent_that_fails_stops_its_helpers(bundle: pipeline.Bundle, tmp_path: Path, lowered: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> object:
        raise TemplateError("report.html.j2:1: broken")

    monkeypatch.setattr(html_module, "html_chunks", broken)  # in the parent, after both forks
    helpers: list[split_module.Helper] = []
    real_fork = split_module.fork

    def fork(work: Callable[[], None]) -> split_module.Helper:
        helpers.append(real_fork(work))
        return helpers[-1]

    monkeypatch.setattr(split_module, "fork", fork)
    with pytest.raises(TemplateError, match="broken"):
        _render(bundle, tmp_path, jobs=2)
    assert len(helpers) == 2  # the JSON helper and the sections helper
    for helper in helpers:  # each was stopped and waited for: none is left running, or a zombie
        with pytest.raises(ChildProcessError):
            os.waitpid(helper.pid, os.WNOHANG)
    assert not (tmp_path / "index.html").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_helper_that_dies_is_reported(bundle: pipeline.Bundle, tmp_path: Path, lowered: None,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def killed(*_args: object) -> None:
        os.kill(os.getpid(), 9)

    monkeypatch.setattr(html_module, "measure_sections", killed)
    with pytest.raises(RenderError, match=r"a helper process stopped \(signal 9\); run again with --jobs 1"):
        _render(bundle, tmp_path, jobs=2)
    assert _leftovers(tmp_path) == []


def test_the_cli_takes_jobs_one_or_two(tmp_path: Path) -> None:
    flagship = ROOT / "reports" / "interim-regulation-2021-1232"
    ok = subprocess.run([sys.executable, "-m", "rightskit", "render", str(flagship), "-o", str(tmp_path),
                         "--format", "json", "--jobs", "1"], capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run([sys.executable, "-m", "rightskit", "render", str(flagship), "-o", str(tmp_path),
                          "--format", "json", "--jobs", "3"], capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "--jobs" in bad.stderr and "Traceback" not in bad.stderr
