"""Benchmarks: time and memory of every pipeline stage for N = 10 … 10,000 measures, and the CLI targets.

    python benchmarks/run.py                       # everything: stages, CLI targets, pytm side by side
    python benchmarks/run.py --sizes 10 --quick    # the smoke run (no CLI targets, no pytm)
    python benchmarks/run.py --profile 10000       # cProfile of one size into results/profile-10000.txt

Each size runs in a fresh Python process (``--worker``), so no size sees another's caches or heap.
Stages: import, load (YAML + include:), validate (pydantic + references + frameworks), graph,
evaluate, json, diagrams (the report's embedded views), context, md, html, pdf, then each diagram
view on its own (overview, chain, one measure, the busiest right) and the svg output with every view.

Memory: peak RSS per stage, read as VmHWM from /proc/self/status after resetting the high-water
mark (``5`` into /proc/self/clear_refs) when the stage starts; the process peak is the largest of
them. Where clear_refs is not writable the figure is the process's cumulative ru_maxrss. Graphviz
runs as a child process: its peak is ru_maxrss of RUSAGE_CHILDREN. CLI commands and pytm are timed
as whole processes, their peak RSS read with os.wait4 (the largest single process). The CLI render
also runs once more untimed, sampling the PSS of all its processes (it forks helpers for 200 to 5,000
measures): the memory target is the larger of the two figures.

Results: results/latest.json and results/latest.md (override with --out).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import pytm_model  # noqa: E402

DEFAULT_SIZES = (10, 100, 1_000, 10_000)
DEFAULT_ASSESSMENT = ROOT / "reports" / "interim-regulation-2021-1232"
PYTM_VENV = HERE / ".venv-pytm"
PYTM_VERSION = "1.4.0"
#: Stages every worker reports, in order (the smoke test checks each has a positive time).
STAGES = ("import", "load", "validate", "graph", "evaluate", "json", "diagrams", "context", "html", "md", "docx",
          "pdf", "view:overview", "view:chain", "view:measure", "view:right", "svg")
#: The stages that make up "the HTML report": YAML to index.html (graph included).
HTML_PATH = ("load", "validate", "graph", "evaluate", "diagrams", "context", "html")

#: The PDF at N = 10,000 before it was typeset in parts (issue 17; benchmarks/README.md, run at 8f84c92),
#: shown beside this run's figures.
PDF_10000_BEFORE = {"seconds": 42.9, "peak_rss_mb": 5.4 * 1024, "commit": "8f84c92"}

TARGETS = {
    "demo_s": 2.0, "html_json_1000_s": 3.0, "html_json_10000_s": 30.0, "peak_10000_mb": 1024.0,
    "growth_10000_over_1000": 12.0, "help_s": 0.150, "check_s": 0.5, "yaml_ratio": 3.0,
}


# ----------------------------------------------------------------------------------------------------------
# Measuring


def _clear_refs() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _hwm_kb() -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Meter:
    """Times stages and records the peak RSS of each; writes what it has after every stage."""

    def __init__(self, checkpoint: Path | None = None) -> None:
        self.stages: dict[str, dict[str, Any]] = {}
        self.per_stage_peak = _clear_refs()
        self.broken = ""
        self.checkpoint = checkpoint

    def save(self, **extra: Any) -> None:
        if self.checkpoint is not None:
            self.checkpoint.write_text(json.dumps({"stages": self.stages, "partial": True, **extra}, indent=1))

    def run(self, name: str, fn: Callable[[], Any], *, core: bool = False) -> Any:
        """Run stage ``name``; a core stage that fails stops every later stage, an output stage only itself."""
        if self.broken:
            self.stages[name] = {"status": f"not run ({self.broken})"}
            return None
        self.per_stage_peak = _clear_refs()
        cpu = time.process_time()
        start = time.perf_counter()
        try:
            value = fn()
        except MemoryError:
            value = None
            self.stages[name] = {"status": "out of memory", "seconds": time.perf_counter() - start}
            if core:
                self.broken = f"out of memory in {name}"
        except Exception as exc:  # a stage that breaks is a result too; later stages go on where they can
            value = None
            self.stages[name] = {"status": "error", "error": f"{type(exc).__name__}: {exc}"[:500],
                                 "seconds": time.perf_counter() - start}
            if core:
                self.broken = f"error in {name}"
        else:
            self.stages[name] = {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu,
                                 "peak_rss_mb": _hwm_kb() / 1024}
        self.save()
        return value

    def forked(self, name: str, fn: Callable[[], object], limits: dict[str, float], skip: dict[str, str]) -> None:
        if self.broken or name in skip:
            self.stages[name] = {"status": f"not run ({self.broken or skip[name]})"}
        else:
            self.stages[name] = forked(fn, limits)
        self.save()


def forked(fn: Callable[[], object], limits: dict[str, float]) -> dict[str, Any]:
    """Run ``fn`` in a forked child, capped by a timeout and RLIMIT_AS over the parent's address space.

    For the stages that can run away (the PDF, the svg output with one Graphviz run per view): the
    child inherits everything built so far, so it measures exactly that stage, and a stage that
    times out or runs out of memory is recorded as such instead of taking the machine with it.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_end)
        msg: dict[str, Any]
        try:
            budget = int(limits["memory_gb"] * 2**30)
            hard = resource.getrlimit(resource.RLIMIT_AS)[1]
            soft = _vm_size() + budget
            resource.setrlimit(resource.RLIMIT_AS, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
            _clear_refs()
            cpu = time.process_time()
            start = time.perf_counter()
            extra = fn()
            msg = {"status": "ok", "seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu,
                   "peak_rss_mb": _hwm_kb() / 1024, **(extra if isinstance(extra, dict) else {})}
        except MemoryError:
            msg = {"status": "out of memory"}
        except BaseException as exc:
            text = repr(exc)
            oom = any(w in text.lower() for w in ("memory", "alloc"))
            msg = {"status": "out of memory" if oom else "error", "error": text[:500]}
        with os.fdopen(write_end, "w") as f:
            f.write(json.dumps(msg))
        os._exit(0)
    os.close(write_end)
    start = time.perf_counter()
    status = None
    while True:
        done, wait_status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.perf_counter() - start > limits["timeout"]:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            status = "timeout"
            break
        time.sleep(0.005)
    seconds = time.perf_counter() - start
    with os.fdopen(read_end) as f:
        text = f.read()
    if status is None and text:
        return {**json.loads(text), "limit": limits}
    if status is None:  # killed without a word: Rust allocators abort on failed allocations
        status = "out of memory" if os.WIFSIGNALED(wait_status) else "error"
    return {"status": status, "seconds": seconds, "limit": limits}


def _vm_size() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def run_stages(assessment: Path, out_dir: Path, skip: dict[str, str], limits: dict[str, float],
               checkpoint: Path | None = None) -> dict[str, Any]:
    """Run every stage once, in this process, on the assessment at ``assessment``.

    ``skip`` maps a stage (pdf, svg) to the reason it is not run; ``limits`` caps the forked stages.
    The stages call the same functions, in the same order, as pipeline.render(); load and validate
    are pipeline.load() split in two so they are timed apart.
    """
    meter = Meter(checkpoint)
    st: dict[str, Any] = {}

    def imports() -> None:
        import graphviz  # noqa: F401
        import jinja2  # noqa: F401
        import networkx  # noqa: F401
        import typst  # noqa: F401

        import rightskit.evaluate
        import rightskit.load
        import rightskit.render
        import rightskit.render.context_builder
        import rightskit.render.diagram
        import rightskit.render.html
        import rightskit.render.json_out
        import rightskit.render.markdown
        import rightskit.render.pdf
        import rightskit.render.word  # noqa: F401

    meter.run("import", imports, core=True)
    from functools import partial

    from rightskit import pipeline
    from rightskit.evaluate import evaluate
    from rightskit.gc_pause import paused
    from rightskit.load import FrameworkLibrary, find_assessment_file, packaged_frameworks_dir, resolve
    from rightskit.load.assessment_yaml import display_path, read_assessment_yaml
    from rightskit.load.validate import validate
    from rightskit.load.yamlsource import locate
    from rightskit.model import Assessment
    from rightskit.render import render_formats
    from rightskit.render.context_builder import build_context
    from rightskit.render.diagram import diagram
    from rightskit.render.diagram_set import DiagramSet, all_views, report_views
    from rightskit.render.html import html_chunks
    from rightskit.render.json_out import results_json_chunks
    from rightskit.render.markdown import markdown_chunks
    from rightskit.render.output import atomic_write
    from rightskit.render.pdf import render_pdf
    from rightskit.render.word import render_docx

    file = find_assessment_file(assessment)
    shown = display_path(file)
    out_dir.mkdir(parents=True, exist_ok=True)

    def load() -> None:
        st["raw"], st["files"] = read_assessment_yaml(file)

    def validate_() -> None:
        locator = partial(locate, st["raw"])
        model = validate(Assessment, st["raw"], locator, shown, "assessment")
        st["resolved"] = resolve(model, FrameworkLibrary([packaged_frameworks_dir()]), locator, shown, st["files"])
        st["resolved"].settle()  # as pipeline.load() does: the parsed YAML is not kept
        st.pop("raw")

    def evaluate_() -> None:
        rg = st["graph"]
        st["bundle"] = pipeline.Bundle(st["resolved"], rg, evaluate(rg), pipeline.input_files(st["resolved"]))

    def diagrams() -> None:
        st["records"] = DiagramSet(st["bundle"]).records(report_views(st["bundle"]))

    # Every stage runs as the pipeline runs it: with the cyclic collector paused (rightskit/gc_pause.py),
    # and the outputs streamed to disk as render_formats() writes them.
    def rendering(work: Callable[[], object]) -> Callable[[], object]:
        def run() -> object:
            with paused():
                return work()
        return run

    meter.run("load", rendering(load), core=True)
    meter.run("validate", rendering(validate_), core=True)
    meter.run("graph", lambda: st.__setitem__("graph", pipeline.graph(st["resolved"])), core=True)
    meter.run("evaluate", rendering(evaluate_), core=True)
    meter.run("json", rendering(lambda: atomic_write(out_dir / "results.json", results_json_chunks(st["bundle"]))))
    meter.run("diagrams", rendering(diagrams), core=True)
    meter.run("context", rendering(lambda: st.__setitem__("ctx", build_context(st["bundle"], st["records"]))),
              core=True)
    meter.run("html", rendering(lambda: atomic_write(out_dir / "index.html", html_chunks(st["ctx"]))))
    meter.run("md", rendering(lambda: atomic_write(out_dir / "report.md", markdown_chunks(st["ctx"]))))
    # Forked like the PDF: python-docx's tree (some 650 MB at N = 10,000) would otherwise stay in this
    # process's high-water mark and be counted in every stage after it.
    meter.forked("docx", rendering(lambda: atomic_write(out_dir / "report.docx", render_docx(st["ctx"]))),
                 limits, skip)
    def pdf() -> dict[str, float]:
        """The PDF; a large one is typeset in parts in processes of their own, whose peaks are added."""
        from rightskit.render.pdf_parts import LAST_RUN

        LAST_RUN.clear()
        (out_dir / "report.pdf").write_bytes(render_pdf(st["ctx"]))
        if not LAST_RUN:
            return {}
        return {"parts": LAST_RUN["parts"], "typst_peak_rss_mb": LAST_RUN["typeset_mb"],
                "merge_peak_rss_mb": LAST_RUN["merge_mb"]}

    meter.forked("pdf", pdf, limits, skip)
    st.pop("ctx", None)
    st.pop("records", None)
    bundle = st.get("bundle")
    samples: dict[str, str] = {}
    if bundle is not None:
        a = bundle.resolved.assessment
        measures = sorted(m.id for m in a.measures)
        busiest: dict[str, int] = {}
        for m in a.measures:
            for i in m.interferes:
                busiest[i.right] = busiest.get(i.right, 0) + 1
        right = max(sorted(busiest), key=lambda r: busiest[r])
        samples = {"overview": "overview", "chain": "chain", "measure": f"measure:{measures[len(measures) // 2]}",
                   "right": f"right:{right}"}
    view_bytes: dict[str, int] = {}
    for key, view in samples.items() or [(k, "") for k in ("overview", "chain", "measure", "right")]:
        view_bytes[key] = meter.run(f"view:{key}", lambda view=view: len(diagram(bundle, view, "svg"))) or 0
        meter.stages[f"view:{key}"]["view"] = view
    meter.forked("svg", rendering(lambda: len(render_formats(bundle, ["svg"], out_dir))), limits, skip)
    if bundle is not None:
        meter.stages["diagrams"]["views"] = len(report_views(bundle))
        meter.stages["svg"]["views"] = len(all_views(bundle))
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    outputs = ("results.json", "report.md", "index.html", "report.docx", "report.pdf")
    sizes = {name: (out_dir / name).stat().st_size for name in outputs if (out_dir / name).exists()}
    files = st.get("files") or []
    counts: dict[str, int] = {"input_files": len(files), "input_bytes": sum(f.stat().st_size for f in files)}
    if bundle is not None:
        a = bundle.resolved.assessment
        counts.update({"measures": len(a.measures), "interferences": sum(len(m.interferes) for m in a.measures),
                       "safeguards": len(a.safeguards), "aims": len(a.aims), "alternatives": len(a.alternatives)})
    return {
        "stages": meter.stages,
        "per_stage_peak": meter.per_stage_peak,
        "peak_rss_mb": max(s.get("peak_rss_mb", 0.0) for s in meter.stages.values()),
        "graphviz_peak_rss_mb": children,
        "output_bytes": sizes,
        "view_svg_bytes": view_bytes,
        "counts": counts,
    }


def bare_yaml(assessment: Path) -> dict[str, Any]:
    """The floor: yaml.load with CSafeLoader (libyaml) of the same files, nothing else."""
    import yaml

    files = sorted(assessment.glob("*.yaml"))
    cpu = time.process_time()
    start = time.perf_counter()
    for f in files:
        yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    gc.disable()
    start = time.perf_counter()
    for f in files:
        yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    no_gc = time.perf_counter() - start
    gc.enable()
    return {"seconds": seconds, "cpu_seconds": cpu, "seconds_gc_disabled": no_gc, "files": len(files),
            "bytes": sum(f.stat().st_size for f in files)}


# ----------------------------------------------------------------------------------------------------------
# Child processes


def run_process(cmd: Sequence[str], *, timeout: float | None = None, memory_bytes: int | None = None,
                stdout: Any = subprocess.DEVNULL, cwd: Path | None = None) -> dict[str, Any]:
    """Run ``cmd``; wall time, exit status and peak RSS (os.wait4), with an optional timeout and RLIMIT_AS."""

    def limit() -> None:
        os.setsid()
        if memory_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    err = tempfile.TemporaryFile()  # noqa: SIM115 - closed below, after the child is reaped
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), stdout=stdout, stderr=err, preexec_fn=limit, cwd=cwd)
    deadline = None if timeout is None else start + timeout
    status = "ok"
    while True:
        pid, wait_status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if deadline is not None and time.perf_counter() > deadline:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            pid, wait_status, usage = os.wait4(proc.pid, 0)
            status = "timeout"
            break
        time.sleep(0.002)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(wait_status)
    err.seek(0)
    stderr = err.read()
    err.close()
    if status == "ok" and proc.returncode != 0:
        text = stderr.decode("utf-8", "replace")
        oom = ("MemoryError" in text or "out of memory" in text.lower() or "std::bad_alloc" in text
               or proc.returncode in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGKILL))
        status = "out of memory" if (memory_bytes and oom) else "error"
    return {"status": status, "seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "peak_rss_mb": usage.ru_maxrss / 1024,
            "returncode": proc.returncode, "stderr_tail": stderr.decode("utf-8", "replace")[-600:]}


