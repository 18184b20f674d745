"""The review's records for the report: each finding's state, the reviewer's verdicts, sign-off, action plan.

Built from the review stage's outcome (``rightskit/review``), which the pipeline joined to the results;
the report only shows it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.review import FindingReview
from ..review import ReviewedVerdict, ReviewOutcome
from . import badges
from . import template_context as r
from .document import sentence
from .phrasebook import phrases as p


def review_badge(word: str) -> r.Badge:
    """A review status (open, accepted, disputed, needs-evidence) as a badge."""
    label, symbol = p.REVIEW_STATUS.get(word, (word, "?"))
    return r.Badge(word="review-" + word, label=label, symbol=symbol)


def override_badge(word: str) -> r.Badge:
    """The reviewer's status for a finding: a status badge, or 'accepted risk'."""
    if word == "accepted-risk":
        label, symbol = p.ACCEPTED_RISK
        return r.Badge(word="concern", label=label, symbol=symbol)
    return badges.status(word)


def review_state(rec: FindingReview | None, engine: str) -> r.ReviewState | None:
    """How the report shows a finding's review record; ``engine`` is the engine's status for the finding."""
    if rec is None:
        return None
    o = rec.override
    status = review_badge(rec.status)
    override = override_badge(o.status) if o else None
    parts = [sentence(p.REVIEWED.format(status=f"{status.symbol} {status.label}", reviewer=rec.reviewer,
                                        date=rec.date.isoformat()))]
    if rec.comment:
        parts.append(sentence(rec.comment))
    if o is not None and override is not None:
        parts.append(p.REVIEWER_STATUS.format(status=override.label, engine=badges.status(engine).label))
        parts.append(p.REVIEWER_REASONS + " " + " ".join(sentence(x) for x in o.reasons))
    return r.ReviewState(status=status, reviewer=rec.reviewer, date=rec.date.isoformat(), comment=rec.comment,
                         override=override, reasons=list(o.reasons) if o else [], summary=" ".join(parts),
                         label=p.REVIEW)


def reviewed_verdict(view: ReviewedVerdict | None) -> r.ReviewedVerdict | None:
    """The reviewer's verdict of a measure, when an override applies to it."""
    if view is None:
        return None
    return r.ReviewedVerdict(verdict=badges.verdict(view.verdict), reason=view.reason, overrides=list(view.overrides))


def sign_off(outcome: ReviewOutcome) -> r.SignOff | None:
    """The sign-off, and whether it is for the inputs of this report."""
    s = outcome.sign_off
    if s is None:
        return None
    return r.SignOff(by=s.by, role=s.role, date=s.date.isoformat(), inputs=s.inputs, current=outcome.signed_current,
                     comment=s.comment)


def action_items(outcome: ReviewOutcome, type_title: Callable[[str], str]) -> list[r.ActionItem]:
    """The action plan: every condition and amendment, with owner and due date where the review gives them."""
    out = []
    for item in outcome.plan:
        a, act = item.planned, item.action
        text = p.ADD_SAFEGUARD.format(title=type_title(a.text)) if a.kind == "add-safeguard" else a.text
        out.append(r.ActionItem(
            id=a.id, measure=a.measure, kind=p.ACTION_KIND[a.kind], text=text,
            owner=act.owner if act else None, due=act.due.isoformat() if act else None,
            comment=act.comment if act else "", review=review_state(outcome.findings.get(a.id), a.status or "")))
    return out
