"""GitHub-flavoured Markdown from the report context, with every piece of user text escaped.

User text never becomes markup: Markdown punctuation is backslash-escaped, '<', '>' and '&'
become entities, newlines inside table cells become spaces, and bare URLs are defused, so links,
images, HTML and math written in an assessment stay inert text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence

from ..translation import format_date
from ..translation import gettext as _
from . import records as r
from .document import Bullets, Image, Note, Para, Run, Table, numbered
from .phrasebook import phrases

#: '<', '>' and '&' as entities, and Markdown punctuation backslash-escaped, in one pass (no
#: replacement contains a character another one replaces).
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in "\\`*_{}[]()#+!|~$^"}}
_TO_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")


def esc(text: object) -> str:
    """Escape user text for inline Markdown (one line; safe in table cells)."""
    return _escaped(text if type(text) is str else str(text))


@functools.lru_cache(maxsize=1 << 15)
def _escaped(text: str) -> str:
    # Cached: a large report escapes the same titles, labels and reasons many times (404,000 calls for
    # 28,000 distinct texts at 1,000 measures).
    s = " ".join(text.split())  # newlines and runs of space: one space
    s = _TO_ESCAPE.sub(lambda m: _ESCAPES[m.group()], s)
    s = s.replace("://", "\\://").replace("www.", "www\\.")  # no autolinks from user text
    m = _LINE_START.match(s)
    if m:  # '- x', '1. x', '= x' at the start of a line would start a list or a heading
        s = s[: m.start(2)] + "\\" + s[m.start(2):] if not m.group(2)[0].isdigit() else \
            s[: m.end(2)] + "\\" + s[m.end(2):]
    return s


_SAFE_CODE = re.compile(r"^[A-Za-z0-9._/:@ -]*$")


_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9._/:-]")


def _safe_anchor(anchor: str) -> str:
    """Anchors are built from validated ids; filter anyway so nothing else can reach the markup."""
    return _ANCHOR_UNSAFE.sub("", anchor)


def code(text: str) -> str:
    """Inline code for ids and paths; anything unusual falls back to escaped text (no escapes work in code)."""
    return f"`{text}`" if _SAFE_CODE.match(text) else esc(text)


def link(label: str, anchor: str) -> str:
    """A link to an anchor of this document."""
    return f"[{esc(label)}](#{_safe_anchor(anchor)})"


def ext_link(label: str, url: str) -> str:
    return f"[{esc(label)}](<{url}>)"


def badge(b: r.Badge) -> str:
    return f"{b.symbol} {esc(b.label)}"


def cite(c: r.Cite) -> str:
    text = c.label + (f", {c.pinpoint}" if c.pinpoint else "")
    return link(text, c.anchor) + (" †" if c.verified is False else "")


def cites(list_: Iterable[r.Cite]) -> str:
    return "; ".join(cite(c) for c in list_)


def _table(head: list[str], rows: Iterable[list[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _h in head) + "|"]
    out += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return [*out, ""]


def _anchor(anchor: str) -> str:
    return f'<a id="{_safe_anchor(anchor)}"></a>'


class _Doc:
    def __init__(self, ctx: r.ReportContext) -> None:
        self.ctx = ctx
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def mlink(self, mid: str) -> str:
        m = self.ctx.measures.get(mid)
        return link(m.title, m.anchor) if m else esc(mid)

    def rlink(self, ref: str) -> str:
        rt = self.ctx.rights.get(ref)
        return link(rt.title, rt.anchor) if rt else esc(ref)

    def slink(self, sid: str) -> str:
        s = self.ctx.safeguards.get(sid)
        return link(s.title, s.anchor) if s else esc(sid)

    def alink(self, aid: str) -> str:
        a = self.ctx.aims.get(aid)
        return link(a.title, a.anchor) if a else esc(aid)

    def altlink(self, aid: str) -> str:
        a = self.ctx.alternatives.get(aid)
        return link(a.title, a.anchor) if a else esc(aid)

    def diagram(self, view: str, caption: str) -> None:
        d = self.ctx.diagrams[view]
        self.add(f"![{esc(d.title)}](<{_safe_anchor(d.file)}>)", "", f"*{esc(caption)}*", "")

    # -- sections --------------------------------------------------------------------------

    def title(self) -> None:
        c = self.ctx
        self.add(f"# {esc(c.title)}", "", "*" + _("Fundamental-rights assessment · Art. 52(1) Charter") + "*", "")
        if c.summary:
            self.add(esc(c.summary), "")
        rows = []
        if c.authors:
            rows.append([_("Authors"), esc(", ".join(c.authors))])
        rows += [[_("Law applied as of"), esc(format_date(c.as_of))], [_("Mode"), esc(c.mode_reason)]]
        if c.later_case_law:
            later = _("Not applied as law on {date}, listed for information:").format(date=format_date(c.as_of))
            rows.append([_("Later case law"), esc(later + " " + "; ".join(c.later_case_law))])
        rows += [[_("Assessment id"), code(c.assessment_id)],
                 [_("Produced by"),
                  _("rightskit {version} (results schema {schema})").format(version=esc(c.rightskit_version),
                                                                            schema=esc(c.results_schema_version))],
                 [_("Inputs (SHA-256)"), code(c.input_hash)]]
        if c.rendered_on:
            rows.append([_("Rendered on"), esc(c.rendered_on)])
        self.add(*_table(["", ""], rows))
        self.add(*_table([_("Framework"), _("Data version"), _("Legal version in effect"), _("Status")], [
            [esc(f.title) + "".join(" " + ext_link(x.label, x.url) for x in f.links), esc(f.data_version),
             esc(f.legal_version or _("none")), esc(f.legal_status)] for f in c.frameworks]))
        self.add("> **" + _("Read this first.") + f"** {esc(c.disclaimer)}", "")

    def toc(self) -> None:
        self.add("## " + _("Contents"), "")
        for e in self.ctx.toc:
            self.add(f"- {link(e.title, e.anchor)}")
            self.add(*(f"  - {link(x.title, x.anchor)}" for x in e.children))
        self.add("")

    def runs(self, rs: Sequence[Run]) -> str:
        out = []
        for x in rs:
            if isinstance(x, Note):
                out.append(f"[^{x.number}]")
            elif x.bold and x.text.strip():
                out.append(f"**{esc(x.text.strip())}**" + (" " if x.text.endswith(" ") else ""))
            elif x.italic and x.text.strip():
                out.append(f"*{esc(x.text.strip())}*")
            else:
                out.append(esc(x.text))
        return "".join(out)

    def opinion(self) -> None:
        """The main text (opinion.py): sections, then the notes as Markdown footnotes."""
        doc = self.ctx.opinion
        if doc is None:
            return
        for depth, number, sec in numbered(doc.main):
            self.add(_anchor("op-" + sec.id), f"{'#' * (depth + 1)} {number} {esc(sec.title)}", "")
            for b in sec.blocks:
                if isinstance(b, Para):
                    self.add(self.runs(b.runs), "")
                elif isinstance(b, Bullets):
                    self.add(*(f"- {self.runs(item)}" for item in b.items), "")
                elif isinstance(b, Table):
                    self.add(*_table([esc(h) for h in b.header], [[self.runs(c) for c in row] for row in b.rows]))
                elif isinstance(b, Image) and b.view in self.ctx.diagrams:
                    self.diagram(b.view, b.caption)
        self.add(*(f"[^{n.number}]: {esc(n.text)}" for n in doc.notes), "")
        self.add(_anchor("annexes"), f"## {esc(phrases.ANNEXES)}", "")

    def summary(self) -> None:
        c = self.ctx
        self.add(_anchor("summary"), "## " + _("Verdicts and steps at a glance"), "")
        self.add(*_table([_("Measure"), _("Verdict"), _("Why")], [
            [link(m.title, m.anchor), f"**{badge(m.verdict)}**", esc(m.verdict_reason)] for m in c.measures.values()]))
        if c.measure_ids:
            first = c.measures[c.measure_ids[0]]
            self.add("### " + _("The Art. 52(1) steps at a glance"), "")
            self.add(*_table([_("Measure"), *(esc(s.title) for s in first.steps)], [
                [link(m.title, m.anchor), *(badge(s.status) for s in m.steps)] for m in c.measures.values()]))

    def measure(self, m: r.Measure) -> None:
        self.add(_anchor(m.anchor), f"### {esc(m.title)}", "", f"**{badge(m.verdict)}.** {esc(m.verdict_reason)}", "")
        if m.ground:
            self.add("**" + _("Decisive ground:") + f"** {esc(m.ground)}.", "")
        if m.conditions:
            self.add("**" + _("Conditions: the amendments that would cure it") + "**", "",
                     *(f"{n}. {esc(c)}" for n, c in enumerate(m.conditions, start=1)), "")
        if m.recommendations:
            self.add("**" + _("Recommendations (good practice, not required)") + "**", "",
                     *(f"- {esc(c)}" for c in m.recommendations), "")
        if m.convention:
            c = m.convention
            self.add("**" + _("ECHR Art. 8(2)") + f": {badge(c.verdict)}.** {esc(c.reason)}", "",
                     *(f"- {badge(t.status)} *{esc(t.title)}*: {esc(t.message)}" for t in c.tests), "")
        if m.description:
            self.add(esc(m.description), "")
        facts = [[esc(f.label), esc(f.value)] for f in m.facts]
        if m.legal_basis:
            facts.append([_("Legal basis"), cites(m.legal_basis)])
        if m.aims:
            facts.append([_("Aims"), "; ".join(self.alink(a) for a in m.aims)])
        if m.effectiveness:
            e = m.effectiveness
            facts.append([_("Effectiveness"), f"{badge(e.level)}: {esc(e.statement)} {cites(e.cites)}".strip()])
        if m.fed_by:
            facts.append([_("Receives data from"), "; ".join(self.mlink(x) for x in m.fed_by)])
        if m.feeds:
            facts.append([_("Passes data to"), "; ".join(self.mlink(x) for x in m.feeds)])
        if m.cites:
            facts.append([_("Sources"), cites(m.cites)])
        self.add(*_table(["", ""], facts))
        if m.defined_at:
            self.add("*" + _("Defined at") + f" {code(m.defined_at)}*", "")
        if m.legality_issues:
            self.add("#### " + _("Defects in the legal basis"), "")
            serious = "**" + _("serious") + "** "
            self.add(*("- " + (serious if i.serious else "")
                       + f"{esc(i.quality)}: {esc(i.description)} {cites(i.cites)}".rstrip()
                       for i in m.legality_issues), "")
        self.add("#### " + _("Art. 52(1) steps"), "")
        rows = []
        for s in m.steps:
            parts = [esc(s.summary) + (" *" + _("(step not reached)") + "*" if s.skipped else "")]
            for f in s.findings:
                text = f"{badge(f.status)}: {esc(f.message)}"
                if f.reasons:
                    text += " — " + " ".join(f"({i}) {esc(x)}" for i, x in enumerate(f.reasons, 1))
                if f.nodes:
                    text += " — " + _("read:") + " " + ", ".join(link(n.label, n.anchor) if n.anchor else code(n.label)
                                                    for n in f.nodes)
                if f.see:
                    text += " — " + _("required by: the sources under") + " " + link(f.see.label, f.see.anchor)
                elif f.cites:
                    text += " — " + cites(f.cites)
                parts.append(text)
            rows.append([link(s.title, "step-" + s.id), badge(s.status),
                         "<br>".join(parts)])
        self.add(*_table([_("Step"), _("Status"), _("Conclusion, findings and reasons")], rows))
        if m.interferences:
            self.add("#### " + _("Interferences with rights"), "")
            rows = []
            for i in m.interferences:
                how = esc(i.explanation)
                if i.mitigations:
                    how += "<br>" + _("Safeguards:") + " " + "; ".join(
                        f"{self.slink(x.safeguard)} ({esc(x.strength)}, −{x.levels}"
                        + (", " + _("ineffective in practice") if not x.effective else "") + ")" for x in i.mitigations)
                if i.inherited_from:
                    how += "<br>" + _("Inherited from:") + " " + "; ".join(self.mlink(x) for x in i.inherited_from)
                if i.rationale:
                    how += "<br>" + _("Author’s reasoning:") + f" {esc(i.rationale)} {cites(i.cites)}".rstrip()
                right = self.rlink(i.right) + (" — ⊘ " + _("essence reached") if i.reaches_essence else "")
                rows.append([right, badge(i.inherent), badge(i.residual), how])
            self.add(*_table([_("Right"), _("Before safeguards"), _("After safeguards"), _("How it was computed")],
                             rows))
        if m.detection:
            self.detection(m.detection)
        if m.flip or m.missing_safeguards:
            self.add("#### " + _("What carries the verdict"), "")
            if m.flip:
                flip = m.flip
                self.add(esc(flip.explanation), "")
                carrying = " " + "; ".join(self.slink(x) for x in flip.carrying) if flip.carrying else ""
                fix = " " + "; ".join(link(x.title, x.cite.anchor) for x in flip.fix) if flip.fix else ""
                self.add("- **" + _("Carries the verdict:") + f"** {esc(flip.carrying_summary)}{carrying}",
                         "- **" + _("What would fix it:") + f"** {esc(flip.fix_summary)}{fix}", "")
            if m.missing_safeguards:
                self.add("**" + _("Required safeguards that are missing:") + "**", "")
                self.add(*(f"- ✗ **{esc(x.title)}**" + (f" — {esc(x.description)}" if x.description else "")
                           + f" ({link(_('required by'), x.anchor)})" for x in m.missing_safeguards), "")
        if m.alternatives:
            self.add("#### " + _("Alternatives"), "")
            self.add(*(f"- {self.altlink(a)}" for a in m.alternatives), "")
        if m.diagram:
            self.diagram(m.diagram, _("The measure, its rights, safeguards and aims."))

    def detection(self, d: r.Detection) -> None:
        self.add("#### " + _("Detection arithmetic"), "")
        if d.headline:
            self.add(f"> **{esc(d.headline)}**", ">")
            if d.base_rate_note:
                self.add(f"> {esc(d.base_rate_note)}", ">")
            self.add("> " + _("Correct hits: {correct} · false alarms: {false}").format(correct=esc(d.correct_share),
                                                                              false=esc(d.innocent_share)), "")
        else:
            missing = ", ".join(d.unknown_inputs) or _("inputs are missing")
            self.add("> **" + _("The precision of this measure cannot be computed:") + f" {esc(missing)}.**", "")
        rows = [[esc(x.label), esc(x.value), esc(x.range or ""),
                 (cites(x.cites) + (" " + esc(x.note) if x.note else "")).strip()] for x in d.inputs]
        rows += [[esc(x), _("unknown"), "", _("Not given: results that depend on it stay unknown.")]
                 for x in d.unknown_inputs]
        self.add(*_table([_("Input"), _("Value"), _("Range"), _("Sources and notes")], rows))
        self.add(*_table([_("Result"), _("Low"), _("Central"), _("High")],
                         [[esc(x.label), esc(x.low), f"**{esc(x.central)}**", esc(x.high)] for x in d.outputs]))
        self.add(*(f"{i}. {esc(x)}" for i, x in enumerate(d.explanation, 1)))
        self.add("")

    def rights(self) -> None:
        c = self.ctx
        self.add(_anchor("rights"), "## " + _("Rights and cumulative interference"), "")
        if not c.right_ids:
            self.add(_("No measure interferes with any right."), "")
            return
        head = [_("Right"), *(link(c.measures[m].title, c.measures[m].anchor) for m in c.measure_ids), _("Cumulative")]
        rows = [[link(rt.title, rt.anchor),
                 *(badge(rt.cells[m]) if m in rt.cells else "—" for m in c.measure_ids),
                 f"**{badge(rt.cumulative)}**"] for rt in c.rights.values()]
        self.add(*_table(head, rows))
        for rt in c.rights.values():
            self.add(_anchor(rt.anchor), f"### {esc(rt.title)}", "",
                     _("Cumulative interference:") + f" **{badge(rt.cumulative)}**"
                     + (" — " + _("absolute right: no limitation permitted") if rt.absolute else ""), "")
            if rt.explanation:
                self.add(esc(rt.explanation), "")
            if rt.provisions:
                self.add(_("Guaranteed by {sources}.").format(sources=cites(rt.provisions)), "")
            if rt.essence:
                self.add(_("Its essence:") + f" {esc(rt.essence)}", "")

    def safeguards(self) -> Iterator[None]:
        """The safeguard coverage section; yields after each safeguard, so the caller can flush the lines."""
        c = self.ctx
        self.add(_anchor("safeguards"), "## " + _("Safeguard coverage"), "")
        for s in c.safeguards.values():
            yield
            tags = [_("binding") if s.binding else _("voluntary"),
                    _("effective") if s.effective else "✗ " + _("ineffective in practice")]
            if s.carries:
                tags.append("! " + _("carries a verdict"))
            self.add(_anchor(s.anchor), f"### {esc(s.title)}", "", "*" + " · ".join(tags) + "*", "")
            if s.requires:
                self.add(esc(s.requires), "")
            facts = []
            if s.type:
                facts.append([_("Type"), cite(s.type)])
            if s.source:
                facts.append([_("Imposed by"), cite(s.source)])
            if s.conditions:
                facts.append([_("Conditions"), esc("; ".join(s.conditions))])
            if s.carries:
                facts.append([_("Verdict depends on it"), "; ".join(self.mlink(x) for x in s.carries)])
            if s.cites:
                facts.append([_("Sources"), cites(s.cites)])
            if facts:
                self.add(*_table(["", ""], facts))
            if s.mitigates:
                self.add(*_table([_("Measure"), _("Right"), _("Strength"), _("Why")], [
                    [self.mlink(x.measure), self.rlink(x.right), badge(x.strength),
                     (esc(x.rationale or "") + " " + cites(x.cites)).strip()] for x in s.mitigates]))
        self.add("### " + _("Required safeguard types"), "")
        rows = []
        for t in c.required_type_ids:
            x = c.required_types[t]
            rows.append([_anchor(x.anchor) + ("✗ " + _("missing:") + " " if x.missing_in else "") + esc(x.title),
                         "; ".join(self.mlink(mid) for mid in x.missing_in) or "—",
                         "; ".join(self.mlink(mid) for mid in x.present_in) or "—", cites(x.cites)])
        self.add(*(_table([_("Safeguard type"), _("Missing for"), _("In place for"), _("Required by")], rows) if rows
                   else ["✓ " + _("No measure requires a safeguard type from the catalogue."), ""]))

    def aims_and_alternatives(self) -> None:
        c = self.ctx
        if c.aim_ids:
            self.add(_anchor("aims"), "## " + _("Aims"), "")
            for a in c.aims.values():
                self.add(_anchor(a.anchor), f"### {esc(a.title)}", "")
                facts = [[_("Kind"), esc(a.kind)], [_("Importance"), esc(a.importance)]]
                if a.protects:
                    facts.append([_("Protects"), cites(a.protects)])
                if a.pursued_by:
                    facts.append([_("Pursued by"), "; ".join(self.mlink(x) for x in a.pursued_by)])
                if a.cites:
                    facts.append([_("Sources"), cites(a.cites)])
                self.add(*_table(["", ""], facts))
                if a.description:
                    self.add(esc(a.description), "")
        if c.alternative_ids:
            self.add(_anchor("alternatives"), "## " + _("Alternatives"), "")
            for alt in c.alternatives.values():
                self.add(_anchor(alt.anchor), f"### {esc(alt.title)}", "")
                if alt.description:
                    self.add(esc(alt.description), "")
                eff = alt.effectiveness
                facts = [[_("Could replace"), "; ".join(self.mlink(x) for x in alt.replaces)],
                         [_("Serves"), "; ".join(self.alink(x) for x in alt.aims)],
                         [_("Effectiveness"), f"{badge(eff.level)}: {esc(eff.statement)} {cites(eff.cites)}".strip()
                          if eff else _("unknown")]]
                if alt.cites:
                    facts.append([_("Sources"), cites(alt.cites)])
                self.add(*_table(["", ""], facts))
                if alt.interferes:
                    self.add(*_table([_("Right"), _("Severity"), _("Why")], [
                        [self.rlink(x.right), badge(x.severity), esc(x.rationale or "")] for x in alt.interferes]))

    def bibliography(self) -> None:
        c = self.ctx
        self.add(_anchor("bibliography"), "## " + _("Bibliography"), "")
        if c.unverified_count:
            self.add(_("Entries marked **unverified** ({n}) were not yet checked against an official text; in the "
                       "body such citations carry a †.").format(n=c.unverified_count), "")
        for g in c.bib_groups:
            self.add(f"### {esc(g.title)}", "")
            for ref in g.refs:
                e = c.bibliography[ref]
                line = f"{e.number}. {_anchor(e.anchor)}**{esc(e.title)}**"
                if e.verified is False:
                    line += " — **" + _("unverified") + "**"
                self.add(line)
                extra = [esc(x) for x in e.details]
                if e.pinpoints:
                    extra.append(_("Cited at:") + " " + esc("; ".join(e.pinpoints)))
                if e.summary:
                    extra.append(esc(e.summary))
                if e.quote:
                    extra.append(f"“{esc(e.quote)}”")
                if e.verified_note:
                    extra.append((_("Verification: ") if e.verified else _("Not verified: ")) + esc(e.verified_note))
                if e.links:
                    extra.append(" · ".join(ext_link(x.label, x.url) for x in e.links))
                extra.append(code(e.ref))
                self.add(*(f"   <br>{x}" for x in extra))
            self.add("")

    def about(self) -> None:
        c = self.ctx
        self.add(_anchor("about"), "## " + _("About this report"), "", f"> {esc(c.disclaimer)}", "")
        for name, title in (("verdict", _("Verdict")), ("status", _("Status")), ("severity", _("Severity"))):
            self.add(f"- {title}: " + " · ".join(badge(b) for b in c.legend[name]))
        self.add("", "### " + _("The method"), "")
        self.add(*_table([_("Step"), _("Questions"), _("Sources")], [
            [_anchor("step-" + s.id) + esc(s.title), "<br>".join(esc(q) for q in s.questions), cites(s.cites)]
            for s in c.method]))
        self.add("", _("Inputs hash to {hash} (SHA-256).").format(hash=code(c.input_hash)) + " "
                 + _("Produced by rightskit {version}; results schema {schema}; report context {context}.").format(
                     version=esc(c.rightskit_version), schema=esc(c.results_schema_version),
                     context=esc(c.context_version)), "")


def render_markdown(ctx: r.ReportContext) -> str:
    """The report as GitHub-flavoured Markdown."""
    return "".join(markdown_chunks(ctx))


def markdown_chunks(ctx: r.ReportContext) -> Iterator[str]:
    """The report as pieces of Markdown, a section (or a measure) at a time, for a streamed write."""
    doc = _Doc(ctx)

    def sections() -> Iterator[str]:
        def flush() -> str:
            text = "\n".join(doc.lines)
            doc.lines.clear()
            return text

        def flushed(lines: int = 0) -> Iterator[str]:
            """What is written so far, once there are more than ``lines`` lines (never an empty piece:
            joining one would add a line break the one-piece document does not have)."""
            if len(doc.lines) > lines:
                yield flush()

        doc.title()
        doc.toc()
        doc.opinion()
        yield flush()
        doc.summary()
        if ctx.overview:
            doc.add(_anchor("diagram-overview"), "## " + _("Overview diagram"), "")
            doc.diagram(ctx.overview, _("Measures, rights, safeguards and aims."))
        doc.add(_anchor("measures"), "## " + _("Measures"), "")
        yield flush()
        for m in ctx.measures.values():
            doc.measure(m)
            yield flush()
        # The sections after the measures are written in pieces too: held whole, the safeguard
        # coverage of a large assessment took ten times its size in memory while it was joined.
        doc.rights()
        if ctx.chain:
            doc.add(_anchor("diagram-chain"), "## " + _("Data flows between measures"), "")
            doc.diagram(ctx.chain, _("How the output of one measure feeds the next."))
        for _section in doc.safeguards():
            yield from flushed(FLUSH_LINES)
        doc.aims_and_alternatives()
        yield from flushed()
        doc.bibliography()
        doc.about()
        yield flush()

    # The sections joined by newlines, with every run of blank lines cut to one and a single newline at
    # the end. Trailing newlines are held back, so a run that spans two sections is cut as one.
    held = ""
    for i, text in enumerate(sections()):
        piece = held + ("\n" if i else "") + text
        body = piece.rstrip("\n")
        held = piece[len(body):]
        if body:
            yield _BLANK_LINES.sub("\n\n", body)
    yield "\n"


_BLANK_LINES = re.compile(r"\n{3,}")
#: Lines of the safeguard coverage held before they are written (the document is the same for any value).
FLUSH_LINES = 2_000
