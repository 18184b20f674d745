"""Aggregation: keep every picture small enough to read and to lay out in well under 2 s.

Thresholds (documented in ``rightskit.render.diagram``):

* a whole picture (overview, chain, diff side) with more than ``AGGREGATE_ABOVE`` nodes is drawn
  aggregated: measures collapse by kind, rights by framework, safeguards by catalogue type;
* in a focused view (one measure, one right) a column with more than ``COLUMN_MAX`` nodes
  collapses the same way, the other columns stay in detail.

A group node says how many members it holds, their worst verdict or severity, and in its tooltip
who they are; merged edges carry the worst severity (or strongest safeguard) and a ×count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from ...translation import N_, ngettext
from ...translation import gettext as _
from .facts import EdgeFact, Facts, NodeFact, strongest, words, worst

#: A picture with more nodes than this is aggregated (measured: dot lays out 150 nodes in ~0.1 s).
AGGREGATE_ABOVE = 150
#: In a focused view, a column with more nodes than this is collapsed.
COLUMN_MAX = 40

VERDICT_ORDER = ("proportionate", "proportionate-with-conditions", "undetermined", "disproportionate",
                 "essence-violated")
_GROUP_KIND = {"measure": "measure-group", "right": "right-group", "safeguard": "safeguard-group",
               "aim": "group", "alternative": "group", "provision": "group"}
#: How a group counts its members, singular and plural (translated where the count is written).
_NOUN = {"measure": (N_("{n} measure"), N_("{n} measures")), "right": (N_("{n} right"), N_("{n} rights")),
         "safeguard": (N_("{n} safeguard"), N_("{n} safeguards")), "aim": (N_("{n} aim"), N_("{n} aims")),
         "alternative": (N_("{n} alternative"), N_("{n} alternatives")),
         "provision": (N_("{n} provision"), N_("{n} provisions"))}


def counted(kind: str, n: int) -> str:
    """'3 measures', '1 right': ``n`` nodes of ``kind`` counted in the active language."""
    return ngettext(*_NOUN[kind], n).format(n=n)


def worst_verdict(values: Iterable[str]) -> str:
    known = [v for v in values if v in VERDICT_ORDER]
    return max(known, key=VERDICT_ORDER.index) if known else "undetermined"


def _tally(values: list[str]) -> str:
    """'3 ✗ · 2 ! · 5 ✓': how many members have each verdict, worst first, with the legend's symbols."""
    from .style import verdict

    counts = {v: values.count(v) for v in VERDICT_ORDER if v in values}
    return " · ".join(f"{n} {verdict(v).symbol}" for v, n in sorted(counts.items(),
                                                                    key=lambda kv: -VERDICT_ORDER.index(kv[0])))


def group_nodes(nodes: list[NodeFact], key: Callable[[NodeFact], str], title: Callable[[str], str]
                ) -> tuple[list[NodeFact], dict[str, str]]:
    """Collapse ``nodes`` (all of one kind) by ``key``; returns the groups and member → group names."""
    buckets: dict[str, list[NodeFact]] = defaultdict(list)
    for node in nodes:
        buckets[key(node)].append(node)
    groups: list[NodeFact] = []
    mapping: dict[str, str] = {}
    for gkey in sorted(buckets):
        members = sorted(buckets[gkey], key=lambda n: n.ident)
        kind = members[0].kind
        looks = [m.look for m in members]
        if kind == "measure":
            look = worst_verdict(looks)
            summary = _tally(looks)
        elif kind == "right":
            look = worst(looks)
            summary = _("worst cumulative: {severity}").format(severity=words(look)) if look else ""
        else:
            look = "ineffective" if looks and all(v == "ineffective" for v in looks) else ""
            summary = ""
        count = counted(kind, len(members))
        names = ", ".join(m.ident for m in members[:40]) + (" …" if len(members) > 40 else "")
        group = NodeFact(
            _GROUP_KIND.get(kind, "group"), f"{kind}/{gkey}", title(gkey), tuple(x for x in (count, summary) if x),
            look, _GROUP_KIND.get(kind, "group"),
            (_("{group}: {count}").format(group=title(gkey), count=count), summary,
             _("Members: {names}").format(names=names),
             _("Aggregated: view one of them with --view measure:ID or right:REF.")),
            group=members[0].group, members=tuple(m.ident for m in members), link=False,
        )
        groups.append(group)
        for m in members:
            mapping[m.name] = group.name
    return groups, mapping


def merge_edges(edges: Iterable[EdgeFact], mapping: dict[str, str]) -> list[EdgeFact]:
    """Re-point edges at group nodes and merge the ones that now coincide."""
    merged: dict[tuple[str, str, str], list[EdgeFact]] = defaultdict(list)
    for e in edges:
        tail, head = mapping.get(e.tail, e.tail), mapping.get(e.head, e.head)
        merged[(tail, head, e.kind)].append(e)
    out: list[EdgeFact] = []
    for (tail, head, kind), items in sorted(merged.items()):
        if len(items) == 1 and tail == items[0].tail and head == items[0].head:
            out.append(items[0])
            continue
        looks = [e.look for e in items]
        if kind == "interferes":
            look = worst(looks)
        elif kind == "mitigates":
            effective = [v for v in looks if v != "ineffective"]
            look = strongest(effective) if effective else "ineffective"
        else:
            look = looks[0]
        labels = sorted({part.strip() for e in items for part in e.label.split(",") if part.strip()})
        label = ", ".join(labels) if kind == "feeds" else (words(look) if items[0].label else "")
        tip = [_("{n} merged edges; worst/strongest: {look}").format(n=len(items), look=words(look) or _("n/a"))]
        tip += [e.tooltip[0] for e in items[:30] if e.tooltip]
        out.append(EdgeFact(tail, head, kind, look, label, tuple(tip), items[0].dashed,
                            sum(e.count for e in items)))
    return out


def collapse(facts: Facts, kind: str, key: Callable[[NodeFact], str], title: Callable[[str], str]) -> Facts:
    """``facts`` with the nodes of ``kind`` grouped by ``key``; other nodes and edges follow."""
    groups, mapping = group_nodes(facts.of(kind), key, title)
    out = Facts()
    for name, node in sorted(facts.nodes.items()):
        if name not in mapping:
            out.add(node)
    for g in groups:
        out.add(g)
    for e in merge_edges(facts.sorted_edges(), mapping):
        out.link(e)
    return out
