"""Stage 4, evaluate: the Art. 52(1) steps per measure, residual severity, flips, detection arithmetic.

Public API: :func:`evaluate` (graph → :class:`~.results.EvaluationResult`), :func:`text_table`, and
the rule registry (:class:`RuleRegistry`, :func:`default_registry`) for adding rules by id.
"""

from .engine import DISCLAIMER, evaluate
from .note import Note
from .registry import Rule, RuleRegistry, default_registry
from .results import EvaluationResult
from .table import text_table

__all__ = ["DISCLAIMER", "EvaluationResult", "Note", "Rule", "RuleRegistry", "default_registry", "evaluate",
           "text_table"]
