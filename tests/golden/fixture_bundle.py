"""A small, hand-made render bundle for the render tests.

The assessment and its frameworks live in ``tests/golden/small``; the evaluation results are
written by hand (``results.yaml``) so the render stage is tested on its own, independent of the
engine. Only the fixture's own frameworks are used, so framework data elsewhere in the repository
cannot change the golden files.

Load it from a test with :func:`load_helper`-style importlib code (tests are not a package).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

SMALL = Path(__file__).resolve().parent / "small"


def small_bundle(edit: Callable[[dict[str, Any], dict[str, Any]], None] | None = None, root: Path = SMALL) -> Any:
    """The bundle of the small assessment; ``edit(assessment_raw, results_raw)`` may change the raw data first."""
    from rightskit.bundle import Bundle
    from rightskit.evaluate.results import EvaluationResult
    from rightskit.load import FrameworkLibrary, resolve
    from rightskit.model import Assessment
    from rightskit.pipeline import graph

    raw_a = yaml.safe_load((root / "assessment.yaml").read_text(encoding="utf-8"))
    raw_r = yaml.safe_load((root / "results.yaml").read_text(encoding="utf-8"))
    if edit is not None:
        edit(raw_a, raw_r)
    assessment = Assessment.model_validate(raw_a)
    library = FrameworkLibrary([root / "frameworks"])
    files = [root / "assessment.yaml", root / "results.yaml", *sorted((root / "frameworks").glob("*.yaml"))]
    resolved = resolve(assessment, library, lambda _path: None, "assessment.yaml", files)
    results = EvaluationResult.model_validate(raw_r)
    return Bundle(resolved, graph(resolved), results, files)


def real_bundle(root: Path = SMALL) -> Any:
    """The small assessment through the real pipeline, engine included."""
    from rightskit.pipeline import Options, evaluate

    return evaluate(root / "assessment.yaml", Options(frameworks_dirs=[root / "frameworks"]))