def _tree(pid: int) -> list[int]:
    """``pid`` and every process below it (helpers forked by the CLI, dot runs)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    todo += [int(x) for x in f.read().split()]
    return found


def _pss_rss_kb(pid: int) -> tuple[int, int]:
    with contextlib.suppress(OSError), open(f"/proc/{pid}/smaps_rollup") as f:
        fields = dict(line.split()[:2] for line in f if line.startswith(("Pss:", "Rss:")))
        return int(fields.get("Pss:", 0)), int(fields.get("Rss:", 0))
    return 0, 0


def tree_memory(cmd: Sequence[str], *, timeout: float, interval: float = 0.02) -> dict[str, Any]:
    """Peak memory of ``cmd`` with every process it starts: the sum of their PSS, sampled every ``interval``.

    ru_maxrss (run_process) is the peak of the largest single process; a command that forks helpers uses
    the sum. PSS splits pages shared after a fork between the processes that share them, so the sum is the
    physical memory the command holds. Sampling costs CPU, so this is a separate run from the timed ones.
    """
    if not Path("/proc/self/smaps_rollup").exists():
        return {"status": "not measured (no /proc/<pid>/smaps_rollup)"}
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    peak_pss = peak_rss = most = 0
    while proc.poll() is None:
        pids = _tree(proc.pid)
        sizes = [_pss_rss_kb(pid) for pid in pids]
        peak_pss = max(peak_pss, sum(p for p, _ in sizes))
        peak_rss = max(peak_rss, sum(r for _, r in sizes))
        most = max(most, len(pids))
        if time.perf_counter() - start > timeout:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return {"status": "timeout"}
        time.sleep(interval)
    return {"status": "ok" if proc.returncode == 0 else "error", "peak_pss_mb": peak_pss / 1024,
            "peak_rss_sum_mb": peak_rss / 1024, "processes": most, "interval_s": interval}


def rightskit_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "rightskit"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "rightskit"]


def best_of(cmd: Sequence[str], repeat: int, **kw: Any) -> dict[str, Any]:
    runs = [run_process(cmd, **kw) for _ in range(repeat)]
    ok = [r for r in runs if r["status"] == "ok"]
    if not ok:
        return runs[-1]
    best = min(ok, key=lambda r: r["seconds"])
    return {**best, "runs": [round(r["seconds"], 4) for r in runs],
            "median": statistics.median(r["seconds"] for r in ok), "peak_rss_mb": max(r["peak_rss_mb"] for r in ok)}


def worker(n: int, work: Path, skip: dict[str, str], limits: dict[str, float], profile: Path | None = None
           ) -> dict[str, Any]:
    """Run one size in a fresh process; returns the worker's JSON."""
    out = work / f"out-{n}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(work / f"n{n}"), "--worker-out", str(out),
           "--worker-skip", json.dumps(skip), "--stage-timeout", str(limits["timeout"]),
           "--stage-memory-gb", str(limits["memory_gb"])]
    if profile:
        cmd += ["--worker-profile", str(profile)]
    result_file = work / f"worker-{n}.json"
    result_file.unlink(missing_ok=True)
    cmd += ["--worker-result", str(result_file)]
    proc = run_process(cmd, stdout=None, timeout=limits["worker_timeout"],
                       memory_bytes=int(limits["worker_memory_gb"] * 2**30))
    if not result_file.exists():
        raise SystemExit(f"worker for N={n} failed ({proc['status']}):\n{proc['stderr_tail']}")
    data: dict[str, Any] = json.loads(result_file.read_text())
    if data.get("partial"):  # the worker was stopped: say where, and mark what never ran
        why = proc["status"] if proc["status"] != "ok" else "stopped"
        data["stopped"] = f"{why}: {proc['stderr_tail'][-300:]}" if why == "error" else why
        missing = [stage for stage in STAGES if stage not in data["stages"]]
        for i, stage in enumerate(missing):
            data["stages"][stage] = {"status": why if i == 0 else f"not run ({why} in {missing[0]})"}
        data["peak_rss_mb"] = max(s.get("peak_rss_mb", 0.0) for s in data["stages"].values())
        data.setdefault("counts", {})
    data["process"] = {"seconds": proc["seconds"], "peak_rss_mb": proc["peak_rss_mb"], "status": proc["status"]}
    return data


