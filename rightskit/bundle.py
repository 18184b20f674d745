"""What the evaluate stage hands to render: the resolved assessment, its graph and the results.

It lives below both the pipeline (which builds it) and the render stage (which reads it), so
neither has to import the other for it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .evaluate.results import EvaluationResult
    from .graph import RightsGraph
    from .load import Resolved
    from .load.review import LoadedReview
    from .review import ReviewOutcome


@dataclass
class Bundle:
    """Everything the render stage sees: the resolved assessment, its graph and the results."""

    resolved: Resolved
    graph: RightsGraph
    results: EvaluationResult
    input_files: list[Path] = field(default_factory=list)
    review: LoadedReview | None = None
    #: True when the engine's sentences keep their templates (evaluated for a report in another language,
    #: ``translation.sentence.templated``); the results' text is the same English either way.
    templated: bool = False
    #: The language the results' sentences are said in: English as evaluated, another on the copy the
    #: render stage makes for a report in that language.
    spoken_in: str = "en"

    @cached_property
    def reviewed(self) -> ReviewOutcome:
        """The review read against the results (empty when there is no review file)."""
        from .review import assess

        if self.review is None:
            return assess(self.results, None, self.input_hash)
        return assess(self.results, self.review.model, self.input_hash, file=self.review.shown,
                      locate=self.review.locator)

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
