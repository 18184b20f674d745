"""Build the typed report context from a Bundle: flat records keyed by id, built in one pass.

Every report format reads this context and nothing else. The model is read, never copied: each
record holds strings, numbers and ids, so a finding costs a few small objects however large the
assessment is.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..evaluate.grounds import GROUNDS
from ..evaluate.requirements import in_use
from ..evaluate.results import DEFAULT_DUTY
from ..evaluate.steps import SPECS
from ..model.wording import Translated
from ..translation import format_date, language
from ..translation import gettext as _
from ..version import __version__
from . import badges
from . import template_context as r
from .bibliography import Bibliography, bib_anchor, framework_links
from .detection import detection_record
from .number_format import span
from .opinion import build_opinion
from .phrasebook import phrases
from .review_records import action_items, review_state, reviewed_verdict, sign_off

if TYPE_CHECKING:
    from ..bundle import Bundle
    from ..evaluate.results import Finding, MeasureResult
    from ..model import Assessment
    from ..model import Measure as MeasureModel


def right_anchor(ref: str) -> str:
    """Anchor of a right's section; the diagram module links nodes to the same ids."""
    return "right-" + ref.replace("/", "-")


def anchor(kind: str, ident: str) -> str:
    """Anchor of a measure, safeguard, aim or alternative (the ids diagrams link to)."""
    return right_anchor(ident) if kind == "right" else f"{kind}-{ident}"


