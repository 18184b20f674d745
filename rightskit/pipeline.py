"""The pipeline, top to bottom: load → model → graph → evaluate → render.

This module is the only place that knows the order of the stages. Each function runs the stages
up to the one it is named after; heavy stages are imported inside the function that needs them,
so ``rightskit check`` never pays for networkx, Jinja2, Graphviz or Typst.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .bundle import Bundle
from .errors import Problem
from .gc_pause import paused

if TYPE_CHECKING:
    from .graph import RightsGraph
    from .load import Resolved
    from .load.review import LoadedReview
    from .review import ReviewOutcome


@dataclass
class Options:
    """What a run needs besides the assessment path."""

    frameworks_dirs: Sequence[Path] = ()
    as_of: dt.date | None = None
    #: The report's language (rightskit.translation.LANGUAGES); the engine's results stay in English.
    lang: str = "en"


def load(path: Path, options: Options | None = None) -> Resolved:
    """Stages 1–2: read the assessment (YAML or Python), validate the model, resolve every reference."""
    from .load import FrameworkLibrary, PartlyParsed, load_assessment, packaged_frameworks_dir, resolve
    from .load.salvage import with_reference_problems

    options = options or Options()
    # Each stage runs with the cyclic collector paused and freezes what it built (gc_pause.py): the
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


def evaluate(path: Path, options: Options | None = None, *, review: bool = False) -> Bundle:
    """Stages 1–4: load, build the graph, run the Art. 52(1) test; with ``review``, read the review file too."""
    lang = (options or Options()).lang
    if not review:
        return _evaluated(load(path, options), None, lang)
    resolved, loaded = _load_with_review(path, options)
    return _evaluated(resolved, loaded, lang)


def _evaluated(resolved: Resolved, loaded: LoadedReview | None, lang: str = "en") -> Bundle:
    from .evaluate import evaluate as run_engine
    from .translation import SOURCE
    from .translation.sentence import templated

    rights_graph = graph(resolved)
    # For a report in another language the engine's sentences keep their templates, so the report can
    # say them in it; the results' text is the same English either way.
    with paused(), templated(lang != SOURCE):
        results = run_engine(rights_graph)
    return Bundle(resolved, rights_graph, results, input_files(resolved), loaded, templated=lang != SOURCE)


def _load_with_review(path: Path, options: Options | None) -> tuple[Resolved, LoadedReview | None]:
    """Stages 1–2 and the review file: the problems of both, at once."""
    from .errors import InputError
    from .load.review import load_review

    problems: list[Problem] = []
    total = 0
    resolved: Resolved | None = None
    loaded: LoadedReview | None = None
    try:
        resolved = load(path, options)
    except InputError as exc:
        problems.extend(exc.problems)
        total += exc.error_count
    try:  # the review file's own errors are reported with the assessment's
        loaded = load_review(path)
    except InputError as exc:
        problems.extend(exc.problems)
        total += exc.error_count
    if problems:
        raise InputError(f"{total} problem(s)", problems, total=total)
    assert resolved is not None
    return resolved, loaded


def check(path: Path, options: Options | None = None) -> tuple[Resolved, ReviewOutcome | None]:
    """Stages 1–2 and, when the assessment has a review file, stages 3–4 and the review: every problem at once.

    The review refers to findings by id, so checking it needs the results; without a review file,
    ``check`` stays as cheap as loading.
    """
    resolved, loaded = _load_with_review(path, options)
    if loaded is None:
        return resolved, None
    bundle = _evaluated(resolved, loaded)
    _raise_review_problems(bundle)
    return resolved, bundle.reviewed


def _raise_review_problems(bundle: Bundle) -> None:
    """Stale ids and refused overrides as one located InputError (the results are fine, the review is not)."""
    found = bundle.reviewed.problems_all()
    if found:
        from .errors import InputError

        raise InputError(f"invalid review: {len(found)} problem(s)", found, total=len(found))


def review(path: Path, options: Options | None = None) -> Bundle:
    """Stages 1–4 and the review: the bundle whose ``reviewed`` lists what the reviewers still have to do."""
    return evaluate(path, options, review=True)


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
    bundle = evaluate(path, options, review=True)
    # A report must not show a review that names findings it does not have, or an override the calculus
    # refuses: the same problems 'check' reports.
    _raise_review_problems(bundle)
    with paused(), speaking(options.lang):
        return render_formats(bundle, list(formats), out_dir, templates=templates, progress=progress,
                              release=True)


def diagram(path: Path, view: str, fmt: str = "svg", options: Options | None = None) -> tuple[bytes, Bundle]:
    """Stages 1–4 and one diagram: ``view`` as ``fmt`` in the options' language, with the bundle it was drawn from."""
    from .render import draw_diagram
    from .translation import speaking

    options = options or Options()
    bundle = evaluate(path, options)
    with paused(), speaking(options.lang):
        return draw_diagram(bundle, view, fmt), bundle


def input_files(resolved: Resolved) -> list[Path]:
    """The files an evaluation read: the assessment's files and the frameworks it used."""
    files = list(resolved.files)
    if resolved.library is not None:
        # Inline instruments live in the assessment's own files, already listed.
        files.extend(resolved.library.path(fid) for fid in sorted(resolved.frameworks) if fid in resolved.library)
    return files
