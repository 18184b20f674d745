"""The opinion: a concise, argued main text built from the report context, with the trace in annexes.

A legal reader expects an opinion, not a log: graded conclusions first, then each measure argued in
prose (each step's conclusion with its strongest reasons against and for), the position on the
essence, the recommended amendments, and the open questions. Every source is cited in a numbered
note; a source is quoted once, in its first note, and later notes refer back to it. The annexes hold
the complete trace: every finding, the safeguard requirements, the detection arithmetic and the
bibliography. Every word comes from here or from the results; the writers only lay it out.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..translation import SOURCE, format_date, language
from ..translation import gettext as _
from ..translation.sentence import in_sentence
from . import template_context as r
from .document import Block, Bullets, Document, Image, Note, Para, Run, Section, Table, Text, sentence
from .number_format import count
from .phrasebook import phrases as p
from .signoff import action_plan, review_runs, sign_off

#: Above this many measures the main text summarises and the annexes carry the argument: a report on
#: hundreds of measures is a register, not an opinion (the PDF keeps its full detail to the same size).
ARGUED_UP_TO = 30
#: Above this many measures the trace annex (the DOCX's; the HTML and the PDF set out their own) gives
#: each measure's verdict and steps at a glance instead of every finding: with every finding, the DOCX
#: of 10,000 measures (some 200,000 table rows) took 160 s and 4.7 GB, python-docx holding the whole
#: document as one XML tree; at a glance, 49 s and 1.5 GB. index.html and results.json keep every
#: finding at every size.
TRACE_FINDINGS_UP_TO = 1_000
#: The strongest reasons shown against and for a step's conclusion in the main text.
REASONS_SHOWN = 2
#: Conditions shown per measure in the summary table (all are listed in the measure's section).
CONDITIONS_IN_SUMMARY = 2
#: Citations given per argued sentence; the rest are in the annex entry of the finding.
CITES_PER_REASON = 2

_AGAINST = ("not-satisfied", "concern")
_STRUCTURAL = ("disproportionate", "essence-violated")


class _Notes:
    """Numbered notes; a source is quoted in its first note, and later notes refer back to it."""

    def __init__(self) -> None:
        self.notes: list[Note] = []
        self.first: dict[str, int] = {}

    def text(self, c: r.Cite, number: int) -> str:
        """One source in a note: in full the first time, with a reference back after that."""
        pin = f", {c.pinpoint}" if c.pinpoint else ""
        flag = f" {p.UNVERIFIED_NOTE}" if c.verified is False else ""
        seen = self.first.get(c.ref)
        if seen is None:
            self.first[c.ref] = number
            quote = f": “{c.quote}”" if c.quote else ""
            return f"{c.label}{pin}{quote}{flag}"
        return f"{c.label}{pin} ({p.SEE_NOTE.format(n=seen)}){flag}"

    def runs(self, cites: Iterable[r.Cite], limit: int = CITES_PER_REASON) -> list[Run]:
        """One note citing up to ``limit`` distinct sources (none when there are none)."""
        chosen: list[r.Cite] = []
        seen: set[tuple[str, str]] = set()
        for c in cites:
            key = (c.ref, c.pinpoint or "")
            if key not in seen:
                seen.add(key)
                chosen.append(c)
            if len(chosen) >= limit:
                break
        if not chosen:
            return []
        number = len(self.notes) + 1
        note = Note(number, "; ".join(self.text(c, number) for c in chosen) + ".")
        self.notes.append(note)
        return [note]


_sentence = sentence


class _Opinion:
    """Builds the document from one report context."""

    def __init__(self, ctx: r.ReportContext) -> None:
        self.ctx = ctx
        self.notes = _Notes()
        self.argued = len(ctx.measure_ids) <= ARGUED_UP_TO
        # A required-type finding lists its sources once, in the type's entry (see.anchor points at it).
        self.type_cites = {rt.anchor: rt.cites for rt in ctx.required_types.values()}

    # -- citations of a finding -----------------------------------------------------------------

    def finding_cites(self, f: r.Finding) -> list[r.Cite]:
        if f.cites or f.see is None:
            return f.cites
        return self.type_cites.get(f.see.anchor, [])

    def reason(self, f: r.Finding) -> list[Run]:
        return [Text(_sentence(f.message)), *self.notes.runs(self.finding_cites(f))]

    # -- sections ------------------------------------------------------------------------------

    def summary(self) -> Section:
        ctx = self.ctx
        counts = "; ".join(_labelled(_named(b)) + str(n) for b, n in ctx.verdict_counts) or p.NONE
        lead = p.SUMMARY_LEAD.format(n=len(ctx.measure_ids), as_of=format_date(ctx.as_of), counts=counts)
        rows = []
        for mid in ctx.measure_ids:
            m = ctx.measures[mid]
            conds = m.conditions[:CONDITIONS_IN_SUMMARY]
            more = len(m.conditions) - len(conds)
            cond_text = "; ".join(_short(c) for c in conds) + (f" {p.MORE.format(n=more)}" if more > 0 else "")
            rows.append([[Text(m.title, bold=True)], [Text(f"{m.verdict.symbol} {m.verdict.label}")],
                         [Text(m.ground or p.NO_GROUND)], [Text(cond_text or p.NONE)]])
        blocks: list[Block] = [Para([Text(lead)]),
                               Table(list(p.SUMMARY_HEADER), rows, [3, 2, 4, 5], p.SUMMARY_CAPTION)]
        groups: dict[str, list[str]] = {}
        for mid in ctx.measure_ids:
            m = ctx.measures[mid]
            groups.setdefault(_standing(m), []).append(m.title)
        for key, lead in (("structural", p.STRUCTURAL_LEAD), ("curable", p.CURABLE_LEAD),
                          ("conditions", p.FIXABLE_LEAD)):
            if groups.get(key):
                blocks.append(Para([Text(lead, bold=True), Text(" " + "; ".join(groups[key]) + ".")]))
        return Section("summary", p.SUMMARY, blocks)

    def context(self) -> Section:
        ctx = self.ctx
        blocks: list[Block] = []
        if ctx.summary:
            blocks.append(Para([Text(_sentence(ctx.summary))]))
        blocks.append(Para([Text(p.ASSESSED.format(
            measures=len(ctx.measure_ids), safeguards=len(ctx.safeguard_ids), aims=len(ctx.aim_ids),
            alternatives=len(ctx.alternative_ids), as_of=format_date(ctx.as_of)))]))
        blocks.append(Para([Text(p.MODE_LEAD, bold=True), Text(" " + _sentence(ctx.mode_reason))]))
        if ctx.frameworks:
            blocks.append(Para([Text(p.LAW_LEAD, bold=True)]))
            blocks.append(Bullets([[Text(f"{f.title} ({f.legal_status}"
                                         + (f", version {f.legal_version}" if f.legal_version else "") + ")")]
                                   for f in ctx.frameworks]))
        if ctx.method:
            blocks.append(Para([Text(p.METHOD_LEAD, bold=True),
                                Text(" " + "; ".join(s.title for s in ctx.method) + ".")]))
        if ctx.later_case_law:
            blocks.append(Para([Text(p.LATER_LAW.format(cases="; ".join(ctx.later_case_law)))]))
        if ctx.overview and ctx.overview in ctx.diagrams:
            blocks.append(Image(ctx.overview, p.OVERVIEW_CAPTION))
        blocks.append(Para([Text(ctx.disclaimer)], style="small"))
        return Section("context", p.CONTEXT, blocks)

    def measure(self, m: r.Measure) -> Section:
        blocks: list[Block] = [Para([Text(p.CONCLUSION.format(verdict=m.verdict.label), bold=True),
                                     Text(" " + _sentence(m.verdict_reason))], style="lead")]
        if m.reviewed is not None:
            blocks.append(Para([Text(p.REVIEWER_VIEW.format(verdict=m.reviewed.verdict.label), bold=True),
                                Text(" " + _sentence(m.reviewed.reason))], style="lead"))
        facts = {f.label: f.value for f in m.facts}
        what = [_sentence(m.description)] if m.description else []
        what.append(p.WHAT.format(kind=facts.get(_("Kind"), m.kind),
                                  actor=facts.get(_("Carried out by"), p.NOT_STATED),
                                  scope=facts.get(_("Scope"), p.NOT_STATED).lower()))
        if _("Data processed") in facts:  # the facts are labelled in the report's language
            what.append(p.DATA.format(data=facts[_("Data processed")].lower()))
        runs: list[Run] = [Text(" ".join(what))]
        if m.legal_basis:
            runs += [Text(" " + p.BASIS), *self.notes.runs(m.legal_basis, limit=3)]
        blocks.append(Para(runs))
        for step in m.steps:
            blocks.append(self.step(step))
        if m.missing_safeguards:
            blocks.append(Para([Text(p.MISSING_LEAD, bold=True)]))
            blocks.append(Bullets([[Text(_labelled(label[0].upper() + label[1:]) + f"{', '.join(titles)}.")]
                                   for holder, label in p.DUTY.items()
                                   if (titles := [in_sentence(t) for t in sorted(
                                       x.title for x in m.missing_safeguards if x.duty == holder)])]))
        if m.conditions:
            blocks.append(Para([Text(p.CONDITIONS_LEAD, bold=True)]))
            blocks.append(Bullets([[Text(_sentence(c))] for c in m.conditions]))
        if m.convention is not None:
            blocks.append(Para([Text(p.CONVENTION_LEAD.format(verdict=m.convention.verdict.label), bold=True),
                                Text(" " + _sentence(m.convention.reason))]))
        blocks.append(Para([Text(p.TRACE)], style="small"))
        return Section(m.anchor, m.title, blocks)

    def step(self, step: r.Step) -> Para:
        runs: list[Run] = [Text(f"{step.title} — {_named(step.status)}.", bold=True)]
        if step.skipped:
            return Para([*runs, Text(" " + _sentence(step.summary))])
        # Strongest against: a finding that establishes a structural ground, then failures, then concerns.
        against = sorted((f for f in step.findings if f.status.word in _AGAINST),
                         key=lambda f: (f.status.word != "not-satisfied", f.id))
        favour = [f for f in step.findings if f.status.word == "satisfied"]
        shown = against[:REASONS_SHOWN]
        pro = favour[:REASONS_SHOWN]
        # The step's summary restates its first finding: give it only when no finding is argued below.
        if not any(step.summary.startswith(f.message.rstrip(".")) for f in [*shown, *pro]):
            runs.append(Text(" " + _sentence(step.summary)))
        if shown:
            runs.append(Text(" " + p.AGAINST))
            for f in shown:
                runs += [Text(" "), *self.reason(f)]
        if pro:
            runs.append(Text(" " + p.FAVOUR))
            for f in pro:
                runs += [Text(" "), *self.reason(f)]
        hidden = len(against) - len(shown) + len(favour) - len(pro)
        if hidden > 0:
            runs.append(Text(" " + p.MORE_FINDINGS.format(n=hidden)))
        return Para(runs)

    def measures(self) -> Section:
        ctx = self.ctx
        if not self.argued:
            return Section("assessment", p.ASSESSMENT, [Para([Text(p.NOT_ARGUED.format(
                n=len(ctx.measure_ids), limit=ARGUED_UP_TO))])])
        return Section("assessment", p.ASSESSMENT, [Para([Text(p.ASSESSMENT_LEAD)])],
                       [self.measure(ctx.measures[mid]) for mid in ctx.measure_ids])

    def essence(self) -> Section:
        ctx = self.ctx
        blocks: list[Block] = []
        reached = [(m.title, ctx.rights[i.right].title if i.right in ctx.rights else i.right)
                   for mid in ctx.measure_ids for m in [ctx.measures[mid]] for i in m.interferences
                   if i.reaches_essence]
        if reached:
            blocks.append(Para([Text(p.ESSENCE_REACHED, bold=True)]))
            blocks.append(Bullets([[Text(_labelled(t) + f"{right}.")] for t, right in reached]))
        else:
            blocks.append(Para([Text(p.ESSENCE_NOT_REACHED)]))
        argued: list[list[Run]] = []
        for mid in ctx.measure_ids if self.argued else []:
            m = ctx.measures[mid]
            for step in m.steps:
                if step.id != "essence":
                    continue
                for f in step.findings:
                    if f.status.word in _AGAINST:
                        argued.append([_lead(m.title), *self.reason(f)])
        if argued:
            blocks.append(Para([Text(p.ESSENCE_ARGUED)]))
            blocks.append(Bullets(argued))
        for ref in ctx.right_ids:
            right = ctx.rights[ref]
            if right.essence and right.cells:
                blocks.append(Para([Text(f"{right.title}. ", bold=True), Text(_sentence(right.essence)),
                                    *self.notes.runs(right.provisions, limit=1)]))
        return Section("essence", p.ESSENCE, blocks)

    def amendments(self) -> Section:
        ctx = self.ctx
        fixes: list[list[Run]] = []
        structural: list[list[Run]] = []
        for mid in ctx.measure_ids:
            m = ctx.measures[mid]
            if m.flip is None:
                continue
            if m.flip.fix:
                runs: list[Run] = [_lead(m.title), Text(p.ADD)]
                for i, item in enumerate(m.flip.fix):
                    runs += [Text((" " if i == 0 else "; ") + item.title), *self.notes.runs([item.cite], limit=1)]
                runs.append(Text("."))
                fixes.append(runs)
            elif not m.flip.fix_possible and m.verdict.word in _STRUCTURAL:
                structural.append([_lead(m.title), Text(_sentence(m.flip.explanation))])
        blocks: list[Block] = [Para([Text(p.AMENDMENTS_LEAD)])]
        if fixes:
            blocks.append(Bullets(fixes))
        else:
            blocks.append(Para([Text(p.NO_FIX_SETS)]))
        if structural:
            blocks.append(Para([Text(p.STRUCTURAL_AMENDMENT, bold=True)]))
            blocks.append(Bullets(structural))
        recommended = [[_lead(ctx.measures[mid].title), Text(_sentence(x))]
                       for mid in ctx.measure_ids for x in ctx.measures[mid].recommendations]
        if recommended:
            blocks.append(Para([Text(p.GOOD_PRACTICE, bold=True)]))
            blocks.append(Bullets(recommended))
        return Section("amendments", p.AMENDMENTS, blocks)

    def open_questions(self) -> Section:
        ctx = self.ctx
        items: list[list[Run]] = []
        for mid in ctx.measure_ids:
            m = ctx.measures[mid]
            undetermined = [s.title for s in m.steps if s.status.word == "undetermined"]
            if undetermined:
                items.append([_lead(m.title),
                              Text(p.UNDETERMINED.format(steps=", ".join(undetermined).lower()))])
            if m.detection is not None and m.detection.unknown_inputs:
                items.append([_lead(m.title),
                              Text(p.UNKNOWN_INPUTS.format(inputs=", ".join(m.detection.unknown_inputs)))])
            if m.effectiveness is None:
                items.append([_lead(m.title), Text(p.NO_EVIDENCE)])
        blocks: list[Block] = [Bullets(items)] if items else [Para([Text(p.NO_OPEN_QUESTIONS)])]
        if ctx.unverified_count:
            blocks.append(Para([Text(p.UNVERIFIED_SOURCES.format(n=ctx.unverified_count))]))
        return Section("open-questions", p.OPEN_QUESTIONS, blocks)

    # -- annexes -------------------------------------------------------------------------------

    def trace(self) -> Section:
        ctx = self.ctx
        if len(ctx.measure_ids) > TRACE_FINDINGS_UP_TO:
            return self.trace_at_a_glance()
        children = []
        for mid in ctx.measure_ids:
            m = ctx.measures[mid]
            rows: list[list[list[Run]]] = []
            for step in m.steps:
                for f in step.findings:
                    reasons = " ".join(_sentence(x) for x in f.reasons)
                    cites = "; ".join(_cite_text(c) for c in self.finding_cites(f))
                    cell: list[Run] = [Text(_sentence(f.message), bold=True)]
                    if reasons:
                        cell.append(Text(" " + reasons))
                    if cites:
                        cell.append(Text(f" {p.SOURCES}: {cites}.", italic=True))
                    cell += review_runs(f.review)
                    rows.append([[Text(step.title)], [Text(f.status.label)], cell, [Text(f.id)]])
            children.append(Section("trace-" + m.anchor, m.title, [Table(
                list(p.TRACE_HEADER), rows, [2, 1.5, 9, 3], p.TRACE_CAPTION.format(measure=m.title))]))
        return Section("annex-trace", p.ANNEX_TRACE, [Para([Text(p.ANNEX_TRACE_LEAD)])], children)

    def trace_at_a_glance(self) -> Section:
        """The trace annex of a large assessment: a row per measure with its verdict and its steps' statuses."""
        ctx = self.ctx
        rows = [[[Text(m.title, bold=True)], [Text(m.verdict.label)],
                 [Text("; ".join(_labelled(s.short) + s.status.label for s in m.steps))]]
                for m in (ctx.measures[mid] for mid in ctx.measure_ids)]
        findings = sum(len(s.findings) for m in ctx.measures.values() for s in m.steps)
        lead = p.TRACE_GLANCE_LEAD.format(n=count(len(ctx.measure_ids)), limit=count(TRACE_FINDINGS_UP_TO),
                                          findings=count(findings))
        return Section("annex-trace", p.ANNEX_TRACE, [Para([Text(lead)]),
                                                      Table(list(p.TRACE_GLANCE_HEADER), rows, [5, 3, 8])])

    def requirements(self) -> Section:
        ctx = self.ctx
        rows = []
        for ref in ctx.required_type_ids:
            rt = ctx.required_types[ref]
            rows.append([
                [Text(rt.title, bold=True)],
                [Text("; ".join(_cite_text(c) for c in rt.cites) or p.NONE)],
                [Text(self.titles(rt.missing_in))],
                [Text(self.titles(rt.present_in))],
            ])
        return Section("annex-requirements", p.ANNEX_REQUIREMENTS,
                       [Table(list(p.REQUIREMENTS_HEADER), rows, [3, 6, 3, 3])] if rows
                       else [Para([Text(p.NONE)])])

    def titles(self, mids: list[str]) -> str:
        return ", ".join(self.ctx.measures[x].title for x in mids if x in self.ctx.measures) or p.NONE

    def detection(self) -> Section:
        ctx = self.ctx
        children = []
        for mid in ctx.measure_ids:
            m = ctx.measures[mid]
            d = m.detection
            if d is None:
                continue
            blocks: list[Block] = []
            if d.headline:
                blocks.append(Para([Text(d.headline)]))
            if d.inputs:
                blocks.append(Table(list(p.INPUTS_HEADER), [
                    [[Text(x.label)], [Text(x.value)], [Text(_range_with_ends(x))],
                     [Text("; ".join(_cite_text(c) for c in x.cites))]] for x in d.inputs], [4, 2, 3, 5]))
            if d.outputs:
                blocks.append(Table(list(p.OUTPUTS_HEADER), [
                    [[Text(o.label)], [Text(o.low)], [Text(o.central)], [Text(o.high)]] for o in d.outputs],
                    [6, 2, 2, 2]))
            if d.unknown_inputs:
                blocks.append(Para([Text(p.UNKNOWN_INPUTS.format(inputs=", ".join(d.unknown_inputs)))]))
            children.append(Section("detection-" + m.anchor, m.title, blocks))
        blocks = [] if children else [Para([Text(p.NO_DETECTION)])]
        return Section("annex-detection", p.ANNEX_DETECTION, blocks, children)

    def bibliography(self) -> Section:
        ctx = self.ctx
        items: list[list[Run]] = []
        for group in ctx.bib_groups:
            for ref in group.refs:
                e = ctx.bibliography[ref]
                text = f"[{e.number}] {e.title}"
                if e.details:
                    text += ". " + ". ".join(e.details)
                if e.links:
                    text += ". " + " ".join(link.url for link in e.links[:1])
                runs: list[Run] = [Text(text + ".")]
                if e.verified is False:
                    runs.append(Text(f" {p.UNVERIFIED_NOTE}", bold=True))
                items.append(runs)
        return Section("annex-bibliography", p.ANNEX_BIBLIOGRAPHY, [Bullets(items)] if items
                       else [Para([Text(p.NONE)])])

    def about(self) -> Section:
        ctx = self.ctx
        rows = [[[Text(k)], [Text(v)]] for k, v in _meta(ctx)]
        rows += [[[Text(f.title)], [Text(_framework_versions(f.data_version, f.legal_status, f.legal_version))]]
                 for f in ctx.frameworks]
        return Section("annex-about", p.ANNEX_ABOUT, [Table(list(p.ABOUT_HEADER), rows, [4, 8])])

    def build(self) -> Document:
        main = [self.summary(), self.context(), self.measures(), self.essence(), self.amendments(),
                action_plan(self.ctx, every=self.argued), self.open_questions(), sign_off(self.ctx)]
        return Document(title=self.ctx.title, subtitle=p.SUBTITLE, meta=_meta(self.ctx), main=main,
                        notes=self.notes.notes)

    def annexes(self) -> list[Section]:
        return [self.trace(), self.requirements(), self.detection(), self.bibliography(), self.about()]


