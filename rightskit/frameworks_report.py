"""What ``rightskit frameworks`` prints: the legal data, its dated states and its verification."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from .load import FrameworkLibrary
from .model import Framework


def records(fw: Framework) -> Iterator[tuple[str, str, Any]]:
    """Every verifiable record of a framework: (kind, ref, record)."""
    for p in fw.provisions:
        yield "provision", f"{fw.id}/{p.id}", p
    for c in fw.cases:
        yield "case", f"{fw.id}/{c.id}", c
        for crit in c.criteria:
            yield "criterion", f"{fw.id}/{c.id}/{crit.id}", crit
    for v in fw.versions:
        yield "version", f"{fw.id}@{v.id}", v
    for s in fw.sources:
        yield "source", f"{fw.id}/{s.id}", s


def verified_ratio(fw: Framework) -> tuple[int, int]:
    """(verified, total) records."""
    recs = list(records(fw))
    return sum(1 for _, _, r in recs if r.verified), len(recs)


def list_all(library: FrameworkLibrary, as_of: dt.date | None) -> str:
    """One line per framework: id, kind, state on the date, verified ratio, title."""
    day = as_of or dt.date.today()
    lines = [f"{'id':<24} {'kind':<10} {'on ' + day.isoformat():<22} {'verified':>9}  title"]
    total_v = total_n = 0
    for fid in library.ids():
        fw = library.get(fid)
        v = fw.version_at(day)
        state = f"{v.id} {v.status}" if v else "not in effect"
        done, n = verified_ratio(fw)
        total_v += done
        total_n += n
        lines.append(f"{fid:<24} {fw.kind:<10} {state:<22} {done:>4}/{n:<4}  {fw.short_title or fw.title}")
    pct = 100 * total_v / total_n if total_n else 0
    lines.append(f"{total_v}/{total_n} records verified against official texts ({pct:.0f}%); "
                 "see 'rightskit frameworks --unverified'")
    return "\n".join(lines)


def describe(library: FrameworkLibrary, fid: str, as_of: dt.date | None) -> str:
    """A framework's dated versions and, as of a date, which state applies and which provisions."""
    fw = library.get(fid)
    lines = [f"{fw.title}", f"  id {fw.id} · kind {fw.kind} · data {fw.data_version} · {fw.url}"]
    if fw.celex:
        lines.append(f"  CELEX {fw.celex}")
    lines.append("  versions:")
    for v in fw.versions:
        mark = "✓" if v.verified else "?"
        until = str(v.valid_until) if v.valid_until else "open"
        lines.append(f"    {mark} {v.id:<14} {v.valid_from} → {until:<10} {v.status:<14} "
                     f"{v.title or ''}")
    if as_of is not None:
        at = fw.version_at(as_of)
        if at is None:
            lines.append(f"  on {as_of}: NO version applies (not in effect on this date)")
        else:
            lines.append(f"  on {as_of}: version {at.id} ({at.status}) applies" + (f" — {at.note}" if at.note else ""))
        if at is not None and at.status != "in-force":
            lines.append(f"  no provision is law in force on that date (status: {at.status})")
        elif at is not None:
            live = [p for p in fw.provisions
                    if not (p.valid_from and as_of < p.valid_from) and not (p.valid_until and as_of > p.valid_until)]
            lines.append(f"  {len(live)} of {len(fw.provisions)} provisions apply on that date")
    for p in fw.provisions:
        lines.append(f"    {'✓' if p.verified else '?'} {fw.id}/{p.id:<22} {p.pinpoint}: {p.title}")
    for r in fw.rights:
        lines.append(f"    right {fw.id}/{r.id}: {r.title}{' (absolute)' if r.absolute else ''}")
    for c in fw.cases:
        ident = c.ecli or ", ".join(c.application_numbers)
        lines.append(f"    {'✓' if c.verified else '?'} {fw.id}/{c.id}: {c.name} ({ident}, {c.date})")
    for t in fw.safeguard_types:
        lines.append(f"    type {fw.id}/{t.id}: {t.title}")
    for s in fw.steps:
        lines.append(f"    step {s.id}: {s.title} (rule {s.rule})")
    done, n = verified_ratio(fw)
    lines.append(f"  {done}/{n} records verified")
    return "\n".join(lines)


COUNT_COLUMNS = (("provisions", "provisions"), ("rights", "rights"), ("cases", "cases"),
                 ("criteria", "criteria"), ("safeguard types", "safeguard_types"), ("steps", "steps"),
                 ("sources", "sources"))


def counts_table(library: FrameworkLibrary) -> str:
    """A Markdown table of what each framework holds, counted from the data (for frameworks/README.md).

    Records are provisions, cases, criteria and sources, each carrying ``verified``; versions are counted
    apart. Documentation quotes this table instead of typing numbers that go stale.
    """
    head = ["framework", "kind", *(name for name, _ in COUNT_COLUMNS), "verified records", "verified versions"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    totals = [0] * (len(COUNT_COLUMNS) + 4)
    for fid in library.ids():
        fw = library.get(fid)
        counts = [len(fw.cases) if attr == "cases" else
                  sum(len(c.criteria) for c in fw.cases) if attr == "criteria" else
                  len(getattr(fw, attr)) for _, attr in COUNT_COLUMNS]
        recs = [r for kind, _, r in records(fw) if kind != "version"]
        done = sum(1 for r in recs if r.verified)
        versions = sum(1 for v in fw.versions if v.verified)
        extra = [done, len(recs), versions, len(fw.versions)]
        totals = [a + b for a, b in zip(totals, [*counts, *extra], strict=True)]
        lines.append(f"| `{fid}` | {fw.kind} | " + " | ".join(str(n) for n in counts)
                     + f" | {done}/{len(recs)} | {versions}/{len(fw.versions)} |")
    *count_totals, done, recs_n, versions, versions_n = totals
    share = f" = {100 * done / recs_n:.1f} %" if recs_n else ""
    lines.append("| **all** | | " + " | ".join(str(n) for n in count_totals)
                 + f" | **{done}/{recs_n}{share}** | {versions}/{versions_n} |")
    return "\n".join(lines)


def unverified_records(library: FrameworkLibrary, fid: str | None) -> str:
    """Every record still marked verified: false, with its note."""
    lines = []
    for framework_id in [fid] if fid else library.ids():
        for kind, ref, rec in records(library.get(framework_id)):
            if not rec.verified:
                note = getattr(rec, "verified_note", None) or ""
                lines.append(f"{ref:<48} {kind:<10} {note[:100]}")
    return "\n".join(lines) if lines else "every record is verified"
