"""The review in the main text: the action plan, the sign-off block, and a finding's review record.

The words are in phrases.py; the records come from review_records.py.
"""

from __future__ import annotations

from . import template_context as r
from .document import Block, Para, Run, Section, Table, Text, sentence
from .phrasebook import phrases as p


def review_runs(state: r.ReviewState | None) -> list[Run]:
    """A finding's review record as runs, after the finding: its state, and the reviewer's status if it differs."""
    if state is None:
        return []
    return [Text(f" {state.label}: ", bold=True), Text(state.summary)]


def action_plan(ctx: r.ReportContext, every: bool = True) -> Section:
    """The action plan: every condition and recommended amendment, with its owner and due date.

    With ``every`` False (an assessment too large to argue measure by measure) only the actions the
    review file assigns or reviews are listed: thousands of unassigned rows made the PDF hundreds of pages.
    """
    if not ctx.actions:
        return Section("action-plan", p.ACTION_PLAN, [Para([Text(p.NO_ACTIONS)])])
    actions = ctx.actions if every else [a for a in ctx.actions if a.owner or a.due or a.review is not None]
    lead = [Para([Text(p.ACTION_PLAN_LEAD)])]
    if len(actions) < len(ctx.actions):
        lead.append(Para([Text(p.ACTIONS_ASSIGNED_ONLY.format(n=len(ctx.measure_ids), shown=len(actions),
                                                             rest=len(ctx.actions) - len(actions)))]))
    if not actions:
        return Section("action-plan", p.ACTION_PLAN, list(lead))
    rows: list[list[list[Run]]] = []
    for a in actions:
        m = ctx.measures.get(a.measure)
        cell: list[Run] = [Text(a.kind + ": ", bold=True), Text(sentence(a.text))]
        if a.comment:
            cell.append(Text(" " + sentence(a.comment), italic=True))
        if a.review is not None:
            cell.append(Text(f" [{a.review.label}: {a.review.status.label}]"))
        rows.append([[Text(m.title if m else a.measure)], cell, [Text(a.owner or p.NO_OWNER)],
                     [Text(a.due or "—")], [Text(a.id)]])
    return Section("action-plan", p.ACTION_PLAN, [*lead, Table(
        list(p.ACTION_HEADER), rows, [3, 8, 2.5, 2, 3.5], p.ACTION_CAPTION)])

def sign_off(ctx: r.ReportContext) -> Section:
    """The sign-off block: who, when, for which inputs; the review counts; the reviewer's verdicts."""
    s = ctx.sign_off
    blocks: list[Block] = []
    if s is None:
        blocks.append(Para([Text(p.NOT_SIGNED_OFF, bold=True), Text(" " + p.NOT_SIGNED_LEAD.format(
            hash=ctx.input_hash))], style="lead"))
    else:
        inputs = (p.SIGNED_INPUTS.format(hash=s.inputs) if s.current
                  else p.SIGNED_OTHER_INPUTS.format(signed=s.inputs, hash=ctx.input_hash))
        runs: list[Run] = [Text(p.SIGNED_OFF.format(by=s.by, role=s.role, date=s.date), bold=True),
                           Text(" " + inputs)]
        if s.comment:
            runs.append(Text(" " + sentence(s.comment)))
        blocks.append(Para(runs, style="lead"))
    states = [f.review for mid in ctx.measure_ids for st in ctx.measures[mid].steps for f in st.findings]
    reviewed = [x for x in states if x is not None]
    if reviewed:
        counts: dict[str, int] = {}
        for x in reviewed:
            counts[x.status.label] = counts.get(x.status.label, 0) + 1
        listed = "; ".join(f"{k.lower()}: {n}" for k, n in sorted(counts.items()))
        blocks.append(Para([Text(p.REVIEW_COUNTS.format(reviewed=len(reviewed), total=len(states), counts=listed))]))
    else:
        blocks.append(Para([Text(p.NO_REVIEW)]))
    views = [(ctx.measures[mid], ctx.measures[mid].reviewed) for mid in ctx.measure_ids]
    rows = [[[Text(m.title, bold=True)], [Text(f"{m.verdict.symbol} {m.verdict.label}")],
             [Text(f"{v.verdict.symbol} {v.verdict.label}")], [Text(", ".join(v.overrides))]]
            for m, v in views if v is not None]
    if rows:
        blocks.append(Para([Text(p.REVIEWED_VERDICTS)]))
        blocks.append(Table(list(p.REVIEWED_HEADER), rows, [3, 3, 3, 6], p.REVIEWED_CAPTION))
    return Section("sign-off", p.SIGN_OFF, blocks)
