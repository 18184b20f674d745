"""Stage 3, graph: the typed rights graph and its queries."""

from .build import RightsGraph, build_graph, node_id
from .queries import chain, feeds_into, interferences_with, safeguards_of, upstream_of

__all__ = [
    "RightsGraph", "build_graph", "chain", "feeds_into", "interferences_with", "node_id", "safeguards_of",
    "upstream_of",
]
