"""Proportionality stricto sensu: the residual burden weighed against the weight of the aim.

The calculus (``docs/engine.md``, "Balance"), every term shown in the finding:

    burden  = highest residual severity (0 none … 4 very-serious)
            + general_scope_penalty when the scope is general (default 1)
            + 1 when the people affected reach mass_scale_threshold (default 1,000,000)
    benefit = importance of the weightiest aim (1 low … 4 very-high)
            + effectiveness weight (none −2, low −1, medium 0, high +1)
    margin  = benefit − burden:  ≥ +1 satisfied · 0 concern · < 0 not-satisfied

When the number of people affected is unknown, both cases are computed; if they disagree, the step
is undetermined. No interference, no aim or no evidence of effectiveness leaves it undetermined.
"""

from __future__ import annotations

from ...model import Citation
from ...model.scales import SEVERITY_ORDER, importance_rank
from ..calculus import Calculus
from ..context import EngineContext, MeasureView, StepInfo
from ..registry import Note
from ..results import Status
from ..wording import listing, number


def _signed(n: int) -> str:
    return "0" if n == 0 else f"+{n}" if n > 0 else f"−{-n}"


def _status(margin: int) -> Status:
    return "satisfied" if margin >= 1 else "concern" if margin == 0 else "not-satisfied"


def rule(ctx: EngineContext, view: MeasureView, step: StepInfo) -> list[Note]:
    """Weigh burden against benefit and explain the arithmetic."""
    facts = view.facts
    m = facts.measure
    calc: Calculus = ctx.calculus
    if not view.residuals:
        return [Note("balance", "undetermined",
                     "No interference is recorded, so there is nothing to weigh; record the rights the measure "
                     "limits (or leave it out if it limits none).", (), (view.node,), step.cite)]
    if not facts.aims:
        return [Note("balance", "undetermined", "No aim is recorded to weigh the interference against.", (),
                     (view.node,), step.cite)]
    if m.effectiveness is None:
        return [Note("balance", "undetermined",
                     "The measure's effectiveness is not given, so its benefit cannot be weighed.",
                     ("Record effectiveness evidence with its level and sources.",), (view.node,), step.cite)]
    aim = min(facts.aims, key=lambda a: (-importance_rank(a.importance), a.id))
    top = view.max_residual
    worst = [r for r in view.residuals if r.residual == top]
    scope_pen = calc.general_scope_penalty if m.scope == "general" else 0
    count = facts.subject.affected_count
    importance = importance_rank(aim.importance)
    eff = calc.effectiveness_weight(m.effectiveness.level)
    benefit = importance + eff
    reasons = [
        f"Burden: highest residual severity {SEVERITY_ORDER[top]} ({top}) on "
        f"{listing(ctx.right_title(r.right) for r in worst)}"
        + (f"; + {scope_pen} for general scope." if scope_pen else "; + 0: targeted scope."),
    ]
    inherited = f" (inherited from {listing(facts.population_from)})" if facts.population_from else ""
    if count is None:
        scales: tuple[int, ...] = (0, 1)
        reasons.append(f"Scale: the number of people affected is not given; computed both without (+0) and with "
                       f"(+1) the mass-scale level ({number(calc.mass_scale_threshold)} people or more).")
    else:
        scales = (1,) if count >= calc.mass_scale_threshold else (0,)
        reasons.append(f"Scale: {number(count)} people affected{inherited} "
                       f"{'≥' if scales[0] else '<'} {number(calc.mass_scale_threshold)}: + {scales[0]}.")
    reasons.append(f"Benefit: weightiest aim '{aim.title}' is {aim.importance} ({importance}); evidence of "
                   f"effectiveness {m.effectiveness.level} ({_signed(eff)}) → {benefit}.")
    outcomes = []
    for scale in scales:
        burden = top + scope_pen + scale
        margin = benefit - burden
        outcomes.append(_status(margin))
        reasons.append(f"{'With' if scale else 'Without'} the scale level: burden {top} + {scope_pen} + {scale} = "
                       f"{burden}; margin {benefit} − {burden} = {_signed(margin)} → {_status(margin)}."
                       if len(scales) > 1 else
                       f"Burden {top} + {scope_pen} + {scale} = {burden}; margin {benefit} − {burden} = "
                       f"{_signed(margin)} → {_status(margin)} (≥ +1 satisfied, 0 concern, < 0 not-satisfied).")
    det = facts.detection
    if det is not None and det.result.innocent_users_flagged_per_year.central is not None:
        reasons.append(f"Not in the sum but weighed in words: about "
                       f"{number(det.result.innocent_users_flagged_per_year.central)} innocent users flagged per year.")
    status: Status = outcomes[0] if len(set(outcomes)) == 1 else "undetermined"
    message = {
        "satisfied": "The benefit outweighs the residual burden.",
        "concern": "Benefit and residual burden are evenly balanced: the measure is at the limit.",
        "not-satisfied": "The residual burden outweighs the benefit.",
        "undetermined": "The balance depends on how many people are affected, which is not given.",
    }[status]
    counted = sorted({a.safeguard for r in view.residuals for a in r.applied if a.counted and a.levels
                      and not a.hypothetical})
    nodes = (view.node, f"aim:{aim.id}", *(f"right:{r.right}" for r in view.residuals),
             *(f"safeguard:{s}" for s in counted))
    cite: list[Citation] = [*aim.cite, *m.effectiveness.cite]
    if m.affected and m.affected.count:
        cite.extend(m.affected.count.cite)
    return [Note("balance", status, message, tuple(reasons), nodes, tuple(cite))]