def rendered_on() -> str | None:
    """The render date from SOURCE_DATE_EPOCH, or None: reports carry no wall-clock time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return format_date(dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date())


class _Builder:
    """Holds what every record needs: the assessment, the results and the bibliography."""

    def __init__(self, bundle: Bundle, diagrams: Mapping[str, r.Diagram]) -> None:
        self.bundle = bundle
        self.a: Assessment = bundle.resolved.assessment
        self.results = bundle.results
        self.index = bundle.resolved.index
        self.bib = Bibliography(self.index)
        self.diagrams = diagrams
        self.reviewed = bundle.reviewed
        self.measure_ids = [m.id for m in self.a.measures if m.id in self.results.measures]
        # Measures the results know but the model does not (should not happen) still get a section.
        known = set(self.measure_ids)
        self.measure_ids += [mid for mid in self.results.measures if mid not in known]
        self.models = {m.id: m for m in self.a.measures}
        # Reverse indices, built once: per-measure scans of every other record made the context quadratic.
        self.position: dict[str, int] = {}
        self.fed_by: dict[str, set[str]] = {}
        for i, m in enumerate(self.a.measures):
            self.position.setdefault(m.id, i)
            for target in m.feeds:
                self.fed_by.setdefault(target, set()).add(m.id)
        self.alternatives_of: dict[str, set[str]] = {}
        for alt in self.a.alternatives:
            for target in alt.replaces:
                self.alternatives_of.setdefault(target, set()).add(alt.id)
        self.safeguards_of: dict[str, set[str]] = {}
        for sg in self.a.safeguards:
            for mit in sg.mitigates:
                self.safeguards_of.setdefault(mit.measure, set()).add(sg.id)
        self.carried_by: dict[str, set[str]] = {}
        for mid, res in self.results.measures.items():
            for sid in res.flip.carrying if res.flip else ():
                self.carried_by.setdefault(sid, set()).add(mid)
        self._missing: dict[str, r.MissingSafeguard] = {}
        # Records that thousands of findings repeat are made once per key (they are frozen, so they can be
        # shared): the node a finding read, the pointer to a required type, a type that would fix a verdict,
        # a shared requirement's citations, and the shown path of a source file.
        self.node: Callable[[str], r.NodeRef] = functools.cache(self._node)
        self.see_also: Callable[[str], r.SeeAlso] = functools.cache(self._see_also)
        self.fix_item: Callable[[str], r.FixItem] = functools.cache(self._fix_item)
        self.shared_cites: Callable[[str], list[r.Cite]] = functools.cache(self._shared_cites)
        self.shown_path: Callable[[str], str] = functools.cache(self._shown_path)
        self.required: dict[str, _RequiredAcc] = {}
        self.right_ids = self._right_ids()
        self.step_defs = self._step_defs()

    # -- helpers ---------------------------------------------------------------------------

    def _right_ids(self) -> list[str]:
        refs = set(self.results.rights)
        for mr in self.results.measures.values():
            refs.update(i.right for i in mr.interferences)
        return sorted(refs)

    def _step_defs(self) -> dict[str, tuple[str, Any]]:
        """Step id -> (ref, MethodStep) from the method frameworks, 'art-52-1' first."""
        out: dict[str, tuple[str, Any]] = {}
        for fid, fw in sorted(self.bundle.resolved.frameworks.items(), key=lambda kv: (kv[0] != "art-52-1", kv[0])):
            for step in fw.steps:
                out.setdefault(step.id, (f"{fid}/{step.id}", step))
        return out

    def located(self, section: str, i: int) -> str | None:
        try:
            where = self.bundle.resolved.locate((section, i))
        except Exception:  # a locator is best effort; the report does not depend on it
            return None
        if not where or not where.line:
            return None
        return f"{self.shown_path(where.path)}:{where.line}:{where.col or 1}"

    def _shown_path(self, where: str) -> str:
        path = Path(where)
        if path.is_absolute():
            # An absolute path would leak the author's folders (a home directory) into a shared report.
            files = self.bundle.resolved.files
            base = files[0].parent.parent if files else path.parent
            path = path.relative_to(base) if path.is_relative_to(base) else Path(path.name)
        return path.as_posix()

    def title_of(self, kind: str, ident: str) -> str:
        if kind == "measure":
            m = self.models.get(ident)
            return m.title if m else self.results.measures[ident].title if ident in self.results.measures else ident
        if kind == "right":
            rr = self.results.rights.get(ident)
            obj = self.index.get("right", ident)
            return rr.title if rr else obj.worded("title", language()) if obj else ident
        obj = self.index.get(kind, ident)
        if obj is not None and hasattr(obj, "title"):
            return str(obj.worded("title", language()) if isinstance(obj, Translated) else obj.title)
        return ident

    def _node(self, node: str) -> r.NodeRef:
        """The reference a finding shows for a node it read."""
        kind, _sep, ident = node.partition(":")
        if kind in ("measure", "safeguard", "aim", "alternative") and self.index.get(kind, ident) is not None:
            return r.NodeRef(node=node, label=self.title_of(kind, ident), anchor=anchor(kind, ident))
        if kind == "right" and ident in self.right_ids:
            return r.NodeRef(node=node, label=self.title_of("right", ident), anchor=right_anchor(ident))
        if kind in ("right", "provision") and self.index.get(kind, ident) is not None:
            cite = self.bib.cite_ref(ident)
            return r.NodeRef(node=node, label=cite.label, anchor=cite.anchor)
        return r.NodeRef(node=node, label=node, anchor=None)

    def evidence(self, ev: Any) -> r.Evidence | None:
        if ev is None:
            return None
        return r.Evidence(level=badges.effectiveness(ev.level), statement=ev.statement, cites=self.bib.cites(ev.cite))

    # -- measures --------------------------------------------------------------------------

    def facts(self, m: MeasureModel) -> list[r.Fact]:
        w = badges.words
        yes_no = {True: _("Yes"), False: _("No"), None: _("Not stated")}
        facts = [
            r.Fact(_("Kind"), w(m.kind)),
            r.Fact(_("Carried out by"), f"{m.actor} ({w(m.actor_type)})"),
            r.Fact(_("Service"), w(m.context)),
            r.Fact(_("Scope"), _("General (everyone)") if m.scope == "general" else _("Targeted (objective criteria)")),
        ]
        if m.data_categories:
            facts.append(r.Fact(_("Data processed"), ", ".join(w(d) for d in m.data_categories)))
        if m.detects:
            facts.append(r.Fact(_("Looks for"), ", ".join(w(d) for d in m.detects)))
        if m.technology:
            facts.append(r.Fact(_("Technology"), m.technology))
        facts += [
            r.Fact(_("Automated"), yes_no[m.automated]),
            r.Fact(_("Mandatory"), yes_no[m.mandatory]),
            r.Fact(_("End-to-end encrypted services"), yes_no[m.end_to_end_encrypted]),
        ]
        if m.affected:
            who = m.affected.description
            if m.affected.count:
                c = m.affected.count
                who += _(" — about {n} people").format(n=span('count', c.low, c.central, c.high))
            who += _("; suspicion: {suspicion}").format(suspicion=w(m.affected.suspicion))
            if m.affected.includes_children:
                who += _("; includes children")
            facts.append(r.Fact(_("Affected"), who))
        if m.duration or m.max_duration_months is not None:
            limit = (_(" (at most {n} months)").format(n=m.max_duration_months)
                     if m.max_duration_months is not None else "")
            facts.append(r.Fact(_("Duration"), (m.duration or _("Limited")) + limit))
        return facts

    def measure(self, mid: str) -> r.Measure:
        res = self.results.measures[mid]
        m = self.models.get(mid)
        pos = self.position.get(mid)
        view = f"measure:{mid}"
        return r.Measure(
            id=mid, anchor=anchor("measure", mid), title=m.title if m else res.title,
            description=m.description if m else None, kind=m.kind if m else "other",
            facts=self.facts(m) if m else [],
            verdict=badges.verdict(res.verdict), verdict_reason=res.verdict_reason,
            ground=_(GROUNDS.get(res.ground, res.ground)) if res.ground else None,
            conditions=list(res.conditions), recommendations=list(res.recommendations),
            convention=self.convention(res),
            legal_basis=[self.bib.cite_ref(ref) for ref in (m.legal_basis if m else [])],
            legality_issues=[
                r.LegalityIssue(quality=_(i.quality), description=i.description, serious=i.serious,
                                cites=self.bib.cites(i.cite))
                for i in (m.legality_issues if m else [])
            ],
            aims=[a for a in (m.aims if m else []) if self.index.get("aim", a) is not None],
            effectiveness=self.evidence(m.effectiveness) if m else None,
            feeds=sorted(set(m.feeds)) if m else [],
            fed_by=sorted(self.fed_by.get(mid, ())),
            steps=self.steps(res), reviewed=reviewed_verdict(self.reviewed.verdicts.get(mid)),
            interferences=self.interferences(res, m),
            detection=detection_record(m.detection if m else None, res.detection, self.bib),
            flip=self.flip(res),
            missing_safeguards=[self.missing(t, mid) for t in res.missing_safeguards],
            alternatives=sorted(self.alternatives_of.get(mid, ())),
            safeguards=sorted(self.safeguards_of.get(mid, ())),
            cites=self.bib.cites(m.cite) if m else [],
            diagram=view if view in self.diagrams else None,
            defined_at=self.located("measures", pos) if pos is not None else None,
        )

    def convention(self, res: MeasureResult) -> r.Convention | None:
        c = res.convention
        if c is None:
            return None
        return r.Convention(verdict=badges.convention(c.verdict), reason=c.reason, tests=[
            r.ConventionTest(title=t.title, status=badges.status(t.status), message=t.message,
                             reasons=list(t.reasons), cites=self.bib.cites(t.cite)) for t in c.tests])

    def steps(self, res: MeasureResult) -> list[r.Step]:
        out = []
        for sid, step in res.steps.items():
            findings = []
            for f in step.findings:
                # A shared requirement's reasons come first, as the rule wrote them; its sources are the finding's.
                shared = self.results.requirements[f.requirement] if f.requirement else None
                # Records are read-only: a finding without a shared requirement shows the results' own list.
                reasons = [*shared.reasons, *f.reasons] if shared else f.reasons
                cites = self.shared_cites(f.requirement) if f.requirement else self.bib.cites(f.cite)
                type_ref = self.required_type_of(f)
                see = None
                if type_ref is not None:
                    # The sources that require a safeguard type are the same for every measure: list them
                    # once, under Safeguard coverage, instead of in every measure's findings.
                    entry = self.required.setdefault(type_ref, _RequiredAcc())
                    if f.requirement is None or f.requirement not in entry.requirements:
                        entry.cites.update({(c.ref, c.pinpoint or ""): c for c in cites})
                        if f.requirement:  # a shared requirement adds its sources once
                            entry.requirements.add(f.requirement)
                    kind = f.id.rsplit("/", 1)[-1].split(":", 1)[0]
                    if kind in ("missing", "ineffective"):
                        entry.missing.add(res_id(f.id))
                    elif kind in ("present", "voluntary"):
                        entry.present.add(res_id(f.id))
                    see = self.see_also(type_ref)
                    cites = []
                findings.append(r.Finding(
                    id=f.id, anchor="finding-" + f.id, rule=f.rule, status=badges.status(f.status),
                    message=f.message, reasons=reasons, nodes=[self.node(n) for n in f.nodes],
                    cites=cites, see=see, review=review_state(self.reviewed.findings.get(f.id), f.status)))
            title = self.step_title(sid)
            out.append(r.Step(
                # One-word headers are English words; another language shows the translated title.
                id=sid, title=title, short=STEP_SHORT.get(sid, title) if language() == "en" else title,
                status=badges.status(step.status), summary=step.summary, skipped=step.skipped,
                findings=findings,
            ))
        return out

    def _see_also(self, type_ref: str) -> r.SeeAlso:
        """The pointer to a required type's entry under Safeguard coverage."""
        return r.SeeAlso(self.type_title(type_ref), required_anchor(type_ref))

    def _fix_item(self, type_ref: str) -> r.FixItem:
        """A safeguard type that would fix a verdict."""
        return r.FixItem(type=type_ref, title=self.title_of("safeguard-type", type_ref),
                         cite=self.bib.cite_ref(type_ref))

    def _shared_cites(self, requirement: str) -> list[r.Cite]:
        """The citations of a shared requirement (results.requirements)."""
        return self.bib.cites(self.results.requirements[requirement].cite)

    def required_type_of(self, f: Finding) -> str | None:
        """The catalogue safeguard type a finding is about, as the engine recorded it (never parsed from its id)."""
        ref = f.requirement_type
        return ref if ref and self.index.get("safeguard-type", ref) is not None else None

    def type_title(self, type_ref: str) -> str:
        st = self.index.get("safeguard-type", type_ref)
        return str(st.worded("title", language())) if st else type_ref

    def required_types(self) -> dict[str, r.RequiredType]:
        """Every safeguard type some measure requires, with its sources once, sorted by id."""
        out = {}
        for ref in sorted(self.required):
            acc = self.required[ref]
            st = self.index.get("safeguard-type", ref)
            out[ref] = r.RequiredType(
                type=ref, anchor=required_anchor(ref), title=self.type_title(ref),
                description=st.worded("description", language()) if st else None,
                cites=[acc.cites[k] for k in sorted(acc.cites)],
                missing_in=sorted(acc.missing), present_in=sorted(acc.present - acc.missing),
            )
        return out

    def step_title(self, sid: str) -> str:
        _ref, sdef = self.step_defs.get(sid, (None, None))
        return str(sdef.worded("title", language())) if sdef else badges.words(sid).capitalize()

    def method(self) -> list[r.MethodStep]:
        """The steps the results use, in their order, with the method's questions and sources."""
        order: list[str] = []
        for res in self.results.measures.values():
            order += [sid for sid in res.steps if sid not in order]
        out = []
        for sid in order:
            _, sdef = self.step_defs.get(sid, (None, None))
            out.append(r.MethodStep(id=sid, title=self.step_title(sid),
                                    questions=list(sdef.worded("questions", language())) if sdef else [],
                                    cites=self.bib.cites(sdef.cite) if sdef else []))
        return out

    def interferences(self, res: MeasureResult, m: MeasureModel | None) -> list[r.InterferenceRow]:
        authored = {i.right: i for i in (m.interferes if m else [])}
        rows = []
        for itf in res.interferences:
            own = authored.get(itf.right)
            dims = []
            if own is not None:
                dims = [r.Fact(label, badges.words(str(getattr(own, name))))
                        for name, label in (("scope", _("Scope")), ("extent", _("Extent")),
                                            ("intensity", _("Intensity"))) if getattr(own, name)]
            rows.append(r.InterferenceRow(
                right=itf.right, inherent=badges.severity(itf.inherent), residual=badges.severity(itf.residual),
                reaches_essence=itf.reaches_essence, inherited_from=list(itf.inherited_from),
                mitigations=[r.MitigationApplied(safeguard=x.safeguard, strength=badges.words(x.strength),
                                                 levels=x.levels, effective=x.effective) for x in itf.mitigations],
                explanation=itf.explanation, rationale=own.rationale if own else None, dimensions=dims,
                cites=self.bib.cites(own.cite) if own else [],
            ))
        return rows

    def flip(self, res: MeasureResult) -> r.Flip | None:
        flip = res.flip
        if flip is None:
            return None
        fix = [self.fix_item(t) for t in (flip.fix or [])]
        if not flip.fix_possible:
            fix_summary = _("No safeguard can make this measure proportionate.")
        elif fix:
            fix_summary = _("Adding these safeguards would make it proportionate:")
        elif res.verdict in ("proportionate", "proportionate-with-conditions"):
            fix_summary = _("Nothing needs to be added: the measure is proportionate as it stands.")
        else:
            fix_summary = _("No set of catalogue safeguards was found that would make it proportionate.")
        carrying_summary = (
            _("Removing any one of these safeguards alone would change the verdict:") if flip.carrying
            else _("No single safeguard carries the verdict: removing any one alone would not change it.")
        )
        return r.Flip(carrying=list(flip.carrying), carrying_summary=carrying_summary, fix=fix,
                      fix_summary=fix_summary, fix_possible=flip.fix_possible, explanation=flip.explanation)

    def missing(self, type_ref: str, mid: str) -> r.MissingSafeguard:
        # Listed under Safeguard coverage even when no finding names it (e.g. the step was skipped).
        entry = self.required.setdefault(type_ref, _RequiredAcc())
        entry.missing.add(mid)
        if type_ref not in self._missing:  # the same few types are missing for thousands of measures
            st = self.index.get("safeguard-type", type_ref)
            self._missing[type_ref] = r.MissingSafeguard(
                type=type_ref, title=st.worded("title", language()) if st else type_ref,
                description=st.worded("description", language()) if st else None,
                cites=self.bib.cites(list(in_use(st.required_by, self.bundle.resolved.frameworks))) if st else [],
                anchor=required_anchor(type_ref),
                duty=(duty := st.duty.holder if st and st.duty else DEFAULT_DUTY), duty_label=phrases.DUTY[duty],
            )
            entry.cites.update({(c.ref, c.pinpoint or ""): c for c in self._missing[type_ref].cites})
        return self._missing[type_ref]

    # -- rights, safeguards, aims, alternatives --------------------------------------------

    def right(self, ref: str) -> r.Right:
        rr = self.results.rights.get(ref)
        obj = self.index.get("right", ref)
        cells = dict(rr.measures) if rr else {
            mid: next(i.residual for i in res.interferences if i.right == ref)
            for mid, res in self.results.measures.items() if any(i.right == ref for i in res.interferences)
        }
        view = f"right:{ref}"
        return r.Right(
            ref=ref, anchor=right_anchor(ref), title=self.title_of("right", ref),
            cumulative=badges.severity(rr.cumulative if rr else "none"),
            cells={mid: badges.severity(sev) for mid, sev in sorted(cells.items())},
            explanation=rr.explanation if rr else "",
            absolute=bool(obj.absolute) if obj else False, essence=obj.worded("essence", language()) if obj else None,
            provisions=[self.bib.cite_ref(p) for p in obj.provisions] if obj else [],
            protected_by=sorted(a.id for a in self.a.aims if ref in a.protects),
            diagram=view if view in self.diagrams else None,
        )

    def safeguard(self, i: int) -> r.Safeguard:
        s = self.a.safeguards[i]
        carries = sorted(self.carried_by.get(s.id, ()))
        return r.Safeguard(
            id=s.id, anchor=anchor("safeguard", s.id), title=s.title, requires=s.requires,
            type=self.bib.cite_ref(s.type) if s.type else None,
            source=self.bib.cite_ref(str(s.source)) if s.binding else None, binding=s.binding,
            effective=s.effective, conditions=list(s.conditions),
            mitigates=[
                r.SafeguardEffect(measure=x.measure, right=x.right, strength=badges.strength(x.strength),
                                  rationale=x.rationale, cites=self.bib.cites(x.cite))
                for x in sorted(s.mitigates, key=lambda x: (x.measure, x.right))
            ],
            carries=carries, cites=self.bib.cites(s.cite), defined_at=self.located("safeguards", i),
        )

    def aim(self, i: int) -> r.Aim:
        a = self.a.aims[i]
        return r.Aim(
            id=a.id, anchor=anchor("aim", a.id), title=a.title,
            kind=(_("Objective of general interest") if a.kind == "general-interest"
                  else _("Protection of the rights of others")),
            importance=badges.words(a.importance), description=a.description,
            protects=[self.bib.cite_ref(ref) for ref in a.protects],
            pursued_by=[m for m in self.measure_ids if a.id in (self.models[m].aims if m in self.models else [])],
            cites=self.bib.cites(a.cite),
        )

    def alternative(self, i: int) -> r.Alternative:
        alt = self.a.alternatives[i]
        return r.Alternative(
            id=alt.id, anchor=anchor("alternative", alt.id), title=alt.title, description=alt.description,
            replaces=list(alt.replaces), aims=list(alt.aims), effectiveness=self.evidence(alt.effectiveness),
            interferes=[r.AltInterference(right=x.right, severity=badges.severity(x.severity), rationale=x.rationale)
                        for x in alt.interferes],
            cites=self.bib.cites(alt.cite),
        )

    def frameworks(self) -> list[r.FrameworkStamp]:
        out = []
        for stamp in self.results.frameworks:
            fw = self.bundle.resolved.frameworks.get(stamp.id)
            links = framework_links(fw) if fw else []
            # An act's official title in the report's language, where the framework data records one.
            title = fw.title_in(language()) if fw is not None and language() in fw.titles else stamp.title
            out.append(r.FrameworkStamp(id=stamp.id, title=title, data_version=stamp.data_version,
                                        legal_version=stamp.legal_version, legal_status=stamp.legal_status,
                                        links=links))
        return out