def _named(badge: r.Badge) -> str:
    """A status or verdict as a sentence names it: its label in lower case in English; in another language the
    translation of its word (a term: 'concern' -> 'Bedenken'), which keeps the capital a noun takes."""
    if language() == SOURCE:
        return badge.label.lower()
    said = _(badge.word)
    return said if said != badge.word else badge.label.lower()


def _labelled(label: str) -> str:
    """``label`` and the colon after it, the report language's way ('Mesure : ' in French)."""
    return str(p.LABEL).format(label=label)


def _lead(label: str) -> Text:
    """A bullet's bold lead: the label (a measure's title) and its colon."""
    return Text(_labelled(label), bold=True)


def _standing(m: r.Measure) -> str:
    """Whether a failure is structural (no safeguard cures it), curable by amendment, or a set of conditions."""
    if m.verdict.word in _STRUCTURAL:
        return "curable" if m.flip is not None and m.flip.fix_possible and m.flip.fix else "structural"
    return "conditions" if m.verdict.word == "proportionate-with-conditions" else m.verdict.word


def _meta(ctx: r.ReportContext) -> list[tuple[str, str]]:
    meta = [(p.META_ASSESSMENT, ctx.assessment_id), (p.META_AS_OF, format_date(ctx.as_of)), (p.META_MODE, ctx.mode)]
    if ctx.authors:
        meta.append((p.META_AUTHORS, ", ".join(ctx.authors)))
    meta.append((p.META_VERSION, f"rightskit {ctx.rightskit_version}"))
    meta.append((p.META_HASH, ctx.input_hash))
    if ctx.rendered_on:
        meta.append((p.META_RENDERED, ctx.rendered_on))
    return meta