def merge_best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Best of several worker runs, stage by stage (timings are noisy on a shared 2-core machine)."""
    best = dict(runs[0])
    best["stages"] = {}
    for name in runs[0]["stages"]:
        rows = [r["stages"][name] for r in runs]
        ok = [s for s in rows if s.get("status", "ok") == "ok"]
        if not ok:
            best["stages"][name] = rows[0]
            continue
        pick = dict(min(ok, key=lambda s: s["seconds"]))
        pick["runs"] = [round(s["seconds"], 4) for s in ok]
        pick["peak_rss_mb"] = max(s["peak_rss_mb"] for s in ok)
        best["stages"][name] = pick
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    best["repeats"] = len(runs)
    return best


# ----------------------------------------------------------------------------------------------------------
# Startup and imports


def import_profile(args: Sequence[str]) -> list[dict[str, Any]]:
    """`python -X importtime` of a CLI command: the slowest top-level packages, cumulative microseconds."""
    code = "import sys; from rightskit.cli import main; sys.argv = ['rightskit', *sys.argv[1:]]; main()"
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT)
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append({"self_us": int(m[1]), "cumulative_us": int(m[2]), "depth": len(m[3]) // 2, "module": m[4]})
    # Whole packages (a name without a dot: pydantic, yaml, click, …) and rightskit's own modules.
    top = [r for r in rows if "." not in r["module"] or r["module"].startswith("rightskit.")]
    return sorted(top, key=lambda r: -r["cumulative_us"])[:12]


def startup(work: Path, repeat: int) -> dict[str, Any]:
    rk = rightskit_cmd()
    out = work / "demo"
    shutil.rmtree(out, ignore_errors=True)
    return {
        "help": best_of([*rk, "--help"], repeat),
        "check_default": best_of([*rk, "check", str(DEFAULT_ASSESSMENT)], repeat),
        "demo_default": best_of([*rk, "render", str(DEFAULT_ASSESSMENT), "--format", "html,pdf,md,json,svg",
                                 "-o", str(out)], max(1, repeat // 2)),
        "python_bare": best_of([sys.executable, "-S", "-c", "pass"], repeat),
        "python_site": best_of([sys.executable, "-c", "pass"], repeat),
        "importtime_help": import_profile(["--help"]),
        "importtime_check": import_profile(["check", str(DEFAULT_ASSESSMENT)]),
    }


def cli_sizes(sizes: Sequence[int], work: Path, limits: dict[str, float]) -> dict[str, Any]:
    """The user's view: whole CLI processes on the synthetic assessments (capped like the workers)."""
    rk = rightskit_cmd()
    cap = {"timeout": limits["cli_timeout"], "memory_bytes": int(limits["worker_memory_gb"] * 2**30)}
    out: dict[str, Any] = {}
    for n in sizes:
        src = work / f"n{n}"
        repeat = 3 if n <= 1_000 else 1
        target = work / f"cli-{n}"
        shutil.rmtree(target, ignore_errors=True)
        render = [*rk, "render", str(src), "--format", "html,json", "-o", str(target)]
        out[str(n)] = {
            "html_json": best_of(render, repeat, **cap),
            "html_json_tree": tree_memory(render, timeout=limits["cli_timeout"]),
            "overview_svg": best_of([*rk, "diagram", str(src), "--view", "overview", "--format", "svg",
                                     "-o", str(work / f"cli-{n}-overview.svg")], repeat, **cap),
        }
        row, tree = out[str(n)]["html_json"], out[str(n)]["html_json_tree"]
        print(f"  cli N={n:,}: html+json {row['status']} {row['seconds']:.2f} s, {row['peak_rss_mb']:.0f} MB "
              f"(all processes: {tree.get('peak_pss_mb', 0):.0f} MB PSS)", flush=True)
    return out