@dataclass
class _RequiredAcc:
    """What the findings say about one required safeguard type, gathered across measures."""

    cites: dict[tuple[str, str], r.Cite] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)
    present: set[str] = field(default_factory=set)
    requirements: set[str] = field(default_factory=set)  # shared requirements whose sources are in


def required_anchor(type_ref: str) -> str:
    """The anchor of a required safeguard type's entry under Safeguard coverage."""
    return "required-" + type_ref.replace("/", "-")


def res_id(finding_id: str) -> str:
    """The measure id a finding id starts with."""
    return finding_id.split("/", 1)[0]


#: One word per step for the narrow columns of the steps-at-a-glance table ("Proportionality stricto
#: sensu" broke mid-word there); the full title stays in the cell's tooltip and in the key below the table.
STEP_SHORT = {spec.id: spec.short.capitalize() for spec in SPECS}


def build_context(bundle: Bundle, diagrams: Mapping[str, r.Diagram] | None = None) -> r.ReportContext:
    """The report context for ``bundle``; ``diagrams`` maps view -> sanitised diagram, if any."""
    diagrams = dict(diagrams or {})
    b = _Builder(bundle, diagrams)
    a, res = b.a, b.results
    measures = {mid: b.measure(mid) for mid in b.measure_ids}
    rights = {ref: b.right(ref) for ref in b.right_ids}
    safeguards = {s.id: b.safeguard(i) for i, s in enumerate(a.safeguards)}
    aims = {x.id: b.aim(i) for i, x in enumerate(a.aims)}
    alternatives = {x.id: b.alternative(i) for i, x in enumerate(a.alternatives)}
    frameworks = b.frameworks()
    method = b.method()
    required = b.required_types()
    bibliography, groups = b.bib.entries()

    counts: dict[str, int] = {}
    for m in measures.values():
        counts[m.verdict.word] = counts.get(m.verdict.word, 0) + 1
    verdict_counts = [(badges.verdict(w), counts[w]) for w in badges.VERDICT if counts.get(w)]

    overview = "overview" if "overview" in diagrams else None
    chain = "chain" if "chain" in diagrams else None
    # The opinion's main text comes first (below); these sections are its annexes.
    toc = [r.TocEntry("summary", _("Verdicts and steps at a glance"), [])]
    if overview:
        toc.append(r.TocEntry("diagram-overview", _("Overview diagram"), []))
    toc.append(r.TocEntry("measures", _("Measures"), [r.TocEntry(m.anchor, m.title, []) for m in measures.values()]))
    toc.append(r.TocEntry("rights", _("Rights and cumulative interference"),
                          [r.TocEntry(x.anchor, x.title, []) for x in rights.values()]))
    if chain:
        toc.append(r.TocEntry("diagram-chain", _("Data flows between measures"), []))
    toc.append(r.TocEntry("safeguards", _("Safeguard coverage"), []))
    if aims:
        toc.append(r.TocEntry("aims", _("Aims"), []))
    if alternatives:
        toc.append(r.TocEntry("alternatives", _("Alternatives"), []))
    toc.append(r.TocEntry("bibliography", _("Bibliography"), []))
    toc.append(r.TocEntry("about", _("About this report"), []))

    ctx = r.ReportContext(
        context_version=r.CONTEXT_VERSION, lang=language(), title=a.title, assessment_id=a.id, summary=a.summary,
        authors=list(a.authors), as_of=res.as_of, mode=res.mode,
        mode_reason=res.mode_reason or res.mode,
        later_case_law=list(res.later_case_law), rightskit_version=res.rightskit_version or __version__,
        results_schema_version=res.schema_version, input_hash=bundle.input_hash, rendered_on=rendered_on(),
        disclaimer=res.disclaimer, frameworks=frameworks, verdict_counts=verdict_counts,
        measure_ids=list(measures), measures=measures, right_ids=list(rights), rights=rights,
        safeguard_ids=list(safeguards), safeguards=safeguards, aim_ids=list(aims), aims=aims,
        alternative_ids=list(alternatives), alternatives=alternatives,
        bibliography=bibliography, bib_groups=groups,
        unverified_count=sum(1 for e in bibliography.values() if e.verified is False),
        diagrams=diagrams, overview=overview, chain=chain, toc=toc, method=method, legend=badges.legend(),
        required_type_ids=sorted(required), required_types=required,
        review_file=b.reviewed.file, sign_off=sign_off(b.reviewed),
        actions=action_items(b.reviewed, lambda ref: b.title_of("safeguard-type", ref)),
    )
    doc = build_opinion(ctx)
    main = [r.TocEntry("op-" + sec.id, f"{n} {sec.title}", [r.TocEntry("op-" + c.id, f"{n}.{j} {c.title}", [])
                                                          for j, c in enumerate(sec.children, 1)])
            for n, sec in enumerate(doc.main, 1)]
    main.append(r.TocEntry("notes", phrases.NOTES, []))
    annexes = [r.TocEntry("annexes", phrases.ANNEXES, [r.TocEntry(e.anchor, e.title, []) for e in toc])]
    return replace(ctx, opinion=doc, toc=main + annexes)


__all__ = ["anchor", "bib_anchor", "build_context", "right_anchor"]
