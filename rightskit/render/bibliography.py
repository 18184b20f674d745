"""The bibliography: every citation target the report cites, with pinpoints and deep links.

Citations are registered while the context is built (:meth:`Bibliography.cite`); each returns a
:class:`~rightskit.render.template_context.Cite` that links to the entry's anchor. :meth:`Bibliography.entries`
then builds one entry per target actually cited, grouped and in a stable natural order.

Deep links: EUR-Lex by CELEX, CURIA and EUR-Lex by ECLI, HUDOC by application number. Only
http(s) URLs ever become links.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from ..translation import N_, gettext, language
from . import template_context as r

if TYPE_CHECKING:
    from ..model import Citation
    from ..model.ref_index import RefIndex

GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("legislation", N_("Legislation and rights"), ("framework", "provision", "right")),
    ("case-law", N_("Case law"), ("case", "criterion")),
    ("sources", N_("Reports, opinions and other sources"), ("source", "unknown")),
    ("method", N_("Method and safeguard catalogue"), ("step", "safeguard-type")),
)
KIND_ORDER = ("source", "provision", "case", "criterion", "right", "framework", "safeguard-type", "step")


def eurlex_celex(celex: str) -> str:
    return "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:" + quote(celex, safe="/()")


def eurlex_ecli(ecli: str) -> str:
    return "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=ecli:" + quote(ecli, safe=":")


def curia_ecli(ecli: str) -> str:
    return "https://curia.europa.eu/juris/liste.jsf?critereEcli=" + quote(ecli, safe=":")


def hudoc(application_numbers: list[str]) -> str:
    query = json.dumps({"appno": list(application_numbers)}, separators=(",", ":"))
    return "https://hudoc.echr.coe.int/eng#" + quote(query, safe="")


def safe_url(url: object) -> str | None:
    """``url`` as a string if it is an absolute http(s) URL without spaces or controls, else None."""
    if url is None:
        return None
    text = str(url)
    if any(ch.isspace() or ord(ch) < 32 or ch in "\"'<>`\\" for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return text


def bib_anchor(ref: str) -> str:
    """Anchor id of a bibliography entry (refs are unique, so anchors are)."""
    return "bib-" + ref


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort 'art-7' before 'art-24', and 'Art. 3(1)' before 'Art. 10'."""
    return tuple((0, int(tok), "") if tok.isdigit() else (1, 0, tok)
                 for tok in re.split(r"(\d+)", text.lower()) if tok)


