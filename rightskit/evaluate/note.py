"""What a rule concludes (:class:`Note`) and the signature every rule has (:data:`RuleFn`).

The steps return notes and the registry holds rules; both import this module, so the registry can
list the steps without the steps importing the registry back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Citation
from .results import Status

if TYPE_CHECKING:
    from .context import EngineContext, MeasureView, StepInfo
    from .requirements import Requirement


@dataclass(frozen=True, slots=True)
class Note:
    """What a rule concludes; the engine turns it into a :class:`~rightskit.evaluate.results.Finding`.

    ``suffix`` makes the finding id ``<measure>/<step>/<suffix>``: derive it from model ids only, so
    ids stay stable across runs and edits elsewhere in the assessment.
    """

    suffix: str
    status: Status
    message: str
    reasons: tuple[str, ...] = ()
    nodes: tuple[str, ...] = ()
    cite: tuple[Citation, ...] = ()
    #: The safeguard requirement the note is about. Its reasons and citations (the first of ``reasons``
    #: and all of ``cite``) are shared by every measure with the same requirement, and the results list
    #: them once (``EvaluationResult.requirements``) instead of in every finding.
    requirement: Requirement | None = None
    #: For a not-satisfied note: the structural ground it establishes (``grounds.GROUNDS``). A
    #: not-satisfied note without a ground is treated as a condition, not as a structural failure.
    ground: str | None = None
    #: For a concern: the amendment that would meet it, in the words of a condition ("Lay down …").
    condition: str | None = None
    #: For a satisfied note about good practice that is missing: the recommendation.
    recommendation: str | None = None


RuleFn = Callable[["EngineContext", "MeasureView", "StepInfo"], list[Note]]
