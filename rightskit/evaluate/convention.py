"""The ECHR Art. 8(2) method: in accordance with the law, a legitimate aim, necessary in a democratic society.

The Strasbourg court does not run the Charter's Art. 52(1) sequence; it asks three questions of an
interference with Art. 8(1) (``docs/engine.md``, "The ECHR Art. 8(2) method"), and this module asks
them in its terms, reading the same facts the Charter steps read:

* **In accordance with the law.** A basis in domestic law (the legality step), of sufficient quality
  (accessible, foreseeable: no serious ``legality_issues``), and, for a secret measure by public
  authorities that interferes seriously (not GPS tracking or subscriber data: Uzun § 66, pinpoint
  unverified), the minimum safeguards the law itself must state (Weber and Saravia § 95, applied from
  the day after that decision): the offences that may give rise to it, the categories of people
  liable to it, a limit on its duration, the procedure for examining, using and storing the data, the
  precautions when communicating them to other parties, and the circumstances of their erasure. A
  missing minimum safeguard means the interference is not "in accordance with the law": a violation.
* **Legitimate aim.** One of the aims Art. 8(2) lists, read from the measure's aims and purposes.
* **Necessary in a democratic society.** A pressing social need (an aim of weight that the measure
  serves), relevant and sufficient reasons (sourced evidence), adequate and effective guarantees
  against abuse (Klass § 50: independent authorisation, supervision or later review of a secret
  measure), and the balance, judged with the margin of appreciation: wide for national security
  (Klass § 49, of which only the start was seen; Weber § 106), so a balance that only leans against
  the measure stays within it; narrow otherwise.

The Charter's rule against general and indiscriminate measures is not a Convention test (Big Brother
Watch v the United Kingdom, Grand Chamber, 25 May 2021, held bulk interception compatible in
principle; no paragraph pinpointed), so the necessity step's scope ground does not decide here; the
safeguards do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ..model import Citation
from ..model.scales import severity_rank
from ..translation.sentence import Sentence, joined, sentence, term
from .context import EngineContext, MeasureView
from .results import ConventionResult, ConventionTest, ConventionVerdict, Status
from .verdict import StepOutcome, worst

#: Weber and Saravia § 95: the minimum safeguards, each with the catalogue types that state it in the law.
MINIMUM_SAFEGUARDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (Sentence("the nature of the offences that may give rise to it"), ("safeguards/serious-crime-threshold",)),
    (Sentence("the categories of people liable to it"),
     ("safeguards/objective-targeting", "safeguards/prior-authorisation")),
    (Sentence("a limit on its duration"), ("safeguards/sunset-clause",)),
    (Sentence("the procedure for examining, using and storing the data, and when they are erased"),
     ("safeguards/retention-limits",)),
    (Sentence("the precautions when the data are communicated to other parties"), ("safeguards/data-security",)),
)
#: Klass § 50: authorisation, supervision or later review by someone independent of those who act.
GUARANTEES = ("safeguards/prior-authorisation", "safeguards/independent-oversight", "safeguards/redress")
SECRET_KINDS = frozenset({"interception", "access", "retention", "analysis", "transfer", "decryption", "collection"})
#: Purpose → the aim Art. 8(2) names.
ART_8_2_AIMS = {
    "national-security": Sentence("national security"), "public-security": Sentence("public safety"),
    "serious-crime": Sentence("the prevention of disorder or crime"),
    "crime": Sentence("the prevention of disorder or crime"),
}
OTHERS = Sentence("the protection of the rights and freedoms of others")
TestId = Literal["in-accordance-with-the-law", "legitimate-aim", "necessary-in-a-democratic-society"]
WEBER = "case-law/weber-saravia"
_SERIOUS = severity_rank("serious")
KLASS = "case-law/klass"


def _cite(ref: str, pinpoint: str) -> Citation:
    return Citation.model_construct(ref=ref, pinpoint=pinpoint, note=None, quote=None)


def art_8_2(ctx: EngineContext, view: MeasureView, outcomes: Sequence[StepOutcome]) -> ConventionResult:
    """The three Art. 8(2) questions for one measure, and the Convention verdict."""
    steps = {o.step.id: o for o in outcomes}
    tests = [_law(ctx, view, steps), _aim(view, steps), _necessary(ctx, view, steps)]
    status = worst(t.status for t in tests)
    failed = next((t for t in tests if t.status == "not-satisfied"), None)
    verdict: ConventionVerdict
    reason: str
    if failed is not None:
        verdict, reason = "violation", sentence("Violation of Art. 8: {answer}", answer=failed.message)
    elif status == "undetermined":
        open_ = next(t for t in tests if t.status == "undetermined")
        verdict = "undetermined"
        reason = sentence("Whether Art. 8 is violated cannot be decided: {answer}", answer=open_.message)
    elif status == "concern":
        verdict = "no-violation-with-conditions"
        reason = sentence("No violation of Art. 8, provided that: {conditions}",
                          conditions=joined(t.message for t in tests if t.status == "concern"))
    else:
        verdict, reason = "no-violation", sentence("No violation of Art. 8: the interference is in accordance with "
                                                   "the law, pursues a legitimate aim and is necessary in a "
                                                   "democratic society.")
    return ConventionResult.model_construct(verdict=verdict, reason=reason, tests=tests)


def _both(items: Sequence[str]) -> str:
    """'a and b and c', each part translated where it is a sentence."""
    out = items[0]
    for item in items[1:]:
        out = sentence("{first} and {second}", first=out, second=item)
    return out


def _test(tid: TestId, title: str, status: Status, message: str, reasons: list[str],
          cite: list[Citation]) -> ConventionTest:
    return ConventionTest.model_construct(id=tid, title=title, status=status, message=message, reasons=reasons,
                                          cite=cite)


def _law(ctx: EngineContext, view: MeasureView, steps: dict[str, StepOutcome]) -> ConventionTest:
    m = view.measure
    title = sentence("In accordance with the law")
    cite = [_cite("echr/art-8-2", "Art. 8(2)")]
    legality = steps.get("legality")
    basis = next((n for _, n in legality.notes if n.suffix == "basis"), None) if legality else None
    if basis is not None and basis.status == "not-satisfied":
        return _test("in-accordance-with-the-law", title, "not-satisfied",
                     sentence("the interference has no basis in domestic law in force."), [basis.message], cite)
    serious = [i for i in m.legality_issues if i.serious]
    if serious:
        return _test("in-accordance-with-the-law", title, "not-satisfied",
                     sentence("the law is not of the quality Art. 8(2) requires ({quality}).",
                              quality=term(serious[0].quality)),
                     [i.description for i in serious], cite)
    reasons = [basis.message if basis else sentence("The legal basis was not examined.")]
    secret = m.actor_type in ("public-authority", "eu-body") and m.kind in SECRET_KINDS
    # Weber's "rather strict" standards are for serious interferences (interception of communications,
    # retention of DNA, access to traffic data); a less intrusive measure (GPS tracking, subscriber data)
    # answers to the general requirements of foreseeability and adequate guarantees (Uzun § 66, pinpoint
    # unverified), which the necessity question checks.
    intercepts = max((severity_rank(i.severity) for i in view.facts.interferences), default=0) >= _SERIOUS
    weber = ctx.case_in_force(WEBER)
    if secret and intercepts and weber:
        cite.append(_cite(f"{WEBER}/minimum-safeguards-foreseeability", "§ 95"))
        missing = [what for what, types in MINIMUM_SAFEGUARDS if not any(view.meets(t) for t in types)]
        duration = MINIMUM_SAFEGUARDS[2][0]
        if m.max_duration_months is not None and duration in missing:
            missing.remove(duration)
        reasons.append(sentence("Secret measure by a public authority: the law must state the minimum safeguards of "
                                "Weber and Saravia § 95."))
        if missing:
            answer = (sentence("the law does not state {first} (nor {others}), a minimum safeguard against abuse "
                               "(Weber and Saravia § 95).", first=missing[0], others=joined(missing[1:], ", "))
                      if missing[1:] else
                      sentence("the law does not state {first}, a minimum safeguard against abuse (Weber and "
                               "Saravia § 95).", first=missing[0]))
            return _test("in-accordance-with-the-law", title, "not-satisfied", answer, reasons, cite)
        reasons.append(sentence("Every minimum safeguard is laid down."))
    elif secret and intercepts:
        reasons.append(sentence("The minimum safeguards of Weber and Saravia § 95 are not yet case law on this date."))
    elif secret:
        reasons.append(sentence("The interference is below serious: the strict minimum safeguards of Weber and "
                                "Saravia § 95 do not apply as such (Uzun v Germany, no. 35623/05, § 66, pinpoint "
                                "unverified); the guarantees against abuse are weighed under necessity."))
    issues = [i for i in m.legality_issues if not i.serious]
    if issues:
        return _test("in-accordance-with-the-law", title, "concern",
                     sentence("the law's {quality} is improved ({description})", quality=term(issues[0].quality),
                              description=issues[0].description), reasons, cite)
    return _test("in-accordance-with-the-law", title, "satisfied",
                 sentence("The interference has a basis in domestic law of sufficient quality."), reasons, cite)


def _aim(view: MeasureView, steps: dict[str, StepOutcome]) -> ConventionTest:
    m = view.measure
    title = sentence("Legitimate aim")
    cite = [_cite("echr/art-8-2", "Art. 8(2)")]
    named = sorted({ART_8_2_AIMS[p] for p in m.purposes if p in ART_8_2_AIMS}
                   | {OTHERS for a in view.facts.aims if a.kind == "rights-of-others"})
    if named:
        aims = ", ".join(a.title for a in view.facts.aims)
        return _test("legitimate-aim", title, "satisfied",
                     sentence("The measure pursues {aims}.", aims=_both(named)),
                     [sentence("Aims: {aims}.", aims=aims or sentence("none recorded"))], cite)
    aim = steps.get("legitimate-aim")
    if view.facts.aims and aim is not None and aim.status != "not-satisfied":
        return _test("legitimate-aim", title, "concern",
                     sentence("the aim pursued is shown to be one Art. 8(2) lists"),
                     [sentence("Aims: {aims}; no purpose names an Art. 8(2) aim.",
                               aims=", ".join(a.title for a in view.facts.aims))],
                     cite)
    return _test("legitimate-aim", title, "not-satisfied",
                 sentence("the interference pursues no aim Art. 8(2) lists."), [], cite)


def _necessary(ctx: EngineContext, view: MeasureView, steps: dict[str, StepOutcome]) -> ConventionTest:
    m = view.measure
    facts = view.facts
    title = sentence("Necessary in a democratic society")
    cite = [_cite("echr/art-8-2", "Art. 8(2)")]
    reasons: list[str] = []
    suit = steps.get("suitability")
    evidence = next((n for _, n in suit.notes if n.suffix == "evidence"), None) if suit else None
    if evidence is not None and evidence.status == "not-satisfied":
        return _test("necessary-in-a-democratic-society", title, "not-satisfied",
                     sentence("no pressing social need is met: the measure does not serve its aim."),
                     [evidence.message], cite)
    wide = "national-security" in m.purposes or any(a.importance == "very-high" for a in facts.aims)
    reasons.append(sentence("Margin of appreciation: wide (national security).") if wide else
                   sentence("Margin of appreciation: narrow."))
    secret = m.actor_type in ("public-authority", "eu-body") and m.kind in SECRET_KINDS
    if secret:
        guarded = [t for t in GUARANTEES if view.meets(t)]
        reasons.append(sentence("Adequate and effective guarantees against abuse (Klass § 50): {guarantees}.",
                                guarantees=joined((ctx.requirements.title(t) for t in guarded), ", ") if guarded
                                else term("none")))
        if ctx.case_in_force(KLASS):
            cite.append(_cite(f"{KLASS}/adequate-guarantees-against-abuse", "§§ 49-50"))
        if not guarded:
            return _test("necessary-in-a-democratic-society", title, "not-satisfied",
                         sentence("there are no adequate and effective guarantees against abuse: neither an "
                                  "independent authorisation nor independent supervision."), reasons, cite)
    balance = steps.get("proportionality")
    if balance is None or balance.status == "undetermined":
        return _test("necessary-in-a-democratic-society", title, "undetermined",
                     sentence("the balance between the interference and the aim could not be struck."), reasons, cite)
    note = balance.first(balance.status)
    reasons.append(sentence("The balance: {finding}", finding=note.message if note else term(balance.status)))
    if balance.status == "not-satisfied":
        return _test("necessary-in-a-democratic-society", title, "not-satisfied",
                     sentence("the interference is disproportionate to the aim pursued, beyond any margin of "
                              "appreciation."),
                     reasons, cite)
    if balance.status == "concern" and not wide:
        return _test("necessary-in-a-democratic-society", title, "concern",
                     sentence("the reasons given are shown to be relevant and sufficient for an interference of this "
                              "weight"),
                     reasons, cite)
    if evidence is not None and evidence.status == "concern" and not wide:
        return _test("necessary-in-a-democratic-society", title, "concern",
                     sentence("relevant and sufficient reasons (sourced evidence) are given"), reasons, cite)
    return _test("necessary-in-a-democratic-society", title, "satisfied",
                 sentence("The interference answers a pressing social need and is proportionate to the aim, within "
                          "the margin of appreciation."), reasons, cite)
