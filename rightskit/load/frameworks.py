"""Framework discovery and loading: versioned legal data from ``frameworks/``, validated and checked.

Each framework lives in one YAML file named after its id (``frameworks/<group>/<id>.yaml``), so a
command loads only the frameworks it needs.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from ..errors import FrameworkError, InputError, Problem, ProblemCollector, SourceLocation, did_you_mean
from ..model import Framework
from ..model.ref_index import CITABLE, RefIndex, index_frameworks, walk_citations
from .validate import key_path, validate
from .yamlsource import LocDict, load_yaml, locate

#: Frameworks the engine consults for every assessment, whether listed or not.
SUPPORT_FRAMEWORKS = ("art-52-1", "case-law", "safeguards")


def packaged_frameworks_dir() -> Path:
    """The frameworks shipped with rightskit: inside the wheel, or the repository's folder."""
    here = Path(__file__).resolve().parent.parent
    wheel = here / "_frameworks"
    if wheel.is_dir():
        return wheel
    return here.parent / "frameworks"


class FrameworkLibrary:
    """The frameworks found on a search path, loaded lazily by id; no global state."""

    def __init__(self, dirs: Iterable[Path] | None = None) -> None:
        self.dirs = [Path(d) for d in (dirs if dirs is not None else [packaged_frameworks_dir()])]
        self._files: dict[str, Path] = {}
        self._loaded: dict[str, Framework] = {}
        self._raw: dict[str, LocDict] = {}
        self._checked: set[str] = set()
        for directory in self.dirs:
            for path in sorted(directory.rglob("*.yaml")):
                # The first directory on the path wins, so a user folder can override shipped data.
                self._files.setdefault(path.stem, path)

    def ids(self) -> list[str]:
        """Every framework id available, sorted."""
        return sorted(self._files)

    def path(self, fid: str) -> Path:
        """The file that holds framework ``fid``."""
        return self._files[fid]

    def __contains__(self, fid: object) -> bool:
        return fid in self._files

    def get(self, fid: str) -> Framework:
        """Load, validate and cache framework ``fid``."""
        if fid not in self._loaded:
            file = self._files[fid]
            shown = _shown(file)
            raw = load_yaml(file, shown)
            try:
                framework = validate(Framework, raw, partial(locate, raw), shown, f"framework '{fid}'")
            except InputError as exc:
                raise FrameworkError(exc.message, exc.problems, total=exc.total) from None
            if framework.id != fid:
                raise FrameworkError(
                    "framework id mismatch",
                    [_problem(raw, ("id",), f"id '{framework.id}' differs from the file name '{fid}'",
                              "rename the file or fix the id")],
                )
            problems = ProblemCollector()
            check_framework(framework, raw, problems)
            problems.raise_if_any(f"invalid framework '{fid}'", FrameworkError)
            self._loaded[fid] = framework
            self._raw[fid] = raw
        return self._loaded[fid]

    def loaded(self) -> dict[str, Framework]:
        """Every framework loaded so far, including those loaded only to check references."""
        return dict(sorted(self._loaded.items()))

    def raw(self, fid: str) -> LocDict:
        """The located raw data of a loaded framework (for error locations)."""
        self.get(fid)
        return self._raw[fid]

    def load(self, ids: Iterable[str]) -> dict[str, Framework]:
        """Load several frameworks and check their references; report every problem at once.

        Frameworks cite each other (the catalogue cites case law and regulations), so the ones they
        refer to are loaded too, to check those references, but only the requested ones are returned.
        """
        out: dict[str, Framework] = {}
        problems = ProblemCollector()
        for fid in sorted(set(ids)):
            try:
                out[fid] = self.get(fid)
            except InputError as exc:
                problems.problems.extend(exc.problems)
        problems.raise_if_any("invalid frameworks", FrameworkError)
        if not all(fid in self._checked for fid in out):
            index = index_frameworks(self._referenced_closure(out, problems))
            for fid in sorted(out):
                if fid not in self._checked:
                    check_framework_references(out[fid], self._raw[fid], index, problems)
            problems.raise_if_any("unresolved references in frameworks", FrameworkError)
            self._checked.update(out)
        return out

    def _referenced_closure(self, start: dict[str, Framework], problems: ProblemCollector) -> dict[str, Framework]:
        """``start`` plus every framework its references name, transitively."""
        seen = dict(start)
        queue = list(start.values())
        while queue:
            fw = queue.pop()
            refs = [c.ref for _, c in walk_citations(fw)]
            refs += [p for r in fw.rights for p in r.provisions]
            refs += [t for c in fw.cases for crit in c.criteria for t in crit.requires]
            for fid in sorted({r.split("/", 1)[0] for r in refs}):
                if fid in seen or fid not in self._files:
                    continue
                try:
                    seen[fid] = self.get(fid)
                except InputError as exc:
                    problems.problems.extend(exc.problems)
                    continue
                queue.append(seen[fid])
        return seen