# ----------------------------------------------------------------------------------------------------------
# pytm


def pytm_python(setup: bool) -> Path | None:
    py = PYTM_VENV / "bin" / "python"
    if not py.exists() and setup:
        print(f"  creating {PYTM_VENV} with pytm=={PYTM_VERSION} (separate from the project's venv)", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(PYTM_VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", f"pytm=={PYTM_VERSION}"], check=True)
    return py if py.exists() else None


def pytm_sizes(sizes: Sequence[int], work: Path, timeout: float, memory_gb: float) -> dict[str, Any]:
    """pytm --report (tiny template) and --dfd + dot, capped by a timeout and RLIMIT_AS."""
    py = pytm_python(setup=True)
    if py is None:
        return {"skipped": "pytm venv not available"}
    version = subprocess.run([str(py), "-c", "import importlib.metadata as m; print(m.version('pytm'))"],
                             capture_output=True, text=True).stdout.strip()
    limits = {"timeout": timeout, "memory_bytes": int(memory_gb * 2**30)}
    out: dict[str, Any] = {"version": version, "timeout_s": timeout, "memory_limit_gb": memory_gb, "sizes": {}}
    failed: dict[str, str] = {}
    for n in sizes:
        model = pytm_model.write(n, work / "pytm" / f"model_{n}.py")
        row: dict[str, Any] = {}
        if "report" in failed:
            row["report"] = {"status": f"not run ({failed['report']})"}
        else:
            row["report"] = run_process([str(py), model.name, "--report", "pytm_template.md"], cwd=model.parent,
                                        **limits)
            if row["report"]["status"] != "ok":
                failed["report"] = f"{_status_s(row['report'])} at N={n:,}"
        if "dfd" in failed:
            row["dfd"] = row["dot"] = {"status": f"not run ({failed['dfd']})"}
        else:
            dot_file = model.with_suffix(".dot")
            with open(dot_file, "wb") as f:
                row["dfd"] = run_process([str(py), model.name, "--dfd"], cwd=model.parent, stdout=f, **limits)
            if row["dfd"]["status"] == "ok":
                row["dot"] = run_process(["dot", "-Tsvg", str(dot_file), "-o", str(dot_file.with_suffix(".svg"))],
                                         **limits)
            else:
                row["dot"] = {"status": "not run"}
            bad = next((k for k in ("dfd", "dot") if row[k]["status"] != "ok"), None)
            if bad:
                failed["dfd"] = f"{bad} {_status_s(row[bad])} at N={n:,}"
        out["sizes"][str(n)] = row
        rep = row["report"]
        print(f"  pytm N={n:,}: report {rep['status']} {rep.get('seconds', 0):.1f} s; dfd {row['dfd']['status']} "
              f"{row['dfd'].get('seconds', 0):.1f} s + dot {row['dot']['status']} {row['dot'].get('seconds', 0):.1f} s",
              flush=True)
    return out


# ----------------------------------------------------------------------------------------------------------
# Machine and report


def machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as f:
        cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), "")
    mem = ""
    with contextlib.suppress(OSError), open("/proc/meminfo") as f:
        mem = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("MemTotal")), "")
    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip() if shutil.which("dot") else ""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    import pydantic
    import yaml

    return {
        "nproc": os.cpu_count(), "cpu": cpu, "memory": mem, "python": platform.python_version(),
        "platform": platform.platform(), "graphviz": dot, "pydantic": pydantic.VERSION, "pyyaml": yaml.__version__,
        "libyaml": getattr(yaml, "__with_libyaml__", False), "git_commit": commit,
        "loadavg_start": os.getloadavg(),
    }


