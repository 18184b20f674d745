"""The diff as plain terminal text: counts first, then each change, then the results."""

from __future__ import annotations

import json
from typing import Any

from .difference import ITEM_KINDS, DiffResult, FieldChange, MeasurePair

MARK = {"added": "+", "removed": "-", "changed": "~"}
ARROW = {"worse": "▲ worse", "better": "▼ better", "same": "", "new": "new", "gone": "gone"}
PLURAL = {"framework": "frameworks", "aim": "aims", "measure": "measures", "interference": "interferences",
          "safeguard": "safeguards", "mitigation": "mitigations", "alternative": "alternatives",
          "source": "sources"}
WIDTH = 100


def _clip(text: str, width: int = WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def show_value(value: Any) -> str:
    """A value as one short line: lists of records by count, long text clipped."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if all(isinstance(x, str | int | float) for x in value):
            return "[" + ", ".join(str(x) for x in value) + "]"
        return f"{len(value)} item(s)"
    if isinstance(value, dict):
        return _clip(json.dumps(value, sort_keys=True, ensure_ascii=False), 60)
    return _clip(str(value), 60)


def field_line(change: FieldChange) -> str:
    """One field change, e.g. 'mandatory: false → true' or 'legal_basis: +a, -b'."""
    if change.added or change.removed:
        parts = [f"+{x}" for x in change.added] + [f"-{x}" for x in change.removed]
        return f"{change.field}: {', '.join(parts)}"
    before, after = change.before, change.after
    if isinstance(before, list) or isinstance(after, list):
        return f"{change.field}: entries edited ({_count(before)} → {_count(after)})"
    if isinstance(before, str) and isinstance(after, str) and max(len(before), len(after)) > 60:
        return f"{change.field}: text edited ({len(before)} → {len(after)} characters)"
    return f"{change.field}: {show_value(before)} → {show_value(after)}"


def _count(value: Any) -> int:
    return len(value) if isinstance(value, list) else 0


def _counts(d: DiffResult, kind: str) -> str:
    c = d.counts(kind)
    return ", ".join(f"{n} {word}" for word, n in c.items() if n) or "none"


def text_report(d: DiffResult) -> str:
    """The whole diff as text, ending with a newline."""
    out = [
        f"rightskit diff: {d.a.id} → {d.b.id}",
        f"  A: {d.a.title} (as of {d.a.as_of}) [{d.a.path}]",
        f"  B: {d.b.title} (as of {d.b.as_of}) [{d.b.path}]",
    ]
    for note in d.notes:
        out.append(f"  note: {note}")
    out.extend(verdict_moves(d))
    co = d.carried_over
    out.append("")
    out.append("Carried over (same id in A and B):")
    out.append(f"  measures:   {', '.join(co.measures) or 'none'}")
    out.append(f"  safeguards: {', '.join(co.safeguards) or 'none'}")
    out.append(f"  aims:       {', '.join(co.aims) or 'none'}")
    for kind in ITEM_KINDS:
        items = d.of_kind(kind)
        out.append("")
        out.append(f"{PLURAL[kind].capitalize()}: {_counts(d, kind)}")
        for item in items:
            title = f"  {_clip(item.title, 60)}" if item.title and item.status != "changed" else ""
            out.append(f"  {MARK[item.status]} {item.label}{title}")
            out.append(f"      {_clip(item.summary)}")
            if item.status == "changed" and len(item.changes) > 1:
                out.extend(f"      · {_clip(field_line(c))}" for c in item.changes)
    out.append("")
    if d.results is None:
        out.append("Results: not compared (see the note above).")
        return "\n".join(out) + "\n"
    out.append("Verdicts (A → B):")
    width = max((len(m.measure) for m in d.results.measures), default=10)
    for m in d.results.measures:
        flag = "*" if m.changed else " "
        only = {"added": "  (only in B)", "removed": "  (only in A)"}.get(m.presence, "")
        out.append(f" {flag} {m.measure:<{width}}  {m.verdict_before or '—'} → {m.verdict_after or '—'}{only}")
        if m.presence != "both":
            continue
        for s in m.steps:
            out.append(f"      {s.step}: {s.before or '—'} → {s.after or '—'}")
            if s.summary_after:
                out.append(f"        B: {_clip(s.summary_after, WIDTH - 10)}")
        for r in m.residuals:
            out.append(f"      residual {r.right}: {r.before or '—'} → {r.after or '—'} {ARROW[r.direction]}".rstrip())
    out.extend(article_lines(d))
    out.append("")
    out.append("Residual severity by right (cumulative, A → B):")
    width = max((len(x.right) for x in d.results.rights), default=10)
    for right in d.results.rights:
        out.append(f"  {right.right:<{width}}  {right.before or '—'} → {right.after or '—'}  "
                   f"{ARROW[right.direction]}".rstrip())
    return "\n".join(out) + "\n"


def ground(value: str | None) -> str:
    """A decisive ground, or a dash when the verdict rests on none."""
    return value or "—"


def pair_heading(p: MeasurePair) -> str:
    """'measure: verdict A → verdict B (ground A → ground B)', with '(unmatched …)' for one-sided ones."""
    only = {"only-in-a": "  (unmatched: only in A)", "only-in-b": "  (unmatched: only in B)"}.get(p.presence, "")
    return (f"{p.measure}: {p.verdict_before or '—'} → {p.verdict_after or '—'}"
            f" (ground {ground(p.ground_before)} → {ground(p.ground_after)}){only}")


def pair_details(p: MeasurePair) -> list[str]:
    """What the text changes for one measure and what moved in its test, one item a line."""
    lines = [_clip(field_line(c)) for c in p.text_changes]
    lines += [f"safeguard added: {x}" for x in p.safeguards_added]
    lines += [f"safeguard removed: {x}" for x in p.safeguards_removed]
    lines += [f"strength {x}" for x in p.strength_changed]
    lines += [f"step {s.step}: {s.before or '—'} → {s.after or '—'}" for s in p.steps]
    lines += [f"requirement now met: {x}" for x in p.requirements_met]
    lines += [f"requirement now missing: {x}" for x in p.requirements_missing]
    return lines


def verdict_moves(d: DiffResult) -> list[str]:
    """The summary at the top: where each verdict and decisive ground moves."""
    if not d.versions:
        return []
    out = ["", "Where each verdict moves (measure: verdict A → B, ground A → B; * = moved):"]
    out += [f" {'*' if p.moved else ' '} {pair_heading(p)}" for p in d.versions]
    return out


def article_lines(d: DiffResult) -> list[str]:
    """Article by article, per measure: the provisions each text relies on, and what changed."""
    if not d.versions:
        return []
    out = ["", "Article by article (provisions relied on: legal basis and safeguard sources):"]
    for p in d.versions:
        out.append(f"  {pair_heading(p)}")
        for g in p.articles:
            out.append(f"      {g.article} [{g.status}]: A {', '.join(g.provisions_a) or '—'}; "
                       f"B {', '.join(g.provisions_b) or '—'}")
            out.extend(f"        ({x})" for x in g.amended_via)
        out.extend(f"      · {x}" for x in pair_details(p))
    return out
