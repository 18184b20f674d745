"""Proportionality stricto sensu: the residual interference weighed against the benefit, by a weight formula.

The balance follows Alexy's weight formula (``docs/engine.md``, "Balance"), every term shown in the
finding::

    W = (I_i · W_i · R_i) / (I_j · W_j · R_j)

* ``I_i`` intensity of the interference after safeguards, on the geometric scale light 1, moderate 2,
  serious 4 (very serious 8): the highest residual severity (minor → light, moderate → moderate,
  serious → serious, very-serious → very serious), doubled once (up to 8) for breadth when the measure
  is general, reaches mass scale (or its reach is unknown) and is at least moderate;
* ``W_i`` abstract weight of the rights limited (Arts 7 and 8): moderate, 2 — the weight of the
  general interest in fighting crime, so that the case law's hierarchy of objectives comes out of the
  formula: crime in general justifies only a light interference, serious crime a serious one with
  safeguards, national security more (La Quadrature du Net, C-511/18; Ministerio Fiscal, C-207/16:
  a non-serious interference can be justified by fighting criminal offences generally, a serious one
  only by fighting serious crime; paragraph numbers not verified);
* ``R_i`` reliability of the premise that the interference occurs: certain, 1 (the measure's own
  terms say what it processes);
* ``I_j`` how far the measure advances its aim, from its evidence of effectiveness: high 4, medium 2,
  low 1, none 0; with no evidence, moderate 2 at the lowest reliability;
* ``W_j`` abstract weight of the weightiest aim, on the same geometric scale: low 1, medium 2, high 4,
  very-high 8;
* ``R_j`` reliability of the evidence: its ``reliability``, else plausible ½ when it cites a source and
  not evidently false ¼ when it does not or is missing. Missing evidence lowers reliability; it does
  not leave the step undetermined.

W < 1 → the benefit prevails; W = 1 → a stalemate, which Alexy leaves to the legislature's margin of
discretion: both satisfied. 1 < W < 4 → a negative balance that stronger safeguards or better
evidence could redress (a condition); W ≥ 4 → the balance is clearly negative: a structural ground
(``balance-negative``).
"""

from __future__ import annotations

from fractions import Fraction

from ...model import Citation
from ...model.scales import SEVERITY_ORDER
from ...translation import N_
from ...translation.sentence import sentence, term
from ..context import EngineContext, MeasureView, StepInfo
from ..note import Note
from ..wording import listing, number
from .spec import StepSpec

#: Residual severity → intensity on the geometric (triadic) scale.
INTENSITY = {"none": 0, "minor": 1, "moderate": 2, "serious": 4, "very-serious": 8}
INTENSITY_WORDS = {0: "none", 1: "light", 2: "moderate", 4: "serious", 8: "very serious"}
#: Effectiveness → how far the measure advances its aim (I_j).
ADVANCE = {"none": 0, "low": 1, "medium": 2, "high": 4}
#: Importance of an aim → its abstract weight (W_j).
AIM_WEIGHT = {"low": 1, "medium": 2, "high": 4, "very-high": 8}
RIGHT_WEIGHT = 2
RELIABILITY = {"certain": Fraction(1), "plausible": Fraction(1, 2), "not-evidently-false": Fraction(1, 4)}
WITHIN_MARGIN = Fraction(1)
CLEARLY_NEGATIVE = Fraction(4)


