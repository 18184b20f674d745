"""The pipeline, top to bottom: load → model → graph → evaluate → render.

This module is the only place that knows the order of the stages. Each function runs the stages
up to the one it is named after; heavy stages are imported inside the function that needs them,
so ``rightskit check`` never pays for networkx, Jinja2, Graphviz or Typst.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .collector import paused

if TYPE_CHECKING:
    from .evaluate.results import EvaluationResult
    from .graph import RightsGraph
    from .load import Resolved


@dataclass
class Options:
    """What a run needs besides the assessment path."""

    frameworks_dirs: Sequence[Path] = ()
    as_of: dt.date | None = None
    #: The report's language (rightskit.translation.LANGUAGES); the engine's results stay in English.
    lang: str = "en"


@dataclass
class Bundle:
    """Everything the render stage sees: the resolved assessment, its graph and the results."""

    resolved: Resolved
    graph: RightsGraph
    results: EvaluationResult
    input_files: list[Path] = field(default_factory=list)

    @cached_property
    def input_hash(self) -> str:
        """SHA-256 over the input files (assessment and frameworks), for the report's title block.

        Worked out once: the report and results.json both carry it, and the files may be large.
        """
        digest = hashlib.sha256()
        for path in sorted(set(self.input_files), key=str):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()


def load(path: Path, options: Options | None = None) -> Resolved:
    """Stages 1–2: read the assessment (YAML or Python), validate the model, resolve every reference."""
    from .load import FrameworkLibrary, PartlyParsed, load_assessment, packaged_frameworks_dir, resolve
    from .load.salvage import with_reference_problems

    options = options or Options()
    # Each stage runs with the cyclic collector paused and freezes what it built (collector.py): the
    # stages allocate millions of small, acyclic objects that live to the end of the command, and the
    # collector's repeated scans of them made load, validation and evaluation superlinear.
    with paused():
        library = FrameworkLibrary([*options.frameworks_dirs, packaged_frameworks_dir()])
        try:
            loaded = load_assessment(path)
        except PartlyParsed as exc:
            # Type errors and reference errors in one run: check the references of the parts that parsed.
            raise with_reference_problems(exc, functools.partial(resolve, library=library)) from None
        assessment = loaded.model
        if options.as_of is not None:
            assessment = assessment.model_copy(update={"as_of": options.as_of})
        resolved = resolve(assessment, library, loaded.locator, loaded.shown, loaded.files)
        resolved.settle()
    return resolved


def graph(resolved: Resolved) -> RightsGraph:
    """Stage 3: build the rights graph."""
    from .graph import build_graph

    with paused():
        return build_graph(resolved)


def evaluate(path: Path, options: Options | None = None) -> Bundle:
    """Stages 1–4: load, build the graph, run the Art. 52(1) test."""
    from .evaluate import evaluate as run_engine

    resolved = load(path, options)
    rights_graph = graph(resolved)
    with paused():
        results = run_engine(rights_graph)
    return Bundle(resolved, rights_graph, results, input_files(resolved))


def render(
    path: Path,
    out_dir: Path,
    formats: Iterable[str],
    options: Options | None = None,
    templates: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Stages 1–5: evaluate, then write each requested format into ``out_dir``."""
    from .render import render_formats
    from .translation import speaking

    options = options or Options()
    bundle = evaluate(path, options)
    with paused(), speaking(options.lang):
        return render_formats(bundle, list(formats), out_dir, templates=templates, progress=progress)


def input_files(resolved: Resolved) -> list[Path]:
    """The files an evaluation read: the assessment's files and the frameworks it used."""
    files = list(resolved.files)
    if resolved.library is not None:
        # Inline instruments live in the assessment's own files, already listed.
        files.extend(resolved.library.path(fid) for fid in sorted(resolved.frameworks) if fid in resolved.library)
    return files