def _shown(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover
        return os.fspath(path)
    return rel if not rel.startswith("../../..") else os.fspath(path)


def _problem(raw: LocDict, path: tuple[int | str, ...], message: str, hint: str = "") -> Problem:
    where = locate(raw, path) or raw.location()
    return Problem(message, SourceLocation(where.path, where.line, where.col, key_path(path)), hint)


def check_framework(fw: Framework, raw: LocDict, problems: ProblemCollector) -> None:
    """Checks the schema cannot express: version order, unique ids, case identifiers."""
    previous: dt.date | None = None
    for i, version in enumerate(fw.versions):
        if version.valid_until is not None and version.valid_until < version.valid_from:
            problems.problems.append(_problem(
                raw, ("versions", i, "valid_until"),
                f"version '{version.id}' ends ({version.valid_until}) before it starts ({version.valid_from})",
                "swap or correct the dates",
            ))
        if previous is not None and version.valid_from <= previous:
            problems.problems.append(_problem(
                raw, ("versions", i, "valid_from"),
                f"version '{version.id}' starts on {version.valid_from}, overlapping the previous version "
                f"(which runs until {previous})",
                "versions must be in date order and must not overlap; model a change as a new version",
            ))
        previous = version.valid_until or dt.date.max
    for section in ("provisions", "rights", "cases", "safeguard_types", "steps", "sources", "versions"):
        first: dict[str, int] = {}
        for i, item in enumerate(getattr(fw, section)):
            if item.id in first:
                where = locate(raw, (section, first[item.id]))
                problems.problems.append(_problem(
                    raw, (section, i, "id"),
                    f"duplicate id '{item.id}' in {section} (first defined at {where})",
                    "give each record its own id",
                ))
            else:
                first[item.id] = i
    for i, case in enumerate(fw.cases):
        if not case.ecli and not case.application_numbers:
            problems.problems.append(_problem(
                raw, ("cases", i), f"case '{case.id}' has no identifier",
                "add 'ecli:' (CJEU) or 'application_numbers:' (ECtHR)",
            ))
        seen: set[str] = set()
        for j, crit in enumerate(case.criteria):
            if crit.id in seen:
                problems.problems.append(_problem(raw, ("cases", i, "criteria", j, "id"),
                                                  f"duplicate criterion id '{crit.id}'"))
            seen.add(crit.id)


def check_framework_references(fw: Framework, raw: LocDict, index: RefIndex, problems: ProblemCollector) -> None:
    """Report every reference inside ``fw`` that ``index`` cannot resolve, located in its YAML file.

    Rights must point at provisions, criteria at catalogue safeguard types, and every citation
    (established_by, essence_cite, required_by, a step's cite …) at something citable.
    """
    def check(path: tuple[int | str, ...], ref: str, kinds: tuple[str, ...], what: str) -> None:
        if index.kind_of(ref, kinds) is None:
            hint = did_you_mean(ref, index.ids(*kinds))
            problems.problems.append(_problem(raw, path, f"unknown {what} '{ref}'", hint))

    for ri, right in enumerate(fw.rights):
        for j, ref in enumerate(right.provisions):
            check(("rights", ri, "provisions", j), ref, ("provision",), "provision")
    for ci, case in enumerate(fw.cases):
        for k, crit in enumerate(case.criteria):
            for j, ref in enumerate(crit.requires):
                check(("cases", ci, "criteria", k, "requires", j), ref, ("safeguard-type",), "safeguard type")
    for path, cite in walk_citations(fw):
        check((*path, "ref"), cite.ref, CITABLE, "reference")
