"""Compare two assessment models record by record, keyed by id.

Measures, aims, safeguards, alternatives and sources are matched by id; an interference by
(measure, right); a mitigation by (safeguard, measure, right). A ``renames`` map lets a measure
of A be compared with a measure of B under another id (e.g. the Interim Regulation's voluntary
``detect-known`` with the proposal's ``detection-order-known``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..errors import UsageError
from ..model import Assessment
from ..model.scales import SEVERITY_ORDER
from .difference import ITEM_KINDS, CarryOver, Direction, FieldChange, ItemChange, ItemKind

# Fields whose content is diffed as separate records, or which are the record's identity.
_SPLIT = {"measure": {"id", "interferes"}, "safeguard": {"id", "mitigates"}}


def rename_assessment(model: Assessment, renames: Mapping[str, str]) -> Assessment:
    """A copy of ``model`` with measure ids mapped through ``renames`` everywhere they occur."""
    if not renames:
        return model
    ids = {m.id for m in model.measures}
    for old, new in sorted(renames.items()):
        if old not in ids:
            raise UsageError(f"--rename {old}={new}: '{model.id}' has no measure '{old}'"
                             f" (its measures: {', '.join(sorted(ids)) or 'none'})")
        if new in ids and new not in renames:
            raise UsageError(f"--rename {old}={new}: '{model.id}' already has a measure '{new}'")
    targets = list(renames.values())
    if len(set(targets)) != len(targets):
        raise UsageError("--rename maps two measures to the same id")

    def r(ident: str) -> str:
        return renames.get(ident, ident)

    data = model.model_dump(mode="python", by_alias=True)
    for m in data["measures"]:
        m["id"] = r(m["id"])
        m["feeds"] = [r(x) for x in m["feeds"]]
    for s in data["safeguards"]:
        for mit in s["mitigates"]:
            mit["measure"] = r(mit["measure"])
    for alt in data["alternatives"]:
        alt["replaces"] = [r(x) for x in alt["replaces"]]
    return Assessment.model_validate(data)


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Nested dicts as dotted paths; lists and scalars are leaves."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key in sorted(value):
            out.update(_flatten(value[key], f"{prefix}.{key}" if prefix else key))
        return out
    return {prefix: value}


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {}


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    """Every dotted field that differs, sorted; empty and absent count as the same."""
    fa, fb = _flatten(before), _flatten(after)
    changes = []
    for key in sorted(set(fa) | set(fb)):
        va, vb = fa.get(key), fb.get(key)
        if va == vb or (_empty(va) and _empty(vb)):
            continue
        added: list[str] = []
        removed: list[str] = []
        if _is_list(va) and _is_list(vb):
            la, lb = {_entry(x) for x in va or []}, {_entry(x) for x in vb or []}
            added = sorted(lb - la)
            removed = sorted(la - lb)
        changes.append(FieldChange(field=key, before=None if _empty(va) else va, after=None if _empty(vb) else vb,
                                   added=added, removed=removed))
    return changes


def _is_list(value: Any) -> bool:
    return value is None or isinstance(value, list)


def _entry(item: Any) -> str:
    """How a list entry is named in added/removed: itself, or a record's 'ref' or 'id'."""
    if isinstance(item, dict):
        for key in ("ref", "id", "right", "measure"):
            if isinstance(item.get(key), str):
                return str(item[key])
        if isinstance(item.get("quality"), str) and isinstance(item.get("description"), str):
            words = " ".join(str(item["description"]).split())
            return f"{item['quality']}: {words[:50]}{'…' if len(words) > 50 else ''}"
        return json.dumps(item, sort_keys=True, ensure_ascii=False)
    return str(item)


def _dump(record: Any, drop: Iterable[str] = ()) -> dict[str, Any]:
    data: dict[str, Any] = record.model_dump(mode="json", by_alias=True)
    for key in drop:
        data.pop(key, None)
    return data