def _fmt_s(x: float | None) -> str:
    if x is None:
        return "–"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def _status_s(row: dict[str, Any]) -> str:
    status = row.get("status", "ok")
    if status == "error" and row.get("stderr_tail"):  # name the exception: 'error (RecursionError)'
        last = [ln for ln in row["stderr_tail"].splitlines() if ln.strip()][-1:]
        kind = last[0].split(":", 1)[0].strip() if last else ""
        return f"error ({kind})" if kind and " " not in kind else "error"
    if status != "ok":
        return f"{status} after {_fmt_s(row['seconds'])}" if status == "timeout" and "seconds" in row else status
    return _fmt_s(row["seconds"])


def peak_memory(row: dict[str, Any]) -> float:
    """A CLI run's peak memory: its largest process (ru_maxrss), or all its processes (PSS sum), if more."""
    return max(row["html_json"]["peak_rss_mb"], row.get("html_json_tree", {}).get("peak_pss_mb", 0.0))


def pdf_peak_mb(st: dict[str, Any]) -> float:
    """The PDF stage's largest process: the Python one, a Typst part's, or the merge's."""
    return max(st["peak_rss_mb"], st.get("typst_peak_rss_mb", 0.0), st.get("merge_peak_rss_mb", 0.0))


def summarise(res: dict[str, Any]) -> dict[str, Any]:
    """Targets, ratios and the YAML floor, derived from the raw measurements."""
    sizes = res["sizes"]
    s: dict[str, Any] = {"targets": []}

    def target(name: str, value: float | None, limit: float, unit: str, note: str = "") -> None:
        met = None if value is None else (value <= limit and not note)
        s["targets"].append({"target": name, "value": value, "limit": limit, "unit": unit, "met": met,
                             "ratio": None if value is None else value / limit, "note": note})

    for data in sizes.values():
        st = data["stages"]
        ok = all(st[k].get("status", "ok") == "ok" for k in (*HTML_PATH, "json"))
        data["html_path_s"] = sum(st[k]["seconds"] for k in HTML_PATH) if ok else None
        data["html_json_s"] = data["html_path_s"] + st["json"]["seconds"] if ok else None
        if "yaml" in data and ok:
            data["yaml_ratio"] = data["html_path_s"] / data["yaml"]["seconds"]
            if "cpu_seconds" in data["yaml"]:  # CPU time: less at the mercy of a busy machine than wall time
                data["yaml_ratio_cpu"] = (sum(st[k]["cpu_seconds"] for k in HTML_PATH)
                                          / data["yaml"]["cpu_seconds"])
    cli = res.get("cli", {})
    if res.get("startup"):
        su = res["startup"]
        target("make demo path: default assessment, all formats (CLI)", su["demo_default"]["seconds"],
               TARGETS["demo_s"], "s")
        target("rightskit --help", su["help"]["seconds"], TARGETS["help_s"], "s")
        target("rightskit check, default assessment", su["check_default"]["seconds"], TARGETS["check_s"], "s")
    for n, limit in (("1000", TARGETS["html_json_1000_s"]), ("10000", TARGETS["html_json_10000_s"])):
        if n in cli:
            row = cli[n]["html_json"]
            target(f"N = {int(n):,}: render --format html,json (CLI, whole process)", row["seconds"], limit, "s",
                   "" if row["status"] == "ok" else row["status"])
        elif n in sizes:
            target(f"N = {int(n):,}: HTML + JSON (stages, in process)", sizes[n]["html_json_s"], limit, "s")
    if "10000" in cli:
        row = cli["10000"]["html_json"]
        target("N = 10,000: peak memory of render --format html,json (largest process, and all its processes)",
               peak_memory(cli["10000"]), TARGETS["peak_10000_mb"], "MB",
               "" if row["status"] == "ok" else row["status"])
    if "10000" in sizes and sizes["10000"]["stages"]["pdf"].get("status", "ok") == "ok":
        target("N = 10,000: PDF peak memory, largest process (Python; a Typst part; the merge)",
               pdf_peak_mb(sizes["10000"]["stages"]["pdf"]), TARGETS["peak_10000_mb"], "MB")
    if "10000" in sizes:
        target("N = 10,000: peak RSS, all stages in one process", sizes["10000"]["peak_rss_mb"],
               TARGETS["peak_10000_mb"], "MB")
    if "1000" in sizes and "10000" in sizes:
        if "1000" in cli and "10000" in cli and cli["10000"]["html_json"]["status"] == "ok":
            growth = cli["10000"]["html_json"]["seconds"] / cli["1000"]["html_json"]["seconds"]
            target("t(10,000) / t(1,000), render --format html,json (CLI)", growth,
                   TARGETS["growth_10000_over_1000"], "×")
        if sizes["10000"]["html_json_s"] and sizes["1000"]["html_json_s"]:
            growth = sizes["10000"]["html_json_s"] / sizes["1000"]["html_json_s"]
            target("t(10,000) / t(1,000), HTML + JSON stages", growth, TARGETS["growth_10000_over_1000"], "×")
    if "10000" in sizes and "yaml_ratio" in sizes["10000"]:
        target("N = 10,000: (load+validate+graph+evaluate+HTML) / bare yaml.load(CSafeLoader)",
               sizes["10000"]["yaml_ratio"], TARGETS["yaml_ratio"], "×")
        if "yaml_ratio_cpu" in sizes["10000"]:
            target("the same, in CPU time", sizes["10000"]["yaml_ratio_cpu"], TARGETS["yaml_ratio"], "×")
    pytm = res.get("pytm", {}).get("sizes", {})
    s["pytm"] = {}
    for n, row in pytm.items():
        rk = cli.get(n, {})
        entry: dict[str, Any] = {}
        if row["report"].get("status") == "ok" and rk:
            entry["report_ratio"] = row["report"]["seconds"] / rk["html_json"]["seconds"]
        else:
            entry["report_ratio"] = row["report"].get("status")
        if row["dfd"].get("status") == "ok" and row["dot"].get("status") == "ok" and rk:
            entry["diagram_ratio"] = (row["dfd"]["seconds"] + row["dot"]["seconds"]) / rk["overview_svg"]["seconds"]
        else:
            bad = row["dfd"] if row["dfd"].get("status") != "ok" else row["dot"]
            entry["diagram_ratio"] = bad.get("status")
        s["pytm"][n] = entry
    return s


