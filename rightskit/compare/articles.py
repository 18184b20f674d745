"""Compare two versions of a text article by article: what each changes, and where each verdict moves.

Measures are paired by id (after any ``--rename``); an id on one side only is reported unmatched.
For each pair, the provisions each side relies on (the measure's ``legal_basis`` and the binding
sources of the safeguards that mitigate it) are grouped by article. A provision that records, in
``Provision.amends``, the earlier provision it amends or replaces is filed under that provision's
article, so the two texts line up; any other provision keeps its own article.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .difference import ArticleGroup, FieldChange, ItemChange, MeasurePair, StepChange

if TYPE_CHECKING:
    from ..evaluate.results import MeasureResult
    from ..load import Resolved
    from ..model import Assessment

#: A provision id like 'art-7-4-a' belongs to article 'art-7'.
_ARTICLE = re.compile(r"^(art-\d+[a-z]?)(?:-|$)")

#: The measure fields a reader of an amended text asks about first.
TEXT_FIELDS = ("scope", "kind", "mandatory", "end_to_end_encrypted", "detects", "authorised_by", "affected",
               "max_duration_months", "legal_basis")


def article_of(ref: str) -> str:
    """The article a provision ref belongs to: 'csar-proposal/art-7-4-a' → 'csar-proposal/art-7'."""
    framework, _, local = ref.partition("/")
    match = _ARTICLE.match(local)
    return f"{framework}/{match.group(1)}" if match else ref


def relied_on(model: Assessment, measure: str) -> list[str]:
    """The provisions a measure relies on: its legal basis and its safeguards' binding sources, sorted."""
    refs = set()
    for m in model.measures:
        if m.id == measure:
            refs.update(m.legal_basis)
    for s in model.safeguards:
        if s.binding and any(x.measure == measure for x in s.mitigates):
            refs.add(str(s.source))
    return sorted(refs)


def amended_by(resolved: Resolved) -> dict[str, list[str]]:
    """Provision ref → the earlier provisions it amends, from each framework's ``amends`` records."""
    out: dict[str, list[str]] = {}
    for fid, framework in sorted(resolved.frameworks.items()):
        for p in framework.provisions:
            if p.amends:
                out[f"{fid}/{p.id}"] = sorted(p.amends)
    return out


def group_by_article(refs_a: list[str], refs_b: list[str], amends: Mapping[str, list[str]]) -> list[ArticleGroup]:
    """A's and B's provisions under one article each; B's through what they amend, where recorded."""
    groups: dict[str, ArticleGroup] = {}

    def put(article: str) -> ArticleGroup:
        return groups.setdefault(article, ArticleGroup(article=article))

    for ref in refs_a:
        put(article_of(ref)).provisions_a.append(ref)
    for ref in refs_b:
        targets = amends.get(ref)
        if targets:
            for target in targets:
                g = put(article_of(target))
                g.provisions_b.append(ref)
                g.amended_via.append(f"{ref} amends {target}")
        else:
            put(article_of(ref)).provisions_b.append(ref)
    for g in groups.values():
        g.status = "kept" if g.provisions_a and g.provisions_b else "only-in-a" if g.provisions_a else "only-in-b"
        g.provisions_a.sort()
        g.provisions_b.sort()
        g.amended_via.sort()
    return [groups[k] for k in sorted(groups, key=_article_order)]


def _article_order(article: str) -> tuple[str, int, str]:
    """Articles in number order within a framework (Art. 4 before Art. 26); other provisions after."""
    framework, _, local = article.partition("/")
    digits = re.match(r"^art-(\d+)", local)
    return (framework, int(digits.group(1)) if digits else 1 << 30, local)


def _safeguard_moves(measure: str, changes: list[ItemChange]) -> tuple[list[str], list[str], list[str]]:
    """Safeguards added to, removed from, and changed in strength for one measure (over any right)."""
    added: set[str] = set()
    removed: set[str] = set()
    strength: set[str] = set()
    for c in changes:
        if c.kind != "mitigation" or c.key[1] != measure:
            continue
        if c.status == "added":
            added.add(f"{c.key[0]} × {c.key[2]}")
        elif c.status == "removed":
            removed.add(f"{c.key[0]} × {c.key[2]}")
        else:
            strength.update(f"{c.key[0]} × {c.key[2]}: {x.before} → {x.after}"
                            for x in c.changes if x.field == "strength")
    return sorted(added), sorted(removed), sorted(strength)


def _text_changes(measure: str, changes: list[ItemChange]) -> list[FieldChange]:
    for c in changes:
        if c.kind == "measure" and c.key == [measure] and c.status == "changed":
            lead = [x for x in c.changes if x.field.split(".")[0] in TEXT_FIELDS]
            return lead + [x for x in c.changes if x.field.split(".")[0] not in TEXT_FIELDS]
    return []


def pair_measures(
    a: Resolved, b: Resolved, results_a: Mapping[str, MeasureResult], results_b: Mapping[str, MeasureResult],
    model_a: Assessment, changes: list[ItemChange], steps: Mapping[str, list[StepChange]],
) -> list[MeasurePair]:
    """Every measure of A (after renames, as ``model_a``) and of B, paired by id, sorted by id."""
    amends = amended_by(b)
    ids_a = {m.id for m in model_a.measures}
    ids_b = {m.id for m in b.assessment.measures}
    pairs = []
    for mid in sorted(ids_a | ids_b):
        ra, rb = results_a.get(mid), results_b.get(mid)
        either = rb or ra
        title = either.title if either else mid
        presence = "both" if mid in ids_a and mid in ids_b else "only-in-a" if mid in ids_a else "only-in-b"
        missing_a = set(ra.missing_safeguards) if ra else set()
        missing_b = set(rb.missing_safeguards) if rb else set()
        added, removed, strength = _safeguard_moves(mid, changes)
        pairs.append(MeasurePair(
            measure=mid, title=title, presence=presence,
            articles=group_by_article(relied_on(model_a, mid) if mid in ids_a else [],
                                      relied_on(b.assessment, mid) if mid in ids_b else [], amends),
            text_changes=_text_changes(mid, changes),
            safeguards_added=added, safeguards_removed=removed, strength_changed=strength,
            verdict_before=ra.verdict if ra else None, verdict_after=rb.verdict if rb else None,
            ground_before=ra.ground if ra else None, ground_after=rb.ground if rb else None,
            steps=list(steps.get(mid, [])),
            requirements_met=sorted(missing_a - missing_b) if presence == "both" else [],
            requirements_missing=sorted(missing_b - missing_a) if presence == "both" else [],
        ))
    return pairs


__all__ = ["amended_by", "article_of", "group_by_article", "pair_measures", "relied_on"]
