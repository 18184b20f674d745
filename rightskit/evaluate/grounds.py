"""The structural grounds on which a measure is disproportionate, in the order they decide.

A measure is ``disproportionate`` (or ``essence-violated``) only on a *structural* ground: a defect that
the case law treats as fatal to a measure of that kind, and that no condition attached to it can cure.
Everything else a step finds wrong is a *condition*: the measure is ``proportionate-with-conditions``
and the conditions say what must change. A rule marks a not-satisfied finding with its ground; the
verdict names the first ground in :data:`ORDER` as the decisive one, so the reason is the most
fundamental defect, not the first alphabetically.
"""

from __future__ import annotations

from types import MappingProxyType

#: Ground → what it means, for the verdict reason and the docs. The order is the order of decision:
#: a limitation that reaches the essence cannot be justified at all; one not provided for by law, or
#: pursuing no legitimate aim, is not examined further by the courts; then the proportionality tests
#: in their order (suitability, necessity, safeguards, the balance).
GROUNDS = MappingProxyType({
    "essence": "the essence of a right is impaired",
    "no-legal-basis": "the limitation is not provided for by law of sufficient quality",
    "no-legitimate-aim": "no objective of general interest or protection of others' rights is pursued",
    "general-indiscriminate": "a general and indiscriminate serious interference falls outside the case law's "
                              "exceptions",
    "unsuitable": "the measure does not achieve its aim",
    "less-intrusive-alternative": "an equally effective, less intrusive alternative exists",
    "essential-safeguard-missing": "a safeguard the case law holds essential for a measure of this kind is missing",
    "balance-negative": "the balance between the interference and the benefit is clearly negative",
})
ORDER: tuple[str, ...] = tuple(GROUNDS)


def rank(ground: str) -> int:
    """Position of ``ground`` in the order of decision (unknown grounds last)."""
    return ORDER.index(ground) if ground in ORDER else len(ORDER)
