"""Resolve an assessment against its frameworks: every reference checked, every problem located."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, ProblemCollector, SourceLocation, did_you_mean
from ..model import Assessment, Framework
from ..model.fieldsets import share_fields_sets
from ..model.framework import Provision
from ..model.ref_index import CITABLE, Path_, RefIndex, index_frameworks, walk_citations
from .frameworks import SUPPORT_FRAMEWORKS, FrameworkLibrary
from .salvage import UNPARSED
from .validate import Locator, key_path


@dataclass
class Resolved:
    """An assessment with the frameworks it uses and an index of every id it may refer to."""

    assessment: Assessment
    frameworks: dict[str, Framework]
    index: RefIndex
    locator: Locator
    library: FrameworkLibrary | None = None
    files: list[Path] = field(default_factory=list)

    @property
    def as_of(self) -> dt.date:
        return self.assessment.as_of

    def provision_in_force(self, ref: str, day: dt.date | None = None) -> tuple[bool, str]:
        """Whether provision ``ref`` applies on ``day`` (default: the as-of date), and why."""
        day = day or self.as_of
        fid = ref.split("/", 1)[0]
        fw = self.frameworks.get(fid)
        prov: Provision | None = self.index.get("provision", ref)
        if fw is None or prov is None:
            return False, f"'{ref}' is not a known provision"
        version = fw.version_at(day)
        name = fw.short_title or fw.title
        if version is None:
            spans = "; ".join(f"{v.valid_from} to {v.valid_until or 'open'}" for v in fw.versions)
            return False, f"{name} does not apply on {day} (it applies {spans})"
        if version.status != "in-force":
            return False, f"{name} is a {version.status} on {day}, not law in force"
        if prov.valid_from and day < prov.valid_from:
            return False, f"{prov.pinpoint} applies only from {prov.valid_from}"
        if prov.valid_until and day > prov.valid_until:
            return False, f"{prov.pinpoint} applied only until {prov.valid_until}"
        until = f" until {version.valid_until}" if version.valid_until else ""
        return True, f"{name} applies on {day} (version '{version.id}', from {version.valid_from}{until})"

    def locate(self, path: Path_) -> SourceLocation | None:
        return self.locator(path)

    def settle(self) -> None:
        """Keep only where each top-level record was written, let the parsed input go, share fields sets.

        References are resolved, so later stages only ask where a measure, safeguard, aim… was defined.
        The locator of a YAML assessment holds the whole parsed document (every value with its line
        marks): several times the size of the file, and the largest thing in memory for a big one.
        """
        table: dict[Path_, SourceLocation | None] = {}
        for name in type(self.assessment).model_fields:
            value = getattr(self.assessment, name)
            table[(name,)] = self.locator((name,))
            if isinstance(value, list):
                for i in range(len(value)):
                    table[(name, i)] = self.locator((name, i))

        def compact(path: Path_) -> SourceLocation | None:
            for n in range(min(len(path), 2), 0, -1):  # the deepest known ancestor
                where = table.get(path[:n])
                if where is not None:
                    return where
            return None

        self.locator = compact
        # The model is complete and nothing assigns to it from here on: its records can share their
        # fields sets (fieldsets.py), a third of its memory for a large assessment.
        share_fields_sets(self.assessment)


def resolve(
    assessment: Assessment, library: FrameworkLibrary, locator: Locator, display: str, files: list[Path] | None = None
) -> Resolved:
    """Load the assessment's frameworks and check every reference; raise with all problems at once."""
    problems = ProblemCollector()

    def report(path: Path_, message: str, hint: str = "") -> None:
        where = locator(path) or SourceLocation(display)
        problems.problems.append(Problem(message, SourceLocation(where.path, where.line, where.col,
                                                                 key_path(path)), hint))

    wanted: list[str] = []
    missing: set[str] = set()  # listed but unknown: references into them would only be follow-on errors
    listed_at: dict[str, int] = {}
    for i, use in enumerate(assessment.frameworks):
        if use.id in listed_at:
            report(("frameworks", i),
                   f"framework '{use.id}' is listed twice (first at frameworks[{listed_at[use.id]}])",
                   "remove one of them")
        listed_at.setdefault(use.id, i)
        if use.id not in library:
            guess = did_you_mean(use.id, library.ids())
            missing.add(use.id)
            report(("frameworks", i), f"unknown framework '{use.id}'",
                   (f"{guess}; " if guess else "run 'rightskit frameworks' to list them; ")
                   + "for law rightskit does not ship, declare it inline under instruments: or point "
                   "--frameworks-dir at a folder of framework YAML files (references into it are checked "
                   "once it is found)")
        else:
            wanted.append(use.id)
    wanted.extend(f for f in SUPPORT_FRAMEWORKS if f in library)
    frameworks = library.load(wanted)
    for i, use in enumerate(assessment.frameworks):
        fw = frameworks.get(use.id)
        if fw and use.data_version and use.data_version != fw.data_version:
            report(("frameworks", i), f"framework '{use.id}' is at data version {fw.data_version}, "
                   f"not {use.data_version}", "update the pin or the framework data")

    for i, inst in enumerate(assessment.instruments):
        if inst.id == UNPARSED:
            continue
        if inst.id in frameworks or inst.id in library:
            report(("instruments", i, "id"), f"instrument '{inst.id}' has the id of a shipped framework",
                   "give the inline instrument its own id, e.g. 'national-" + inst.id + "'")
        elif any(other.id == inst.id for other in assessment.instruments[:i]):
            report(("instruments", i, "id"), f"instrument '{inst.id}' is declared twice", "remove one of them")
        else:
            frameworks[inst.id] = inst
    index = index_frameworks(frameworks)
    listed = {u.id for u in assessment.frameworks} | set(SUPPORT_FRAMEWORKS) | {i.id for i in assessment.instruments}
    _index_local(assessment, index, report, locator)

    known: dict[tuple[str, ...], list[str]] = {}

    def check(path: Path_, ref: str, kinds: tuple[str, ...], what: str) -> None:
        if ref == UNPARSED or index.kind_of(ref, kinds):
            return  # an UNPARSED value was reported by validation already
        fid = ref.split("/", 1)[0]
        if "/" in ref and fid in missing:
            return
        if "/" in ref and fid in library and fid not in listed:
            report(path, f"'{ref}' is in framework '{fid}', which the assessment does not list",
                   f"add '{fid}' to frameworks:")
            return
        if problems.full:  # only counted from here on: no hint, so a file with 100,000 bad references stays fast
            report(path, f"unknown {what} '{ref}'")
            return
        ids = known.setdefault(kinds, index.ids(*kinds))
        report(path, f"unknown {what} '{ref}'", did_you_mean(ref, ids) or
               f"known {what}s: {', '.join(ids[:8])}{' …' if len(ids) > 8 else ''}")

    a = assessment
    interfered: dict[str, set[str]] = {}
    for m in a.measures:
        rights = {i.right for i in m.interferes}
        if all(index.kind_of(r, ("right",)) for r in rights):
            # A measure with an unknown right is reported there; its mitigations are not checked against it.
            interfered.setdefault(m.id, rights)
    for mi, m in enumerate(a.measures):
        base: Path_ = ("measures", mi)
        for j, ref in enumerate(m.legal_basis):
            check((*base, "legal_basis", j), ref, ("provision",), "provision")
        for j, aim in enumerate(m.aims):
            check((*base, "aims", j), aim, ("aim",), "aim")
        for j, target in enumerate(m.feeds):
            check((*base, "feeds", j), target, ("measure",), "measure")
            if target == m.id:
                report((*base, "feeds", j), f"measure '{m.id}' feeds itself", "remove the self-reference")
        seen_rights: dict[str, int] = {}
        for j, itf in enumerate(m.interferes):
            check((*base, "interferes", j, "right"), itf.right, ("right",), "right")
            if itf.right in seen_rights:
                report((*base, "interferes", j, "right"),
                       f"measure '{m.id}' interferes with '{itf.right}' twice "
                       f"(first at interferes[{seen_rights[itf.right]}])",
                       "merge the two interferences")
            seen_rights.setdefault(itf.right, j)
    for si, s in enumerate(a.safeguards):
        base = ("safeguards", si)
        if s.type:
            check((*base, "type"), s.type, ("safeguard-type",), "safeguard type")
        if s.source != "voluntary":
            check((*base, "source"), s.source, ("provision",), "provision")
        for j, mit in enumerate(s.mitigates):
            check((*base, "mitigates", j, "measure"), mit.measure, ("measure",), "measure")
            if mit.measure in interfered and mit.right not in interfered[mit.measure] | {UNPARSED}:
                report((*base, "mitigates", j, "right"),
                       f"measure '{mit.measure}' does not interfere with '{mit.right}'",
                       did_you_mean(mit.right, interfered[mit.measure])
                       or f"it interferes with: {', '.join(sorted(interfered[mit.measure])) or 'nothing'}")
    for ai, aim_record in enumerate(a.aims):
        for j, ref in enumerate(aim_record.protects):
            check(("aims", ai, "protects", j), ref, ("right",), "right")
    for ai, alt in enumerate(a.alternatives):
        for j, ref in enumerate(alt.replaces):
            check(("alternatives", ai, "replaces", j), ref, ("measure",), "measure")
        for j, ref in enumerate(alt.aims):
            check(("alternatives", ai, "aims", j), ref, ("aim",), "aim")
        for j, alt_itf in enumerate(alt.interferes):
            check(("alternatives", ai, "interferes", j, "right"), alt_itf.right, ("right",), "right")
    for ri, right in enumerate(a.rights):
        for j, ref in enumerate(right.provisions):
            check(("rights", ri, "provisions", j), ref, ("provision",), "provision")
    for path, cite in walk_citations(a):
        check((*path, "ref"), cite.ref, CITABLE, "citation target")

    problems.raise_if_any("the assessment has unresolved references")
    # Framework records cite other frameworks (the catalogue cites the proposal, say). Index those
    # too, after the checks, so reports can show them, while the assessment's own references stay
    # limited to the frameworks it lists.
    extra = {fid: fw for fid, fw in library.loaded().items() if fid not in frameworks}
    index_frameworks(extra, index)
    return Resolved(assessment, frameworks, index, locator, library, list(files or []))


def _index_local(a: Assessment, index: RefIndex, report: Any, locator: Locator) -> None:
    """Index the assessment's own records, reporting duplicate ids with both places."""
    for section, kind in (("sources", "source"), ("rights", "right"), ("aims", "aim"), ("measures", "measure"),
                          ("safeguards", "safeguard"), ("alternatives", "alternative")):
        first: dict[str, int] = {}
        for i, item in enumerate(getattr(a, section)):
            if item.id == UNPARSED:
                continue
            if item.id in first:
                where = locator((section, first[item.id], "id"))
                report((section, i, "id"), f"duplicate id '{item.id}' (first defined at {where or section})",
                       "give each one its own id")
                continue
            if index.get(kind, item.id) is not None or index.get("framework", item.id) is not None:
                # Framework records are '<framework>/<id>', so a local id can only clash with a framework's
                # own id: a citation 'eu-charter' would then be ambiguous.
                what = f"a framework {kind}" if index.get(kind, item.id) is not None else f"framework '{item.id}'"
                report((section, i, "id"), f"id '{item.id}' clashes with {what}", "rename it")
                continue
            first[item.id] = i
            index.add(kind, item.id, item)
