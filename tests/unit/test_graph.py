"""The rights graph: typed nodes, sorted iteration, queries, chains with cycles."""

from __future__ import annotations

from rightskit.authoring import Assessment
from rightskit.graph import build_graph, chain, interferences_with, safeguards_of, upstream_of
from rightskit.load import FrameworkLibrary, resolve
from rightskit.load.frameworks import packaged_frameworks_dir


def _graph(with_cycle: bool = False):  # type: ignore[no-untyped-def]
    a = Assessment("G", as_of="2022-06-01", frameworks=["eu-charter"])
    scan = a.measure("scan", "Scan", kind="detection")
    report = a.measure("report", "Report", kind="reporting")
    remove = a.measure("remove", "Remove", kind="removal")
    scan.interferes("eu-charter/art-7", severity="serious", rationale="x").feeds(report)
    report.interferes("eu-charter/art-7", severity="moderate", rationale="y").feeds(remove)
    if with_cycle:
        remove.feeds(scan)
    a.safeguard("review", "Review").mitigates(scan, "eu-charter/art-7", strength="strong")
    library = FrameworkLibrary([packaged_frameworks_dir()])
    return build_graph(resolve(a.build(), library, lambda p: None, "test"))


def test_nodes_are_typed_and_sorted() -> None:
    rg = _graph()
    assert rg.nodes_of("measure") == ["measure:remove", "measure:report", "measure:scan"]
    assert rg.data("right:eu-charter/art-7")["type"] == "right"


def test_queries() -> None:
    rg = _graph()
    assert [m for m, _ in interferences_with(rg, "eu-charter/art-7")] == ["report", "scan"]
    assert [s for s, _ in safeguards_of(rg, "scan", "eu-charter/art-7")] == ["review"]
    assert safeguards_of(rg, "report", "eu-charter/art-7") == []
    assert upstream_of(rg, "remove") == ["report", "scan"]
    assert chain(rg) == [["scan", "report", "remove"]]


def test_cycles_in_feeds_terminate() -> None:
    rg = _graph(with_cycle=True)
    assert upstream_of(rg, "scan") == ["remove", "report"]
    assert chain(rg) == []  # every measure has an input: no source to start from
