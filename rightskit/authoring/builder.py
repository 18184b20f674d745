"""The Python authoring API: build an assessment in code that reads like the domain.

Example::

    from rightskit import Assessment

    a = Assessment("Interim Regulation (EU) 2021/1232", as_of="2022-06-01",
                   frameworks=["eu-charter", "eprivacy", "gdpr", "reg-2021-1232"])
    scan = a.measure("detect-known", "Hash matching of known material", kind="detection", automated=True)
    scan.interferes("eu-charter/art-7", severity="serious",
                    rationale="Scans the content of private messages")
    a.safeguard("deletion", "Immediate deletion", source="reg-2021-1232/art-3-1-h").mitigates(
        scan, "eu-charter/art-8", strength="moderate")
    assessment = a

The builder records where each call was made, so every later error points at the author's line.
Each :class:`Assessment` is independent: there is no global registry.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from ..errors import SourceLocation
from ..model import Assessment as AssessmentModel

Path_ = tuple[int | str, ...]


def _caller(depth: int = 2) -> SourceLocation:
    """Where the author called us: the outermost frame in the caller's file.

    Authors often wrap builder calls in a helper function of their own; the line that calls the
    helper says more than the line inside it.
    """
    frame = sys._getframe(depth)
    file = frame.f_code.co_filename
    best = frame
    outer = frame.f_back
    while outer is not None:
        if outer.f_code.co_filename == file:
            best = outer
        outer = outer.f_back
    return SourceLocation(file, best.f_lineno, 1)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:120].strip("-") or "assessment"


def _ref(value: Any) -> Any:
    """Accept a builder where an id is expected."""
    if isinstance(value, _Record):
        return value.id
    if isinstance(value, list | tuple):
        return [_ref(v) for v in value]
    return value


def _cites(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str | dict | _Record):
        value = [value]
    return [_ref(v) for v in value]


class _Record:
    """A record under construction: its data and where it was written."""

    def __init__(self, owner: Assessment, section: str, data: dict[str, Any], where: SourceLocation) -> None:
        self._owner = owner
        self._section = section
        self.data = data
        self._index = len(owner._sections[section])
        owner._sections[section].append(self)
        owner._marks[(section, self._index)] = where

    @property
    def id(self) -> str:
        return str(self.data.get("id", ""))

    def _path(self, *rest: int | str) -> Path_:
        return (self._section, self._index, *rest)

    def _append(self, key: str, value: Any, where: SourceLocation) -> None:
        items = self.data.setdefault(key, [])
        self._owner._marks[self._path(key, len(items))] = where
        items.append(value)


class MeasureBuilder(_Record):
    """A measure being built; chain :meth:`interferes` and :meth:`feeds`."""

    def interferes(
        self, right: str, *, severity: str, rationale: str, cite: Any = None, reaches_essence: bool = False,
        scope: str | None = None, extent: str | None = None, intensity: str | None = None,
        essence: dict[str, Any] | None = None,
    ) -> MeasureBuilder:
        """Record that this measure limits ``right`` (an `Interference`) with the given severity and reasons.

        ``severity`` is none, minor, moderate, serious or very-serious (docs/scales.md); ``rationale``
        says why. ``scope``, ``extent`` and ``intensity`` (low, medium, high) are the EDPS factors.
        ``essence`` is the author's decision on the essence, ``{"reached": bool, "reasons": str}``.
        Returns the measure, so calls chain::

            scan.interferes("eu-charter/art-7", severity="serious", rationale="Every message is read.")
        """
        item: dict[str, Any] = {"right": right, "severity": severity, "rationale": rationale,
                                "reaches_essence": reaches_essence, "cite": _cites(cite)}
        for key, value in (("scope", scope), ("extent", extent), ("intensity", intensity), ("essence", essence)):
            if value is not None:
                item[key] = value
        self._append("interferes", item, _caller())
        return self

    def feeds(self, *measures: Any) -> MeasureBuilder:
        """Record that this measure's output flows into ``measures`` (e.g. detection → reporting).

        A measure downstream inherits the interferences of the data it receives (docs/engine.md)::

            scan.feeds(report)
        """
        where = _caller()
        for m in measures:
            self._append("feeds", _ref(m), where)
        return self

    def legality_issue(self, quality: str, description: str, *, serious: bool = False,
                       cite: Any = None) -> MeasureBuilder:
        """Record a defect in the legal basis (a `LegalityIssue`, e.g. a vague threshold).

        ``quality`` is accessible, clear, precise or foreseeable; ``serious=True`` makes the basis
        unforeseeable as a whole, which fails legality.
        """
        self._append("legality_issues", {"quality": quality, "description": description, "serious": serious,
                                         "cite": _cites(cite)}, _caller())
        return self


class SafeguardBuilder(_Record):
    """A safeguard being built; chain :meth:`mitigates`."""

    def mitigates(self, measure: Any, right: str, *, strength: str, rationale: str | None = None,
                  cite: Any = None) -> SafeguardBuilder:
        """Record that this safeguard reduces ``measure``'s interference with ``right`` (a `Mitigation`).

        ``strength`` is weak, moderate or strong (levels of severity it removes, docs/scales.md);
        ``measure`` is an id or the builder ``measure()`` returned::

            review.mitigates(scan, "eu-charter/art-7", strength="moderate", rationale="Staff confirm each hit.")
        """
        item: dict[str, Any] = {"measure": _ref(measure), "right": right, "strength": strength,
                                "cite": _cites(cite)}
        if rationale is not None:
            item["rationale"] = rationale
        self._append("mitigates", item, _caller())
        return self


class Assessment:
    """Builds a :class:`rightskit.model.Assessment`; call :meth:`build` (or let the loader do it).

    The keywords of the constructor are the top-level fields of the YAML (``id`` defaults to a slug
    of the title); each method below adds one record to a section and returns its builder.
    """

    def __init__(self, title: str, *, as_of: str, frameworks: list[str], id: str | None = None,
                 authors: list[str] | None = None, summary: str | None = None,
                 settings: dict[str, Any] | None = None, mode: str | None = None,
                 methods: list[str] | None = None) -> None:
        self._marks: dict[Path_, SourceLocation] = {(): _caller()}
        self._sections: dict[str, list[_Record]] = {
            k: [] for k in ("sources", "rights", "instruments", "aims", "measures", "safeguards", "alternatives")
        }
        self._head: dict[str, Any] = {"id": id or _slug(title), "title": title, "as_of": as_of,
                                      "frameworks": list(frameworks), "authors": list(authors or [])}
        if summary is not None:
            self._head["summary"] = summary
        if settings is not None:
            self._head["settings"] = settings
        if mode is not None:
            self._head["mode"] = mode
        if methods is not None:
            self._head["methods"] = list(methods)

    def _record(self, cls: type[_Record], section: str, data: dict[str, Any]) -> Any:
        clean = {k: _ref(v) if k not in ("cite",) else _cites(v) for k, v in data.items() if v is not None}
        return cls(self, section, clean, _caller(3))

    def source(self, id: str, title: str, *, kind: str, **fields: Any) -> Any:
        """A document this assessment cites (a `Source`: act, judgment, report, press release …).

        Cite it by id from any ``cite=``, or from the ``cite`` of an estimate::

            a.source("edps-opinion", "EDPS Opinion 7/2020", kind="opinion", url="https://edps.europa.eu/")
        """
        return self._record(_Record, "sources", {"id": id, "title": title, "kind": kind, **fields})

    def right(self, id: str, title: str, *, provisions: list[str], **fields: Any) -> Any:
        """A right or statutory protection not defined by the frameworks (a `Right`), cited by its id."""
        return self._record(_Record, "rights", {"id": id, "title": title, "provisions": provisions, **fields})

    def instrument(self, id: str, title: str, *, url: str, versions: list[dict[str, Any]],
                   provisions: list[dict[str, Any]], **fields: Any) -> Any:
        """Outside law declared inline (an `Instrument`: national, third-country law, internal policy).

        Its provisions are cited as ``'<id>/<provision>'``, in ``legal_basis`` or ``source=``.
        """
        return self._record(_Record, "instruments", {"id": id, "title": title, "url": url, "versions": versions,
                                                     "provisions": provisions, **fields})

    def aim(self, id: str, title: str, *, kind: str, **fields: Any) -> Any:
        """A legitimate objective pursued by measures (an `Aim`).

        ``kind`` is general-interest or rights-of-others; ``protects`` the rights it serves,
        ``importance`` its weight in the balance (default high)::

            aim = a.aim("protect-children", "Protect children", kind="rights-of-others",
                        protects=["eu-charter/art-24"], cite=["eu-charter/art-24"])
        """
        return self._record(_Record, "aims", {"id": id, "title": title, "kind": kind, **fields})

    def measure(self, id: str, title: str, *, kind: str, **fields: Any) -> MeasureBuilder:
        """A measure that interferes with rights (a `Measure`); returns a :class:`MeasureBuilder`.

        Every other field of a measure is a keyword: ``legal_basis``, ``aims``, ``automated``,
        ``scope``, ``affected`` (who and how many), ``effectiveness`` (evidence), ``detection``
        (the figures of the base-rate arithmetic), ``max_duration_months`` …::

            scan = a.measure("scan", "Hash matching", kind="detection", automated=True, aims=[aim],
                             legal_basis=["reg-2026-1881/act"])
        """
        result: MeasureBuilder = self._record(MeasureBuilder, "measures",
                                              {"id": id, "title": title, "kind": kind, **fields})
        return result

    def safeguard(self, id: str, title: str, **fields: Any) -> SafeguardBuilder:
        """A safeguard (a `Safeguard`); returns a :class:`SafeguardBuilder`.

        ``source`` is the binding provision that imposes it (default 'voluntary'); ``type`` the
        catalogue type it meets, e.g. 'safeguards/human-review'::

            a.safeguard("review", "Human review", type="safeguards/human-review",
                        source="reg-2026-1881/act").mitigates(scan, "eu-charter/art-7", strength="moderate")
        """
        result: SafeguardBuilder = self._record(SafeguardBuilder, "safeguards", {"id": id, "title": title, **fields})
        return result

    def alternative(self, id: str, title: str, **fields: Any) -> Any:
        """A less intrusive alternative for some aims (an `Alternative`), weighed in the necessity step.

        ``replaces`` the measures it could replace, ``aims`` the aims it serves, ``effectiveness``
        how well it serves them, ``interferes`` a list of ``{"right": …, "severity": …}``.
        """
        return self._record(_Record, "alternatives", {"id": id, "title": title, **fields})

    # -- output -------------------------------------------------------------------------------

    def as_data(self) -> dict[str, Any]:
        """The plain data the YAML format would hold."""
        data = dict(self._head)
        for section, records in self._sections.items():
            if records:
                data[section] = [r.data for r in records]
        return data

    def locate(self, path: Path_) -> SourceLocation | None:
        """The author's line for a path in the data: the longest recorded prefix."""
        for n in range(len(path), -1, -1):
            where = self._marks.get(path[:n])
            if where is not None:
                return where
        return None

    def build(self) -> AssessmentModel:
        """Validate and return the model; errors point at the author's lines."""
        from ..load.validate import validate

        return validate(AssessmentModel, self.as_data(), self.locate, self._marks[()].path, "assessment",
                        keep_parts=True)