def paragraphs_label(paragraphs: str) -> str:
    text = paragraphs.strip()
    many = any(sep in text for sep in ("-", "–", ",", " and "))
    return f"{'paras' if many else 'para.'} {text.replace('-', '–')}"


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class Bibliography:
    """Collects citations while the report context is built."""

    index: RefIndex
    used: dict[str, set[str]] = field(default_factory=dict)  # ref -> pinpoints cited
    _cites: dict[tuple[str, str | None, str | None, str | None], r.Cite] = field(default_factory=dict)

    # -- lookups ---------------------------------------------------------------------------

    def kind(self, ref: str) -> str:
        return self.index.kind_of(ref, KIND_ORDER) or "unknown"

    def _framework_of(self, ref: str) -> Any:
        return self.index.get("framework", ref.split("/", 1)[0]) if "/" in ref else None

    def _case_of(self, ref: str) -> Any:
        return self.index.get("case", ref.rsplit("/", 1)[0])

    def label(self, ref: str) -> str:
        """The short form used in the body, e.g. 'Art. 7 Charter' or 'Digital Rights Ireland (C-293/12)'."""
        kind = self.kind(ref)
        obj: Any = self.index.get(kind, ref)
        if kind == "provision":
            fw = self._framework_of(ref)
            if fw is None or fw.names_itself(obj.pinpoint):
                return str(obj.pinpoint)
            return f"{obj.pinpoint} {fw.short_title or fw.title}"
        if kind == "case":
            number = f" ({obj.case_numbers[0]})" if obj.case_numbers else ""
            return f"{obj.name}{number}"
        if kind == "criterion":
            case = self._case_of(ref)
            return f"{case.name}, {paragraphs_label(obj.paragraphs)}" if case else ref
        if kind == "source":
            return _shorten(obj.title, 70)
        if kind == "framework":
            return str(obj.short_title or obj.title)
        if kind in ("right", "safeguard-type", "step"):
            return str(obj.worded("title", language()))
        return ref

    def verified(self, ref: str) -> bool | None:
        kind = self.kind(ref)
        obj: Any = self.index.get(kind, ref)
        if kind in ("provision", "source"):
            return bool(obj.verified)
        if kind == "case":
            return bool(obj.verified)
        if kind == "criterion":
            case = self._case_of(ref)
            return bool(obj.verified and (case is None or case.verified))
        if kind == "right":
            provs = [self.index.get("provision", p) for p in obj.provisions]
            return all(p is not None and p.verified for p in provs)
        if kind == "framework":
            return all(v.verified for v in obj.versions)
        if kind == "unknown":
            return False
        return None

    # -- registering -----------------------------------------------------------------------

    def cite(self, citation: Citation) -> r.Cite:
        return self.cite_ref(citation.ref, citation.pinpoint, citation.quote, citation.note)

    def cite_ref(self, ref: str, pinpoint: str | None = None, quote_: str | None = None,
                 note: str | None = None) -> r.Cite:
        key = (ref, pinpoint, quote_, note)
        cached = self._cites.get(key)
        if cached is not None:  # findings cite the same few sources thousands of times; Cite is frozen
            return cached
        self._cites[key] = made = self._make_cite(ref, pinpoint, quote_, note)
        return made

    def _make_cite(self, ref: str, pinpoint: str | None, quote_: str | None, note: str | None) -> r.Cite:
        pins = self.used.setdefault(ref, set())
        if pinpoint:
            pins.add(pinpoint)
        shown = pinpoint
        if pinpoint and self.kind(ref) == "provision":
            own: str = self.index.get("provision", ref).pinpoint  # type: ignore[union-attr]
            if pinpoint.startswith(own):  # 'Art. 52(1), first sentence' cited on Art. 52(1): show the rest
                shown = pinpoint[len(own):].lstrip(" ,;") or None
        return r.Cite(ref=ref, anchor=bib_anchor(ref), label=self.label(ref), pinpoint=shown or None,
                      quote=quote_ or None, note=note or None, verified=self.verified(ref))

    def cites(self, citations: list[Citation]) -> list[r.Cite]:
        return [self.cite(c) for c in citations]

    # -- the entries -----------------------------------------------------------------------

    def entries(self) -> tuple[dict[str, r.BibEntry], list[r.BibGroup]]:
        by_group: dict[str, list[str]] = {gid: [] for gid, _, _ in GROUPS}
        for ref in self.used:
            kind = self.kind(ref)
            gid = next(g for g, _, kinds in GROUPS if kind in kinds)
            by_group[gid].append(ref)
        entries: dict[str, r.BibEntry] = {}
        groups: list[r.BibGroup] = []
        number = 0
        for gid, english, _kinds in GROUPS:
            title = gettext(english)
            refs = sorted(by_group[gid], key=natural_key)
            if not refs:
                continue
            for ref in refs:
                number += 1
                entries[ref] = self._entry(ref, number)
            groups.append(r.BibGroup(id=gid, title=title, refs=refs))
        return entries, groups

    def _entry(self, ref: str, number: int) -> r.BibEntry:
        kind = self.kind(ref)
        obj: Any = self.index.get(kind, ref)
        details: list[str] = []
        links: list[tuple[str, object]] = []
        summary = quote_ = note = None
        title = self.label(ref)
        if kind == "provision":
            fw = self._framework_of(ref)
            title = f"{obj.pinpoint} — {obj.title}"
            if fw:
                details.append(fw.title_in(language()) + (f", {fw.reference}" if fw.reference else ""))
            summary, quote_, note = obj.summary, obj.quote, obj.verified_note
            links.append(("Official text", obj.url))
            if fw:
                links += self._framework_links(fw)
        elif kind in ("case", "criterion"):
            case = obj if kind == "case" else self._case_of(ref)
            if kind == "criterion":
                title = f"{case.name}, {paragraphs_label(obj.paragraphs)}" if case else ref
                summary, quote_, note = obj.summary, obj.quote, obj.verified_note
            else:
                title = obj.name
                summary, note = obj.holding, obj.verified_note
            if case is not None:
                details.append(self._case_detail(case))
                links += self._case_links(case)
        elif kind == "source":
            title = obj.title
            bits = [obj.publisher, obj.date.isoformat() if obj.date else None, obj.kind]
            details.append(", ".join(b for b in bits if b))
            ids = [f"CELEX {obj.celex}" if obj.celex else None, obj.ecli,
                   ("Appl. no. " + ", ".join(obj.application_numbers)) if obj.application_numbers else None]
            if any(ids):
                details.append(" · ".join(i for i in ids if i))
            summary, note = obj.note, obj.verified_note
            links.append(("Document", obj.url))
            if obj.celex:
                links.append(("EUR-Lex", eurlex_celex(obj.celex)))
            if obj.eli:
                links.append(("ELI", obj.eli))
            if obj.ecli:
                links += [("CURIA", curia_ecli(obj.ecli)), ("EUR-Lex", eurlex_ecli(obj.ecli))]
            if obj.application_numbers:
                links.append(("HUDOC", hudoc(obj.application_numbers)))
        elif kind == "framework":
            title = obj.title_in(language())
            if obj.reference:
                details.append(obj.reference)
            details.append(gettext("data version {version}").format(version=obj.data_version))
            summary = obj.note
            links += self._framework_links(obj)
        elif kind == "right":
            title = obj.worded("title", language())
            provs = [self.index.get("provision", p) for p in obj.provisions]
            details.append(gettext("Guaranteed by") + " " + "; ".join(self.label(p) for p in obj.provisions))
            summary = obj.summary
            for p in provs:
                if p is not None:
                    links.append((p.pinpoint, p.url))
        elif kind == "safeguard-type":
            summary = obj.worded("description", language())
        elif kind == "step":
            fw = self._framework_of(ref)
            if fw:
                details.append(fw.title_in(language()))
            summary = " ".join(obj.worded("questions", language())) or None
        else:
            details.append(gettext("This reference was not found in the frameworks used."))
        return r.BibEntry(
            ref=ref, anchor=bib_anchor(ref), number=number, kind=kind, title=title, details=details,
            summary=summary, quote=quote_, links=_links(links), verified=self.verified(ref), verified_note=note,
            pinpoints=sorted(self.used.get(ref, ()), key=natural_key),
        )

    @staticmethod
    def _framework_links(fw: Any) -> list[tuple[str, object]]:
        links: list[tuple[str, object]] = []
        if fw.celex:
            links.append(("EUR-Lex", eurlex_celex(fw.celex)))
        if fw.eli:
            links.append(("ELI", fw.eli))
        links.append(("Source", fw.url))
        return links

    @staticmethod
    def _case_detail(case: Any) -> str:
        court = {"cjeu": "CJEU", "ecthr": "ECtHR"}.get(case.court, case.court)
        bits = [court + (f" ({case.formation})" if case.formation else ""), case.date.isoformat()]
        bits += list(case.case_numbers)
        if case.ecli:
            bits.append(case.ecli)
        if case.application_numbers:
            bits.append("Appl. no. " + ", ".join(case.application_numbers))
        return ", ".join(bits)

    @staticmethod
    def _case_links(case: Any) -> list[tuple[str, object]]:
        links: list[tuple[str, object]] = []
        if case.ecli:
            links += [("CURIA", curia_ecli(case.ecli)), ("EUR-Lex", eurlex_ecli(case.ecli))]
        if case.application_numbers:
            links.append(("HUDOC", hudoc(case.application_numbers)))
        links.append(("Judgment", case.url))
        return links


_HOSTS = {"eur-lex.europa.eu": "EUR-Lex", "curia.europa.eu": "CURIA", "hudoc.echr.coe.int": "HUDOC"}


def framework_links(fw: Any) -> list[r.Link]:
    """The links of a framework: EUR-Lex by CELEX, ELI, and its own address."""
    return _links(Bibliography._framework_links(fw))


def _links(pairs: list[tuple[str, object]]) -> list[r.Link]:
    """http(s) links only, each URL once, in the order given; official sites named by their host."""
    seen: set[str] = set()
    out: list[r.Link] = []
    for label, url in pairs:
        safe = safe_url(url)
        if safe and safe not in seen:
            seen.add(safe)
            host = (urlsplit(safe).hostname or "").lower()
            named = _HOSTS.get(host.removeprefix("www."), label)
            generic = label in ("Official text", "Judgment", "Document", "Source")
            taken = any(x.label == named for x in out)
            out.append(r.Link(label=named if generic and not taken else label, url=safe))
    return out
