"""The words the engine's sentences take from a scale or a vocabulary, each a msgid of its own.

A sentence that names a severity, a status or a step (``"recorded {severity}"``) passes the word as a
:func:`~rightskit.translation.sentence.term`, so a French or German report says it in its language;
the words come from the schema's literals, so this list cannot fall behind them. ``make catalogues``
extracts every one (``rightskit.translation.extract``).
"""

from __future__ import annotations

from typing import get_args

from ..model.assessment import LegalQuality, Population, Scope
from ..model.framework import VersionStatus
from ..model.scales import EFFECTIVENESS_ORDER, IMPORTANCE_ORDER, SEVERITY_ORDER, STRENGTH_ORDER
from ..model.vocabulary import Mode, Reliability
from .requirements import FORCE_ORDER, FORCE_WORDS
from .results import STEP_IDS, Status, Verdict
from .steps.proportionality import INTENSITY_WORDS


def _literal(annotation: object) -> tuple[str, ...]:
    return tuple(a for a in get_args(annotation) if isinstance(a, str))


#: Every word a sentence may take as a term, sorted and each once.
TERMS: tuple[str, ...] = tuple(sorted({
    *SEVERITY_ORDER, *STRENGTH_ORDER, *EFFECTIVENESS_ORDER, *IMPORTANCE_ORDER, *INTENSITY_WORDS.values(),
    *FORCE_ORDER, *FORCE_WORDS.values(), *_literal(Reliability), *_literal(Scope), *_literal(LegalQuality),
    *_literal(Mode),
    *_literal(Population.model_fields["suspicion"].annotation), *_literal(VersionStatus), *_literal(Status),
    *_literal(Verdict), *STEP_IDS, "unknown", "no source given",
}))