def _range_with_ends(x: r.Figure) -> str:
    """A figure's range, followed by the sources of each end where the author gave them apart."""
    ends = [f"{p.OUTPUTS_HEADER[i]}: {'; '.join(_cite_text(c) for c in cites)}"
            for i, cites in ((1, x.low_cites), (3, x.high_cites)) if cites]
    return (x.range or "") + (f" ({'; '.join(ends)})" if ends else "")


def _cite_text(c: r.Cite) -> str:
    flag = f" {p.UNVERIFIED_NOTE}" if c.verified is False else ""
    return f"{c.label}{', ' + c.pinpoint if c.pinpoint else ''}{flag}"


def _short(text: str, limit: int = 160) -> str:
    """What a condition asks (before its ': ' explanation), cut at ``limit`` characters on a word boundary."""
    text = text.strip()
    # A condition reads "what to do: why"; the summary table gives what to do.
    head = text.split(": ", 1)[0] if ": " in text else text
    if len(head) <= limit:
        return head
    return head[:limit].rsplit(" ", 1)[0] + " …"


def build_opinion(ctx: r.ReportContext) -> Document:
    """The opinion for ``ctx``: its main text and notes (every format shows them)."""
    return _Opinion(ctx).build()


def build_annexes(ctx: r.ReportContext) -> list[Section]:
    """The annexes as document sections: the complete trace, requirements, detection, bibliography, about.

    Built only for a writer that lays them out from the document (DOCX): the HTML, PDF and Markdown
    templates set out the same records themselves, and a large report's trace is not built for nothing.
    """
    return _Opinion(ctx).annexes()


def _framework_versions(data_version: str, status: str, legal_version: str | None) -> str:
    """'data 2026.11.0; in-force; version 2021-08-02' in the report's language."""
    text = _("data {version}; {status}").format(version=data_version, status=status)
    return text + (_("; version {version}").format(version=legal_version) if legal_version else "")


__all__ = ["ARGUED_UP_TO", "TRACE_FINDINGS_UP_TO", "build_annexes", "build_opinion"]
