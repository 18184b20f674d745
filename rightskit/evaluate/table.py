"""A compact terminal table of an evaluation: one row per measure, one column per step, and the verdict."""

from __future__ import annotations

from .results import DUTY_WORDS, EvaluationResult, StepResult
from .steps import SPECS

#: Mark and short word per status; the legend under the table spells them out.
MARKS = {
    "satisfied": "✓ ok",
    "concern": "! concern",
    "not-satisfied": "✗ fails",
    "undetermined": "? unknown",
}
SKIPPED = "– skipped"
_SHORT = {spec.id: spec.short for spec in SPECS}


def _cell(step: StepResult) -> str:
    return SKIPPED if step.skipped else MARKS[step.status]


def text_table(result: EvaluationResult) -> str:
    """The table as plain text, with a legend and the as-of date."""
    step_ids: list[str] = []
    for m in result.measures.values():
        for sid in m.steps:
            if sid not in step_ids:
                step_ids.append(sid)
    header = ["measure", *(_SHORT.get(s, s) for s in step_ids), "verdict"]
    rows = [header]
    for mid, m in result.measures.items():
        rows.append([mid, *(_cell(m.steps[s]) if s in m.steps else "" for s in step_ids), m.verdict])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [f"{result.title} — as of {result.as_of}", line(header), line(["-" * w for w in widths])]
    out.extend(line(r) for r in rows[1:])
    if not result.measures:
        out.append("(no measures)")
    legend = ", ".join(f"{mark} = {status}" for status, mark in MARKS.items())
    out.append("")
    out.append(f"{legend}, {SKIPPED} = not assessed after an essence finding")
    out.extend(_reasons(result))
    return "\n".join(out) + "\n"


def _reasons(result: EvaluationResult) -> list[str]:
    """Each measure's decisive reason (its verdict_reason) under the table, one line each.

    Not wrapped: a break inside the author's text could leave a bidi override open at a line's end.
    """
    if not result.measures:
        return []
    out = ["", "Why each verdict:"]
    for mid, m in result.measures.items():
        out.append(f"  {mid} ({m.verdict}): {m.verdict_reason}")
    duties = [(mid, split) for mid in result.measures if (split := result.missing_by_duty(mid))]
    if duties:
        out.extend(["", "Missing safeguards, by who must act:"])
        for mid, split in duties:
            out.append(f"  {mid}:")
            out.extend(f"    {DUTY_WORDS[holder]}: {', '.join(titles)}" for holder, titles in split.items())
    return out

