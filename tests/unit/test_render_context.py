"""The report context: flat records, deep links, the bibliography, the numbers."""

from __future__ import annotations

import dataclasses
from urllib.parse import unquote

import pytest
from harness import golden_fixture

from rightskit.render import number_format
from rightskit.render import template_context as r
from rightskit.render.bibliography import curia_ecli, eurlex_celex, hudoc, safe_url


@pytest.fixture(scope="module")
def ctx() -> r.ReportContext:
    from rightskit.render import build_context

    return build_context(golden_fixture().small_bundle(), diagrams=False)


def walk(obj, path=()):
    """Every (path, leaf) in a context: dataclasses, lists, tuples and dicts opened up."""
    if dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from walk(getattr(obj, f.name), (*path, f.name))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk(v, (*path, k))
    elif isinstance(obj, list | tuple):
        for i, v in enumerate(obj):
            yield from walk(v, (*path, i))
    else:
        yield path, obj


def cites_in(obj):
    if isinstance(obj, r.Cite):
        yield obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from cites_in(getattr(obj, f.name))
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from cites_in(v)
    elif isinstance(obj, list | tuple):
        for v in obj:
            yield from cites_in(v)


def test_context_holds_only_plain_values(ctx: r.ReportContext) -> None:
    # Flat records: no model object, no graph, nothing a template could reach through.
    for path, leaf in walk(ctx):
        assert leaf is None or isinstance(leaf, str | int | float | bool), (path, type(leaf))


def test_anchors_match_the_diagram_links(ctx: r.ReportContext) -> None:
    assert ctx.measures["scan-known"].anchor == "measure-scan-known"
    assert ctx.rights["eu-charter/art-7"].anchor == "right-eu-charter-art-7"
    assert ctx.safeguards["human-review"].anchor == "safeguard-human-review"
    assert ctx.aims["protect-children"].anchor == "aim-protect-children"
    assert ctx.alternatives["targeted-orders"].anchor == "alternative-targeted-orders"


def test_measures_keep_the_authors_order(ctx: r.ReportContext) -> None:
    assert ctx.measure_ids == ["scan-known", "scan-grooming", "report-hits"]


def test_bibliography_lists_exactly_what_is_cited(ctx: r.ReportContext) -> None:
    cited = {c.ref for c in cites_in(ctx)}
    assert cited == set(ctx.bibliography)
    for c in cites_in(ctx):
        assert c.anchor == ctx.bibliography[c.ref].anchor
    numbers = [ctx.bibliography[ref].number for g in ctx.bib_groups for ref in g.refs]
    assert numbers == list(range(1, len(ctx.bibliography) + 1))


def test_bibliography_deep_links(ctx: r.ReportContext) -> None:
    links = {e.ref: {x.label: x.url for x in e.links} for e in ctx.bibliography.values()}
    dri = links["case-law/digital-rights-ireland"]
    assert dri["CURIA"] == "https://curia.europa.eu/juris/liste.jsf?critereEcli=ECLI:EU:C:2014:238"
    assert dri["EUR-Lex"] == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=ecli:ECLI:EU:C:2014:238"
    bbw = links["case-law/big-brother-watch/end-to-end-safeguards"]["HUDOC"]
    assert bbw.startswith("https://hudoc.echr.coe.int/eng#")
    assert unquote(bbw.split("#", 1)[1]) == '{"appno":["58170/13","62322/14","24960/15"]}'
    assert " " not in bbw and '"' not in bbw
    assert links["reg-2021-1232/art-3-1"]["EUR-Lex"] == \
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32021R1232"
    assert links["com-2023-797"]["EUR-Lex"] == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52023DC0797"
    for entry in ctx.bibliography.values():
        for link in entry.links:
            assert link.url.startswith(("https://", "http://"))


def test_unverified_entries_are_marked(ctx: r.ReportContext) -> None:
    bib = ctx.bibliography
    assert bib["eu-charter/art-7"].verified is True
    assert bib["reg-2021-1232/art-3-1"].verified is False
    assert bib["com-2023-797"].verified is False
    assert bib["case-law/big-brother-watch/end-to-end-safeguards"].verified is False
    assert bib["safeguards/sunset"].verified is None  # catalogue data: verification does not apply
    assert ctx.unverified_count == sum(1 for e in bib.values() if e.verified is False)


def test_pinpoints_are_collected(ctx: r.ReportContext) -> None:
    assert ctx.bibliography["edpb-edps-jo-04-2022"].pinpoints == ["para. 75", "paras 60-62"]
    assert ctx.bibliography["case-law/digital-rights-ireland/clear-precise-rules"].title == \
        "Digital Rights Ireland, para. 54"


