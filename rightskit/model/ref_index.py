"""The index of everything a reference can name (provision, right, case, criterion, …) and the walk over citations.

It reads model objects only, so the loader (which checks references) and the render stage (which
links citations) share it without either importing the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .citation import Citation
from .framework import Framework

Path_ = tuple[int | str, ...]


@dataclass
class RefIndex:
    """Every id an assessment can refer to, by kind: provision, right, case, criterion, …"""

    kinds: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, kind: str, ref: str, obj: Any) -> None:
        self.kinds.setdefault(kind, {})[ref] = obj

    def get(self, kind: str, ref: str) -> Any | None:
        return self.kinds.get(kind, {}).get(ref)

    def ids(self, *kinds: str) -> list[str]:
        return sorted({r for k in kinds for r in self.kinds.get(k, {})})

    def kind_of(self, ref: str, kinds: tuple[str, ...]) -> str | None:
        for kind in kinds:
            if ref in self.kinds.get(kind, {}):
                return kind
        return None


CITABLE = ("source", "provision", "case", "criterion", "right", "framework", "safeguard-type", "step")


def index_frameworks(frameworks: dict[str, Framework], index: RefIndex | None = None) -> RefIndex:
    """Index every record of the given frameworks under ``<framework>/<id>``."""
    index = index or RefIndex()
    for fid, fw in sorted(frameworks.items()):
        index.add("framework", fid, fw)
        for p in fw.provisions:
            index.add("provision", f"{fid}/{p.id}", p)
        for r in fw.rights:
            index.add("right", f"{fid}/{r.id}", r)
        for c in fw.cases:
            index.add("case", f"{fid}/{c.id}", c)
            for crit in c.criteria:
                index.add("criterion", f"{fid}/{c.id}/{crit.id}", crit)
        for t in fw.safeguard_types:
            index.add("safeguard-type", f"{fid}/{t.id}", t)
        for s in fw.steps:
            index.add("step", f"{fid}/{s.id}", s)
        for src in fw.sources:
            index.add("source", f"{fid}/{src.id}", src)
    return index


def walk_citations(obj: BaseModel, path: Path_ = ()) -> Iterator[tuple[Path_, Citation]]:
    """Every Citation inside a model, with its path (by alias), depth first in field order."""
    for name, alias in _fields(type(obj)):
        value = obj.__dict__.get(name)
        if isinstance(value, BaseModel):
            if isinstance(value, Citation):
                yield (*path, alias), value
            else:
                yield from walk_citations(value, (*path, alias))
        elif isinstance(value, list) and value:
            for i, item in enumerate(value):
                if isinstance(item, Citation):
                    yield (*path, alias, i), item
                elif isinstance(item, BaseModel):
                    yield from walk_citations(item, (*path, alias, i))


_FIELDS: dict[type[BaseModel], tuple[tuple[str, str], ...]] = {}


def _fields(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(name, alias or name) of each field of ``cls``, worked out once per class."""
    made = _FIELDS.get(cls)
    if made is None:
        made = _FIELDS[cls] = tuple((name, f.alias or name) for name, f in cls.__pydantic_fields__.items())
    return made
