"""What the reviewers still have to do, for ``rightskit review``: as text for a terminal, or as JSON."""

from __future__ import annotations

import json
from typing import Any

from ..evaluate.results import EvaluationResult
from . import ReviewOutcome

#: The review statuses that leave work to do, in the order they are listed.
PENDING = ("open", "disputed", "needs-evidence")


def worklist(results: EvaluationResult, outcome: ReviewOutcome) -> dict[str, Any]:
    """The pending records, the stale ones, the reviewers' verdicts and the sign-off, as plain data."""
    ids = [f.id for m in results.measures.values() for s in m.steps.values() for f in s.findings]
    pending = {status: [{"id": fid, "reviewer": rec.reviewer, "date": rec.date.isoformat(),
                         "comment": rec.comment}
                        for fid, rec in outcome.findings.items() if rec.status == status]
               for status in PENDING}
    s = outcome.sign_off
    return {
        "assessment": results.assessment,
        "review_file": outcome.file,
        "findings": len(ids),
        "reviewed": len(outcome.findings),
        "unreviewed": [fid for fid in ids if fid not in outcome.findings],
        **pending,
        "stale": [{"id": x.id, "kind": x.what, "nearest": x.nearest,
                   "at": str(x.location) if x.location else None} for x in outcome.stale],
        "refused_overrides": [p.format() for p in outcome.problems],
        "verdicts": {mid: {"engine": results.measures[mid].verdict, "reviewer": v.verdict, "reason": v.reason,
                           "overrides": list(v.overrides)} for mid, v in outcome.verdicts.items()},
        "sign_off": None if s is None else {"by": s.by, "role": s.role, "date": s.date.isoformat(),
                                            "inputs": s.inputs, "current": outcome.signed_current},
    }


def review_line(outcome: ReviewOutcome) -> str:
    """One line for ``rightskit check``: the review file, its records and its sign-off."""
    pending = sum(1 for rec in outcome.findings.values() if rec.status in PENDING)
    s = outcome.sign_off
    signed = "not signed off" if s is None else (
        f"signed off by {s.by} on {s.date.isoformat()}"
        + ("" if outcome.signed_current else " for other inputs than the current ones"))
    return (f"  review: {outcome.file}: {len(outcome.findings)} finding records ({pending} open, disputed or "
            f"needing evidence), {len(outcome.plan)} actions, {signed}")


def worklist_json(results: EvaluationResult, outcome: ReviewOutcome) -> str:
    """:func:`worklist` as indented JSON with a trailing newline."""
    return json.dumps(worklist(results, outcome), indent=2, ensure_ascii=False) + "\n"


def worklist_text(results: EvaluationResult, outcome: ReviewOutcome) -> str:
    """:func:`worklist` for a terminal: one line per record that needs work."""
    data = worklist(results, outcome)
    lines = [f"Review of {results.title} ({results.assessment}): {data['review_file'] or 'no review file'}",
             f"  {data['reviewed']} of {data['findings']} findings reviewed; "
             f"{len(data['unreviewed'])} not yet reviewed (open)"]
    s = data["sign_off"]
    if s is None:
        lines.append("  not signed off")
    else:
        state = "the current inputs" if s["current"] else "other inputs than the current ones"
        lines.append(f"  signed off by {s['by']} ({s['role']}) on {s['date']}, for {state} ({s['inputs'][:12]}…)")
    for status in PENDING:
        items = data[status]
        lines.append(f"{status} ({len(items)}):")
        lines.extend(f"  {x['id']}  [{x['reviewer']}, {x['date']}] {x['comment']}".rstrip() for x in items)
    lines.append(f"stale ({len(data['stale'])}):")
    for x in data["stale"]:
        near = f" — nearest existing id: {x['nearest']}" if x["nearest"] else ""
        lines.append(f"  {x['at'] or ''}: {x['kind']} {x['id']}{near}".replace("  : ", "  "))
    if data["refused_overrides"]:
        lines.append(f"refused overrides ({len(data['refused_overrides'])}):")
        lines.extend(f"  {p}" for p in data["refused_overrides"])
    if data["verdicts"]:
        lines.append("the reviewer's verdicts, with the overrides (engine → reviewer):")
        lines.extend(f"  {mid}: {v['engine']} → {v['reviewer']}" for mid, v in data["verdicts"].items())
    return "\n".join(lines) + "\n"