def test_detection_shows_the_base_rate_effect(ctx: r.ReportContext) -> None:
    d = ctx.measures["scan-grooming"].detection
    assert d is not None
    assert (d.per_n, d.correct, d.innocent) == (10_000, 9, 9_991)
    assert d.headline.startswith("Of every 10,000 items the system flags, about 9 would be correct")
    assert "base-rate effect" in d.base_rate_note
    assert d.correct_share == "0.09 %" and d.innocent_share == "99.91 %"
    outputs = {o.label: o for o in d.outputs}
    assert outputs["Correct hits per day"].central == "900"
    assert outputs["Innocent users flagged per year (upper bound)"].central == "unknown"
    assert ctx.measures["scan-known"].detection is None


def test_flip_and_missing_safeguards(ctx: r.ReportContext) -> None:
    grooming = ctx.measures["scan-grooming"]
    assert [x.type for x in grooming.flip.fix] == ["safeguards/independent-authorisation"]
    assert [x.title for x in grooming.missing_safeguards] == ["Prior independent authorisation"]
    assert ctx.safeguards["sunset"].carries == ["scan-known"]
    assert ctx.measures["report-hits"].flip.fix_summary.startswith("Nothing needs to be added")


def test_matrix_cells_and_cumulative(ctx: r.ReportContext) -> None:
    art7 = ctx.rights["eu-charter/art-7"]
    assert art7.cumulative.word == "very-serious" and art7.cumulative.symbol == "●●●●"
    assert {m: b.word for m, b in art7.cells.items()} == {
        "report-hits": "moderate", "scan-grooming": "serious", "scan-known": "moderate"}


def test_badges_never_rely_on_colour_alone(ctx: r.ReportContext) -> None:
    for scale in ctx.legend.values():
        for b in scale:
            assert b.label and b.symbol


def test_rendered_on_only_with_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    from rightskit.render import build_context

    bundle = golden_fixture().small_bundle()
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_context(bundle, diagrams=False).rendered_on is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_context(bundle, diagrams=False).rendered_on == "2023-11-14"


@pytest.mark.parametrize(("fn", "value", "text"), [
    (number_format.count, 1e9, "1 billion"),
    (number_format.count, 999_999, "999,999"),
    (number_format.count, 3_363.4, "3,363"),
    (number_format.count, 2.5, "2.5"),
    (number_format.count, None, "unknown"),
    (number_format.rate, 0.001, "0.1 % (1 in 1,000)"),
    (number_format.rate, 1e-6, "0.0001 % (1 in 1 million)"),
    (number_format.rate, 0.25, "25 %"),
    (number_format.percent, 0.0009, "0.09 %"),
    (number_format.percent, 0.9, "90 %"),
])
def test_number_format(fn, value, text) -> None:
    assert fn(value) == text


def test_per_n() -> None:
    assert number_format.per_n(0.5) == (100, 50, 50)
    assert number_format.per_n(0.004) == (1_000, 4, 996)
    assert number_format.per_n(0.0) == (10_000_000, 0, 10_000_000)


def test_url_builders_and_safety() -> None:
    assert eurlex_celex("12012P/TXT") == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12012P/TXT"
    assert curia_ecli("ECLI:EU:C:2020:791").endswith("critereEcli=ECLI:EU:C:2020:791")
    assert hudoc(["58170/13"]) == "https://hudoc.echr.coe.int/eng#%7B%22appno%22%3A%5B%2258170%2F13%22%5D%7D"
    assert safe_url("https://example.org/a?b=c") == "https://example.org/a?b=c"
    for bad in ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "https://ex ample.org",
                "https://example.org/\"onmouseover", "//example.org", "https://example.org/<script>", None):
        assert safe_url(bad) is None


def test_context_shares_records_instead_of_copying() -> None:
    """Flat records, no per-finding copies (pytm's mistake): a citation is one shared object.

    Speed itself is measured in benchmarks/, not here; this checks the structure that keeps it linear.
    """
    from rightskit.render import build_context

    def grow(n: int):
        def edit(raw_a, raw_r):
            base_m = raw_a["measures"][1]
            base_r = raw_r["measures"]["scan-grooming"]
            for i in range(n):
                mid = f"extra-{i:03d}"
                raw_a["measures"].append({**base_m, "id": mid, "title": f"Extra measure {i}", "feeds": []})
                raw_r["measures"][mid] = {**base_r, "title": f"Extra measure {i}"}
        return golden_fixture().small_bundle(edit)

    ctx = build_context(grow(300), diagrams=False)
    assert len(ctx.measures) == 303
    cites = [c for m in ctx.measures.values() for s in m.steps for f in s.findings for c in f.cites]
    assert cites
    distinct = {(c.ref, c.pinpoint, c.quote, c.note) for c in cites}
    assert len({id(c) for c in cites}) == len(distinct), "equal citations must be one shared record"
