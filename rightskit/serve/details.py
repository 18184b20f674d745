"""The side panel's data: one flat JSON record per diagram node, built from the results.

Keys are the diagram's node names (``measure/<id>``, ``right/<ref>`` … the ``<title>`` of each SVG
node), so a click needs no lookup table. Every value is plain text: the page shows it with
``textContent``, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..render.diagram.text import anchor, dot_name

if TYPE_CHECKING:
    from ..bundle import Bundle


def _words(value: str | None) -> str:
    return (value or "").replace("-", " ")


def details(bundle: Bundle) -> dict[str, dict[str, Any]]:
    """Node name -> {kind, id, title, anchor, facts: [[label, text], …], list: [[label, [items]], …]}."""
    a = bundle.resolved.assessment
    res = bundle.results
    index = bundle.resolved.index
    out: dict[str, dict[str, Any]] = {}

    def put(kind: str, ident: str, title: str, facts: list[tuple[str, str]], lists: list[tuple[str, list[str]]],
            link: bool = True, status: str = "") -> None:
        out[dot_name(kind, ident)] = {
            "kind": kind, "id": ident, "title": title, "status": status,
            "anchor": anchor(kind, ident) if link else "",
            "facts": [[k, v] for k, v in facts if v],
            "lists": [[k, v] for k, v in lists if v],
        }

    for m in sorted(a.measures, key=lambda x: x.id):
        mr = res.measures.get(m.id)
        steps = [f"{s}: {_words(r.status)} — {r.summary}" for s, r in mr.steps.items()] if mr else []
        itfs = [f"{i.right}: residual {_words(i.residual)} (inherent {_words(i.inherent)})"
                for i in (mr.interferences if mr else [])]
        put("measure", m.id, m.title, [
            ("Verdict", _words(mr.verdict) if mr else "not evaluated"),
            ("Why", mr.verdict_reason if mr else ""),
            ("Kind", _words(m.kind)), ("Actor", m.actor if m.actor != "unspecified" else ""),
            ("Data", ", ".join(_words(c) for c in m.data_categories)),
            ("Description", m.description or ""),
        ], [("Art. 52(1) steps", steps), ("Interferences", itfs),
            ("Missing safeguards", list(mr.missing_safeguards) if mr else []),
            ("Feeds", sorted(set(m.feeds)))], status=mr.verdict if mr else "undetermined")

    refs = sorted({i.right for m in a.measures for i in m.interferes} | set(res.rights)
                  | {mit.right for s in a.safeguards for mit in s.mitigates} | {r for x in a.aims for r in x.protects})
    for ref in refs:
        right = index.get("right", ref)
        rr = res.rights.get(ref)
        put("right", ref, right.title if right is not None else (rr.title if rr else ref), [
            ("Reference", ref), ("Cumulative severity", _words(rr.cumulative) if rr else ""),
            ("How", rr.explanation if rr else ""), ("Absolute", "yes" if right is not None and right.absolute else ""),
            ("Protects", right.summary if right is not None and right.summary else ""),
        ], [("Measures (residual)", [f"{mid}: {_words(sev)}" for mid, sev in (rr.measures.items() if rr else [])])],
            status=rr.cumulative if rr else "")

    for s in sorted(a.safeguards, key=lambda x: x.id):
        prov = index.get("provision", str(s.source)) if s.binding else None
        put("safeguard", s.id, s.title, [
            ("Source", (prov.pinpoint if prov is not None else str(s.source)) if s.binding else "voluntary"),
            ("Type", s.type or ""), ("Requires", s.requires or ""),
            ("Effective", "yes" if s.effective else "no: recorded as not effective in practice"),
        ], [("Mitigates", [f"{x.measure} → {x.right}: {x.strength}" for x in s.mitigates]),
            ("Conditions", list(s.conditions))], status="" if s.effective else "ineffective")

    for aim in sorted(a.aims, key=lambda x: x.id):
        put("aim", aim.id, aim.title, [("Kind", _words(aim.kind)), ("Importance", _words(aim.importance)),
                                       ("Description", aim.description or "")],
            [("Protects", list(aim.protects))])

    for alt in sorted(a.alternatives, key=lambda x: x.id):
        put("alternative", alt.id, alt.title, [
            ("Effectiveness", _words(alt.effectiveness.level) if alt.effectiveness else "unknown"),
            ("Description", alt.description or "")], [("Could replace", list(alt.replaces))])

    for ref in sorted({r for m in a.measures for r in m.legal_basis}):
        prov = index.get("provision", ref)
        put("provision", ref, prov.pinpoint if prov is not None else ref,
            [("Title", prov.title if prov is not None else ""), ("Summary", prov.summary if prov is not None else "")],
            [], link=False)
    return out