def markdown(res: dict[str, Any]) -> str:
    m = res["machine"]
    sizes = res["sizes"]
    ns = list(sizes)
    lines = [
        f"# rightskit benchmarks — {res['date']}",
        "",
        f"Machine: {m['nproc']} cores, {m['cpu']}, {m['memory']} RAM; Python {m['python']}; {m['graphviz']}; "
        f"pydantic {m['pydantic']}; PyYAML {m['pyyaml']} (libyaml: {m['libyaml']}); commit {m['git_commit']}; "
        f"load average at start {', '.join(f'{x:.2f}' for x in m['loadavg_start'])}.",
        "",
        "## Stages (in one fresh process per N; best of the repeats; peak = RSS high-water mark of that stage)",
        "",
        "| stage | " + " | ".join(f"N = {int(n):,}" for n in ns) + " |",
        "|---|" + "---:|" * len(ns),
    ]
    for stage in STAGES:
        if not all(stage in sizes[n]["stages"] for n in ns):
            continue
        cells = []
        for n in ns:
            st = sizes[n]["stages"][stage]
            extra = f" ({int(st['views'])} views)" if stage == "svg" and "views" in st else ""
            if st.get("status", "ok") != "ok":
                after = f" after {_fmt_s(st['seconds'])}" if "seconds" in st else ""
                cells.append(f"{st['status']}{after}{extra}")
            else:
                cells.append(f"{_fmt_s(st['seconds'])}{extra} · {st['peak_rss_mb']:.0f} MB")
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    lines.append("| **HTML path** (load … html) | " + " | ".join(f"**{_fmt_s(sizes[n]['html_path_s'])}**"
                                                           for n in ns) + " |")
    lines.append("| **HTML + JSON** | " + " | ".join(f"**{_fmt_s(sizes[n]['html_json_s'])}**" for n in ns) + " |")
    lines.append("| process peak RSS | " + " | ".join(f"{sizes[n]['peak_rss_mb']:.0f} MB" for n in ns) + " |")
    lines.append("| bare yaml.load (CSafeLoader) | " + " | ".join(
        _fmt_s(sizes[n]["yaml"]["seconds"]) + f" ({_fmt_s(sizes[n]['yaml']['seconds_gc_disabled'])} without gc)"
        if "yaml" in sizes[n] else "–" for n in ns) + " |")
    lines.append("| HTML path / bare YAML | " + " | ".join(
        f"{sizes[n]['yaml_ratio']:.1f}×" if "yaml_ratio" in sizes[n] else "–" for n in ns) + " |")
    if any("yaml_ratio_cpu" in sizes[n] for n in ns):
        lines.append("| the same in CPU time | " + " | ".join(
            f"{sizes[n]['yaml_ratio_cpu']:.1f}×" if "yaml_ratio_cpu" in sizes[n] else "–" for n in ns) + " |")
    lines.append("| input | " + " | ".join(
        f"{sizes[n]['yaml']['files']} files, {sizes[n]['yaml']['bytes'] / 1e6:.1f} MB" for n in ns)
        + " |")
    pdf_rows = [n for n in ns if sizes[n]["stages"].get("pdf", {}).get("status", "ok") == "ok"
                and "pdf" in sizes[n]["stages"]]
    if pdf_rows:
        lines += ["", "## The PDF, by process (peak RSS; a large summary PDF is typeset in parts)", "",
                  "| N | wall (CPU of the Python process) | Python process | largest Typst part | merge | parts "
                  "| svg output |", "|---:|---:|---:|---:|---:|---:|---:|"]
        for n in pdf_rows:
            st, svg = sizes[n]["stages"]["pdf"], sizes[n]["stages"].get("svg", {})
            svg_s = (f"{_fmt_s(svg['seconds'])} · {svg['peak_rss_mb']:.0f} MB" if svg.get("status", "ok") == "ok"
                     and "seconds" in svg else svg.get("status", "–"))
            lines.append(f"| {int(n):,} | {_fmt_s(st['seconds'])} ({st['cpu_seconds']:.1f} s) | "
                         f"{st['peak_rss_mb']:.0f} MB | "
                         + (f"{st['typst_peak_rss_mb']:.0f} MB | {st['merge_peak_rss_mb']:.0f} MB | {st['parts']} | "
                            if "parts" in st else "in the Python process | – | 1 | ") + f"{svg_s} |")
        before = PDF_10000_BEFORE
        lines += ["", f"Before (N = 10,000, one Typst compilation in the Python process, {before['commit']}): "
                  f"{_fmt_s(before['seconds'])}, {before['peak_rss_mb'] / 1024:.1f} GB peak. The Python process's "
                  "peak includes the assessment and report context every format holds."]
    if res.get("cli"):
        cli = res["cli"]
        lines += ["", "## Whole CLI processes (wall time, best of 3 up to N = 1,000, 1 run at 10,000; peak RSS)", "",
                  "| command | " + " | ".join(f"N = {int(n):,}" for n in cli) + " |", "|---|" + "---:|" * len(cli)]
        for key, label in (("html_json", "render --format html,json"),
                           ("overview_svg", "diagram --view overview --format svg")):
            lines.append(f"| `{label}` | " + " | ".join(
                f"{_status_s(cli[n][key])} (CPU {cli[n][key]['cpu_seconds']:.1f} s) · "
                f"{cli[n][key]['peak_rss_mb']:.0f} MB" for n in cli) + " |")
        if any("html_json_tree" in cli[n] for n in cli):
            lines.append("| the render, all its processes: peak PSS sum (sampled every 20 ms), processes | "
                         + " | ".join(
                f"{t['peak_pss_mb']:.0f} MB, {t['processes']}" if "peak_pss_mb" in t else t.get("status", "–")
                for t in (cli[n].get("html_json_tree", {}) for n in cli)) + " |")
        lines += ["", "CPU time is the main process's and its waited-for children's. The render "
                  "runs in one process; ru_maxrss is the largest single process, the PSS sum is all of them "
                  "together (dot included)."]
    if res.get("startup"):
        su = res["startup"]
        lines += ["", "## Default assessment and startup (best of 5)", "",
                  f"- `rightskit --help`: {_fmt_s(su['help']['seconds'])} (bare `python -S -c pass`: "
                  f"{_fmt_s(su['python_bare']['seconds'])}, `python -c pass`: {_fmt_s(su['python_site']['seconds'])})",
                  f"- `rightskit check` on the default assessment: {_fmt_s(su['check_default']['seconds'])}",
                  f"- `make demo` path (render html,pdf,md,json,svg): {_fmt_s(su['demo_default']['seconds'])}, "
                  f"peak {su['demo_default']['peak_rss_mb']:.0f} MB",
                  "", "Slowest top-level imports (`python -X importtime`, cumulative):", "",
                  "| `--help` | ms | `check` | ms |", "|---|---:|---|---:|"]
        for a, b in zip(su["importtime_help"][:8], su["importtime_check"][:8], strict=False):
            lines.append(f"| {a['module']} | {a['cumulative_us'] / 1000:.1f} | {b['module']} | "
                         f"{b['cumulative_us'] / 1000:.1f} |")
    if res.get("pytm", {}).get("sizes"):
        p = res["pytm"]
        cli = res.get("cli", {})
        lines += ["", f"## Side by side: OWASP pytm {p['version']} (timeout {p['timeout_s']:.0f} s, "
                  f"RLIMIT_AS {p['memory_limit_gb']:g} GB)", "",
                  "| N | pytm --report | rightskit render html,json | ratio | pytm --dfd + dot "
                  "| rightskit overview svg | ratio |", "|---:|---:|---:|---:|---:|---:|---:|"]
        for n, row in p["sizes"].items():
            rk = cli.get(n, {})
            ratio = res["summary"]["pytm"].get(n, {})
            rep = row["report"]
            rep_s = (f"{_status_s(rep)} · {rep['peak_rss_mb']:.0f} MB" if "peak_rss_mb" in rep else rep["status"])
            dfd = (f"{_status_s(row['dfd'])} + {_status_s(row['dot'])}" if row["dfd"].get("seconds") is not None
                   else row["dfd"]["status"])
            r1 = ratio.get("report_ratio")
            r2 = ratio.get("diagram_ratio")
            lines.append(
                f"| {int(n):,} | {rep_s} | {_status_s(rk['html_json']) if rk else '–'} | "
                f"{f'{r1:.0f}×' if isinstance(r1, float) else '–'} | {dfd} | "
                f"{_status_s(rk['overview_svg']) if rk else '–'} | {f'{r2:.1f}×' if isinstance(r2, float) else '–'} |")
    if res["summary"]["targets"]:
        lines += ["", "## Targets", "", "| target | measured | limit | ratio | met |", "|---|---:|---:|---:|:---:|"]
        for t in res["summary"]["targets"]:
            val = t["value"]
            shown = "–" if val is None else (f"{val:.2f} {t['unit']}" if t["unit"] != "MB" else f"{val:.0f} MB")
            lim = f"{t['limit']:g} {t['unit']}"
            lines.append(f"| {t['target']} | {shown} | {lim} | "
                         f"{'–' if t['ratio'] is None else format(t['ratio'], '.2f')} | "
                         f"{'–' if t['met'] is None else ('yes' if t['met'] else '**no**')} |")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated N values")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="folder for latest.json and latest.md")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: OUT/tmp)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh-process runs per N up to 1,000 (best is kept)")
    parser.add_argument("--quick", action="store_true", help="stages only: no CLI targets, no pytm")
    parser.add_argument("--no-pytm", action="store_true", help="skip the pytm comparison")
    parser.add_argument("--pytm-timeout", type=float, default=180.0, help="seconds per pytm or dot run")
    parser.add_argument("--pytm-memory-gb", type=float, default=4.0, help="RLIMIT_AS per pytm or dot run")
    parser.add_argument("--stage-timeout", type=float, default=300.0,
                        help="seconds allowed for the pdf and for the svg output (each runs in a forked child)")
    parser.add_argument("--stage-memory-gb", type=float, default=10.0,
                        help="extra address space (RLIMIT_AS) allowed for the pdf and the svg output")
    parser.add_argument("--worker-timeout", type=float, default=2400.0, help="seconds allowed for one size")
    parser.add_argument("--worker-memory-gb", type=float, default=12.0, help="RLIMIT_AS of one size's process")
    parser.add_argument("--cli-timeout", type=float, default=1200.0, help="seconds allowed for one CLI run")
    parser.add_argument("--rerender", action="store_true",
                        help="rewrite latest.md (and the summary) from OUT/latest.json without measuring")
    parser.add_argument("--profile", type=int, default=None, help="only cProfile the stages at this N")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker-result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker-profile", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker-yaml", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--worker-skip", default="{}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    limits = {"timeout": args.stage_timeout, "memory_gb": args.stage_memory_gb,
              "worker_timeout": args.worker_timeout, "worker_memory_gb": args.worker_memory_gb,
              "cli_timeout": args.cli_timeout}
    if args.worker:  # one size, in this (fresh) process
        skip = json.loads(args.worker_skip)
        if args.worker_yaml:
            data = bare_yaml(args.worker)
        elif args.worker_profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            data = prof.runcall(run_stages, args.worker, args.worker_out, skip, limits, args.worker_result)
            prof.dump_stats(str(args.worker_profile.with_suffix(".pstats")))
            with open(args.worker_profile, "w") as f:
                for order in ("cumulative", "tottime"):
                    stats = pstats.Stats(str(args.worker_profile.with_suffix(".pstats")), stream=f)
                    stats.sort_stats(order).print_stats(45)
        else:
            data = run_stages(args.worker, args.worker_out, skip, limits, args.worker_result)
        args.worker_result.write_text(json.dumps(data, indent=1))
        return 0

    out: Path = args.out
    if args.rerender:
        res = json.loads((out / "latest.json").read_text())
        res["summary"] = summarise(res)
        (out / "latest.json").write_text(json.dumps(res, indent=1, default=str) + "\n", encoding="utf-8")
        (out / "latest.md").write_text(markdown(res), encoding="utf-8")
        return 0
    sizes = [int(x.replace("_", "")) for x in args.sizes.split(",") if x.strip()]
    work: Path = args.work or out / "tmp"
    work.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"date": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
                           "memory_method": "per stage: VmHWM after resetting it via /proc/self/clear_refs; "
                                            "whole processes: ru_maxrss from os.wait4; the CLI render also as the "
                                            "peak PSS sum of all its processes", "sizes": {}}
    for n in sizes:
        print(f"generating N={n:,}", flush=True)
        generate.write(n, work / f"n{n}")

    if args.profile is not None:
        n = args.profile
        if n not in sizes:
            generate.write(n, work / f"n{n}")
        target = out / f"profile-{n}.txt"
        worker(n, work, {}, limits, target)
        print(f"profile written to {target}")
        return 0

    skip: dict[str, str] = {}  # a stage that timed out or ran out of memory is not run at larger N
    for n in sizes:
        repeat = args.repeat if n <= 1_000 else 1
        print(f"N={n:,}: {repeat} fresh process(es)", flush=True)
        runs = [worker(n, work, skip, limits)]
        # Repeats re-measure the fast stages; a slow or failed pdf/svg stage is measured once.
        again = dict(skip)
        for stage in ("pdf", "svg"):
            first = runs[0]["stages"][stage]
            if first.get("status", "ok") != "ok" or first["seconds"] > 5:
                again[stage] = "measured once"
        runs += [worker(n, work, again, limits) for _ in range(repeat - 1)]
        data = merge_best(runs)
        for stage in ("pdf", "svg"):
            status = data["stages"][stage].get("status", "ok")
            if status in ("timeout", "out of memory"):
                skip[stage] = f"{status} at N = {n:,}"

        yaml_file = work / f"yaml-{n}.json"
        run_process([sys.executable, str(Path(__file__).resolve()), "--worker", str(work / f"n{n}"),
                     "--worker-yaml", "--worker-result", str(yaml_file)])
        data["yaml"] = json.loads(yaml_file.read_text())
        res["sizes"][str(n)] = data
        st = data["stages"]
        print("  " + ", ".join(f"{k} {v['seconds']:.3f}" if v.get("status", "ok") == "ok" else f"{k} {v['status']}"
                               for k, v in st.items()), flush=True)
    if not args.quick:
        print("startup and default assessment", flush=True)
        res["startup"] = startup(work, repeat=5)
        print("CLI per size", flush=True)
        res["cli"] = cli_sizes(sizes, work, limits)
        if not args.no_pytm:
            print("pytm", flush=True)
            res["pytm"] = pytm_sizes(sizes, work / "pytm", args.pytm_timeout, args.pytm_memory_gb)
    res["machine"]["loadavg_end"] = os.getloadavg()
    res["summary"] = summarise(res)
    (out / "latest.json").write_text(json.dumps(res, indent=1, default=str) + "\n", encoding="utf-8")
    (out / "latest.md").write_text(markdown(res), encoding="utf-8")
    print(f"wrote {out / 'latest.json'} and {out / 'latest.md'}")
    for t in res["summary"]["targets"]:
        print(f"  {'MET ' if t['met'] else 'MISS'} {t['target']}: {t['value']:.3g} {t['unit']} (limit {t['limit']:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
