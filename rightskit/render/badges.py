"""The display vocabulary: every status, verdict and severity as words, a symbol and a style key.

Colour is never the only signal: each badge carries its words and a symbol, and the colours
(Okabe–Ito, colour-blind safe) are keyed by the machine word in the CSS and the Typst template.
"""

from __future__ import annotations

import functools
import re

from ..model.scales import EFFECTIVENESS_ORDER, IMPORTANCE_ORDER, SEVERITY_ORDER, STRENGTH_ORDER
from ..translation import N_, gettext, language
from .template_context import Badge

STATUS: dict[str, tuple[str, str]] = {
    "satisfied": (N_("Satisfied"), "✓"),
    "concern": (N_("Concern"), "!"),
    "not-satisfied": (N_("Not satisfied"), "✗"),
    "undetermined": (N_("Undetermined"), "?"),
}
VERDICT: dict[str, tuple[str, str]] = {
    "proportionate": (N_("Proportionate"), "✓"),
    "proportionate-with-conditions": (N_("Proportionate with conditions"), "!"),
    "disproportionate": (N_("Disproportionate"), "✗"),
    "essence-violated": (N_("Essence violated"), "⊘"),
    "undetermined": (N_("Undetermined"), "?"),
}


def _dots(rank: int, of: int) -> str:
    return "●" * rank + "○" * (of - rank)


SEVERITY: dict[str, tuple[str, str]] = {
    word: (word.replace("-", " ").capitalize(), _dots(i, len(SEVERITY_ORDER) - 1))
    for i, word in enumerate(SEVERITY_ORDER)
}
STRENGTH: dict[str, tuple[str, str]] = {
    word: (word.capitalize(), _dots(i + 1, len(STRENGTH_ORDER))) for i, word in enumerate(STRENGTH_ORDER)
}
EFFECTIVENESS: dict[str, tuple[str, str]] = {
    word: (word.capitalize(), _dots(i, len(EFFECTIVENESS_ORDER) - 1)) for i, word in enumerate(EFFECTIVENESS_ORDER)
}
IMPORTANCE: dict[str, tuple[str, str]] = {
    word: (word.replace("-", " ").capitalize(), _dots(i + 1, len(IMPORTANCE_ORDER)))
    for i, word in enumerate(IMPORTANCE_ORDER)
}


#: Each scale's table, by name.
_SCALES: dict[str, dict[str, tuple[str, str]]] = {
    "status": STATUS, "verdict": VERDICT, "severity": SEVERITY, "strength": STRENGTH,
    "effectiveness": EFFECTIVENESS, "importance": IMPORTANCE,
}


def _badge(scale: str, word: str) -> Badge:
    return _badge_in(scale, word, language())


@functools.cache
def _badge_in(scale: str, word: str, lang: str) -> Badge:
    # Cached: Badge is frozen, so one object serves every finding with that status (a large report
    # shows the same dozen badges hundreds of thousands of times).
    # ``lang`` keys the cache; gettext reads the same active language.
    label, symbol = _SCALES[scale].get(word, (word.replace("-", " ").capitalize(), "?"))
    label = gettext(label)
    # The word doubles as a style key: keep it to [a-z0-9-] whatever the input said.
    return Badge(word=re.sub(r"[^a-z0-9-]", "", word.lower()) or "unknown", label=label, symbol=symbol)


def status(word: str) -> Badge:
    return _badge("status", word)


def verdict(word: str) -> Badge:
    return _badge("verdict", word)


#: The Convention's verdicts, styled as the Charter verdict on the same side of the line.
CONVENTION: dict[str, tuple[str, str, str]] = {
    "no-violation": (N_("No violation of Art. 8"), "✓", "proportionate"),
    "no-violation-with-conditions": (N_("No violation of Art. 8, with conditions"), "!",
                                     "proportionate-with-conditions"),
    "violation": (N_("Violation of Art. 8"), "✗", "disproportionate"),
    "undetermined": (N_("Undetermined"), "?", "undetermined"),
}


def convention(word: str) -> Badge:
    """The ECHR Art. 8(2) verdict, in the Convention's words, with the colours of its Charter counterpart."""
    label, symbol, style = CONVENTION.get(word, (N_("Undetermined"), "?", "undetermined"))
    return Badge(word=style, label=gettext(label), symbol=symbol)


def severity(word: str) -> Badge:
    return _badge("severity", word)


def strength(word: str) -> Badge:
    return _badge("strength", word)


def effectiveness(word: str) -> Badge:
    return _badge("effectiveness", word)


def importance(word: str) -> Badge:
    return _badge("importance", word)


def legend() -> dict[str, list[Badge]]:
    return {
        "verdict": [verdict(w) for w in VERDICT],
        "status": [status(w) for w in STATUS],
        "severity": [severity(w) for w in SEVERITY],
    }


def words(text: str) -> str:
    """A vocabulary word for reading, translated: 'interpersonal-communications' -> 'interpersonal communications'.

    A scale word the engine's sentences name ('very-serious', ``evaluate/terms.py``) is its term's translation,
    so a report, its diagrams and the engine's sentences say it alike; English is the reading.
    """
    said = gettext(text)
    return said if said != text else gettext(text.replace("-", " ").replace("_", " "))
