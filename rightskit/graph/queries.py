"""Questions asked of the rights graph: who interferes with a right, what mitigates it, the chains."""

from __future__ import annotations

from typing import Any

from .build import RightsGraph, node_id


def interferences_with(rg: RightsGraph, right: str) -> list[tuple[str, Any]]:
    """(measure id, Interference) pairs for every measure that interferes with ``right``, sorted."""
    nid = node_id("right", right)
    if nid not in rg.g:
        return []
    out = [(d["measure"], d["obj"]) for _, _, d in rg.g.in_edges(nid, data=True) if d["type"] == "interferes"]
    return sorted(out, key=lambda x: x[0])


def safeguards_of(rg: RightsGraph, measure: str, right: str) -> list[tuple[str, Any]]:
    """(safeguard id, Mitigation) pairs that mitigate ``measure``'s interference with ``right``, sorted."""
    nid = node_id("right", right)
    if nid not in rg.g:
        return []
    out = [
        (rg.g.nodes[u]["id"], d["obj"])
        for u, _, d in rg.g.in_edges(nid, data=True)
        if d["type"] == "mitigates" and d["measure"] == measure
    ]
    return sorted(out, key=lambda x: x[0])


def feeds_into(rg: RightsGraph, measure: str) -> list[str]:
    """Measures directly downstream of ``measure``."""
    nid = node_id("measure", measure)
    return sorted(rg.g.nodes[v]["id"] for _, v, d in rg.g.out_edges(nid, data=True) if d["type"] == "feeds")


def upstream_of(rg: RightsGraph, measure: str) -> list[str]:
    """Every measure whose output reaches ``measure`` through ``feeds``, cycles tolerated, sorted."""
    start = node_id("measure", measure)
    seen: set[str] = set()
    stack = [start]
    while stack:
        current = stack.pop()
        for u, _, d in rg.g.in_edges(current, data=True):
            if d["type"] == "feeds" and u not in seen and u != start:
                seen.add(u)
                stack.append(u)
    return sorted(rg.g.nodes[n]["id"] for n in seen)


def chain(rg: RightsGraph) -> list[list[str]]:
    """Every maximal feeds-path from a source measure (nothing feeds it) to a sink, cycles cut."""
    feeds = {m: feeds_into(rg, rg.g.nodes[m]["id"]) for m in rg.nodes_of("measure")}
    has_input = {t for targets in feeds.values() for t in targets}
    paths: list[list[str]] = []
    for start in sorted(rg.g.nodes[m]["id"] for m in feeds):
        if start in has_input:
            continue
        stack: list[list[str]] = [[start]]
        while stack:
            path = stack.pop()
            nxt = [t for t in feeds[node_id("measure", path[-1])] if t not in path]
            if not nxt:
                if len(path) > 1:
                    paths.append(path)
                continue
            stack.extend([*path, t] for t in reversed(nxt))
    return sorted(paths)