def _show(x: Fraction) -> str:
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def rule(ctx: EngineContext, view: MeasureView, step: StepInfo) -> list[Note]:
    """Weigh the residual interference against the benefit and explain the arithmetic."""
    facts = view.facts
    m = facts.measure
    calc = ctx.calculus
    if not view.residuals or view.max_residual == 0:
        return [Note("balance", "satisfied",
                     sentence("No residual interference is recorded, so there is nothing to weigh against the "
                              "benefit."),
                     (), (view.node,), step.cite)]
    if not facts.aims:
        return [Note("balance", "undetermined", sentence("No aim is recorded to weigh the interference against."), (),
                     (view.node,), step.cite)]
    aim = max(facts.aims, key=lambda a: (AIM_WEIGHT[a.importance], a.id == min(x.id for x in facts.aims)))
    top = view.max_residual
    worst = [r for r in view.residuals if r.residual == top]
    residual_word = SEVERITY_ORDER[top]
    intensity = INTENSITY[residual_word]
    count = facts.subject.affected_count
    mass = count is None or count >= calc.mass_scale_threshold
    broad = m.scope == "general" and mass and intensity >= 2 and calc.general_scope_penalty > 0
    reasons: list[str] = [sentence(
        "I_i, intensity of the interference after safeguards: highest residual severity {severity} on {rights} → "
        "{intensity_word} ({intensity}).", severity=term(residual_word),
        rights=listing(ctx.right_title(r.right) for r in worst), intensity_word=term(INTENSITY_WORDS[intensity]),
        intensity=intensity)]
    reach: str
    if count is None:
        reach = sentence("its reach is not given (taken as mass scale)")
    elif count == 1:
        reach = sentence("{n} person is affected", n=number(count))
    else:
        reach = sentence("{n} people are affected", n=number(count))
    if count is not None and facts.population_from:
        reach = sentence("{reach} (inherited from {measures})", reach=reach, measures=listing(facts.population_from))
    if broad:
        intensity = min(8, intensity * 2 ** calc.general_scope_penalty)
        steps = (sentence("doubled") if calc.general_scope_penalty == 1 else
                 sentence("raised {n} steps", n=calc.general_scope_penalty))
        reasons.append(sentence("Breadth: the measure is general and {reach}: intensity {steps} → {intensity_word} "
                                "({intensity}).", reach=reach, steps=steps,
                                intensity_word=term(INTENSITY_WORDS[intensity]), intensity=intensity))
    else:
        why = (sentence("it is targeted ({reach})", reach=reach) if m.scope == "targeted" else
               sentence("the residual interference is light") if intensity < 2 else
               sentence("breadth is switched off (general_scope_penalty 0)") if calc.general_scope_penalty == 0 else
               sentence("{reach}, below mass scale", reach=reach))
        reasons.append(sentence("Breadth: not counted, because {why}.", why=why))
    ev = m.effectiveness
    level: str
    if ev is None:
        advance, level = 2, sentence("not given (taken as moderate)")
        reliability = "not-evidently-false"
    else:
        advance, level = ADVANCE[ev.level], term(ev.level)
        reliability = ev.reliability or ("plausible" if ev.cite else "not-evidently-false")
    r_j = RELIABILITY[reliability]
    w_j = AIM_WEIGHT[aim.importance]
    reasons.append(sentence("W_i, abstract weight of the rights limited: moderate ({weight}); R_i, reliability that "
                            "the interference occurs: certain (1).", weight=RIGHT_WEIGHT))
    reasons.append(sentence("I_j, how far the measure advances its aim: effectiveness {level} ({advance}); W_j, weight "
                            "of the weightiest aim '{aim}' ({importance}): {w_j}; R_j, reliability of the evidence: "
                            "{reliability} ({r_j}).", level=level, advance=advance, aim=aim.title,
                            importance=term(aim.importance), w_j=w_j, reliability=term(reliability), r_j=_show(r_j)))
    burden = Fraction(intensity * RIGHT_WEIGHT)
    benefit = advance * w_j * r_j
    if benefit == 0:
        weight = None
        reasons.append(sentence("W = ({intensity} · {weight} · 1) / ({advance} · {w_j} · {r_j}): the measure does not "
                                "advance its aim at all, so any interference outweighs it.", intensity=intensity,
                                weight=RIGHT_WEIGHT, advance=advance, w_j=w_j, r_j=_show(r_j)))
    else:
        weight = burden / benefit
        reasons.append(sentence("W = ({intensity} · {weight} · 1) / ({advance} · {w_j} · {r_j}) = {burden} / {benefit} "
                                "= {w} (< 1 the benefit prevails; = 1 a stalemate, within the legislature's margin; "
                                "≥ 4 the interference clearly prevails; in between a redressable imbalance).",
                                intensity=intensity, weight=RIGHT_WEIGHT, advance=advance, w_j=w_j, r_j=_show(r_j),
                                burden=_show(burden), benefit=_show(benefit), w=_show(weight)))
    det = facts.detection
    if det is not None and det.result.innocent_users_flagged_per_year.central is not None:
        reasons.append(sentence("Not in the formula but weighed in words: about {n} innocent users flagged per year.",
                                n=number(det.result.innocent_users_flagged_per_year.central)))
    counted = sorted({a.safeguard for r in view.residuals for a in r.applied if a.counted and a.levels
                      and not a.hypothetical})
    nodes = (view.node, f"aim:{aim.id}", *(f"right:{r.right}" for r in view.residuals),
             *(f"safeguard:{s}" for s in counted))
    cite: list[Citation] = [*aim.cite, *(ev.cite if ev else ())]
    if m.affected and m.affected.count:
        cite.extend(m.affected.count.cite)
    if weight is not None and weight <= WITHIN_MARGIN:
        message = (sentence("Benefit and residual interference are in a stalemate (W = 1): the choice is within the "
                            "legislature's margin of discretion.") if weight == WITHIN_MARGIN else
                   sentence("The benefit outweighs the residual interference (W = {w}).", w=_show(weight)))
        return [Note("balance", "satisfied", message, tuple(reasons), nodes, tuple(cite))]
    if weight is not None and weight < CLEARLY_NEGATIVE:
        message = sentence("The balance leans against the measure (W = {w}), but not clearly: stronger safeguards or "
                           "better evidence can redress it.", w=_show(weight))
        return [Note("balance", "concern", message, tuple(reasons), nodes, tuple(cite),
                     condition=sentence("Lower the residual interference (stronger or further safeguards) or show, "
                                        "with reliable evidence, a greater benefit, until the benefit prevails."))]
    shown = "∞" if weight is None else _show(weight)
    return [Note("balance", "not-satisfied",
                 sentence("The residual interference clearly outweighs the benefit (W = {w}).", w=shown),
                 tuple(reasons), nodes,
                 tuple(cite), ground="balance-negative")]


SPEC = StepSpec(id="proportionality", title="Proportionality stricto sensu", short="balance", abbrev=N_("prop"),
                rule=rule, uses_safeguards=True,
                summary="Residual burden weighed against the aim's weight and the evidence.")