def _word(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _arrow(before: Any, after: Any) -> str:
    return f"{_word(before)} → {_word(after)}"


def _summary(kind: str, changes: list[FieldChange]) -> str:
    """The one line a reader sees: the changes that matter most first."""
    lead = {"interference": ("severity", "reaches_essence"), "mitigation": ("strength",),
            "measure": ("mandatory", "scope", "end_to_end_encrypted", "kind", "automated"),
            "safeguard": ("source", "type", "effective")}.get(kind, ())
    named = {c.field: c for c in changes}
    parts = [f"{f} {_arrow(named[f].before, named[f].after)}" for f in lead if f in named]
    rest = [c.field for c in changes if c.field not in lead]
    if rest:
        shown = ", ".join(rest[:6]) + (f" and {len(rest) - 6} more" if len(rest) > 6 else "")
        parts.append(f"{'also ' if parts else ''}{shown} changed")
    return "; ".join(parts)


class _Differ:
    def __init__(self) -> None:
        self.changes: list[ItemChange] = []
        self.unchanged: dict[str, int] = {k: 0 for k in ITEM_KINDS}

    def records(
        self, kind: ItemKind, a: Mapping[Any, Any], b: Mapping[Any, Any],
        label: Callable[[tuple[str, ...]], str], dump: Callable[[Any], dict[str, Any]],
        describe_new: Callable[[Any], str],
    ) -> None:
        for key in sorted(set(a) | set(b)):
            ra, rb = a.get(key), b.get(key)
            title = _title(rb if rb is not None else ra)
            if ra is None:
                self.changes.append(ItemChange(kind=kind, key=list(key), label=label(key), status="added",
                                               title=title, summary=describe_new(rb)))
            elif rb is None:
                self.changes.append(ItemChange(kind=kind, key=list(key), label=label(key), status="removed",
                                               title=title, summary=describe_new(ra)))
            else:
                diffs = field_changes(dump(ra), dump(rb))
                if not diffs:
                    self.unchanged[kind] += 1
                    continue
                self.changes.append(ItemChange(kind=kind, key=list(key), label=label(key), status="changed",
                                               title=title, summary=_summary(kind, diffs), changes=diffs))


def _title(record: Any) -> str | None:
    title = getattr(record, "title", None)
    return str(title) if title is not None else None


def _one(key: tuple[str, ...]) -> str:
    return key[0]


def diff_models(a: Assessment, b: Assessment) -> tuple[list[ItemChange], dict[str, int], CarryOver]:
    """Records added, removed and changed from ``a`` to ``b``; counts of unchanged ones; shared ids."""
    d = _Differ()
    fa = {(u.id,): u for u in a.frameworks}
    fb = {(u.id,): u for u in b.frameworks}
    d.records("framework", fa, fb, _one, lambda u: _dump(u, ["id"]),
              lambda u: f"data version {u.data_version}" if u.data_version else "framework listed")
    d.records("aim", {(x.id,): x for x in a.aims}, {(x.id,): x for x in b.aims}, _one,
              lambda x: _dump(x, ["id"]), lambda x: f"{x.kind}, importance {x.importance}")
    d.records("measure", {(m.id,): m for m in a.measures}, {(m.id,): m for m in b.measures}, _one,
              lambda m: _dump(m, _SPLIT["measure"]),
              lambda m: f"{m.kind}, {'mandatory' if m.mandatory else 'voluntary'}, {m.scope} scope, "
                        f"{len(m.interferes)} interference(s)")
    ia = {(m.id, i.right): i for m in a.measures for i in m.interferes}
    ib = {(m.id, i.right): i for m in b.measures for i in m.interferes}
    d.records("interference", ia, ib, lambda k: f"{k[0]} × {k[1]}", lambda i: _dump(i),
              lambda i: f"severity {i.severity}" + (", reaches the essence" if i.reaches_essence else ""))
    d.records("safeguard", {(s.id,): s for s in a.safeguards}, {(s.id,): s for s in b.safeguards}, _one,
              lambda s: _dump(s, _SPLIT["safeguard"]),
              lambda s: f"{s.type or 'untyped'}, {'binding: ' + s.source if s.binding else 'voluntary'}, "
                        f"{len(s.mitigates)} mitigation(s)")
    ma = {(s.id, x.measure, x.right): x for s in a.safeguards for x in s.mitigates}
    mb = {(s.id, x.measure, x.right): x for s in b.safeguards for x in s.mitigates}
    d.records("mitigation", ma, mb, lambda k: f"{k[0]} → {k[1]} × {k[2]}", lambda x: _dump(x, ["measure", "right"]),
              lambda x: f"strength {x.strength}")
    d.records("alternative", {(x.id,): x for x in a.alternatives}, {(x.id,): x for x in b.alternatives}, _one,
              lambda x: _dump(x, ["id"]), lambda x: f"replaces {', '.join(x.replaces) or 'nothing'}")
    d.records("source", {(x.id,): x for x in a.sources}, {(x.id,): x for x in b.sources}, _one,
              lambda x: _dump(x, ["id"]), lambda x: f"{x.kind}, {'verified' if x.verified else 'unverified'}")
    order = {k: i for i, k in enumerate(ITEM_KINDS)}
    changes = sorted(d.changes, key=lambda c: (order[c.kind], c.key))
    carried = CarryOver(
        measures=sorted({m.id for m in a.measures} & {m.id for m in b.measures}),
        safeguards=sorted({s.id for s in a.safeguards} & {s.id for s in b.safeguards}),
        aims=sorted({x.id for x in a.aims} & {x.id for x in b.aims}),
    )
    return changes, {k: v for k, v in d.unchanged.items()}, carried


def severity_direction(before: str | None, after: str | None) -> Direction:
    """worse / better / same / new / gone, on the severity scale."""
    if before is None and after is None:
        return "same"
    if before is None:
        return "new"
    if after is None:
        return "gone"
    rb, ra = SEVERITY_ORDER.index(before), SEVERITY_ORDER.index(after)
    return "worse" if ra > rb else "better" if ra < rb else "same"


__all__ = ["diff_models", "field_changes", "rename_assessment", "severity_direction"]
