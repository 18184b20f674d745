"""The report as a typed document: sections of paragraphs, lists and tables, with numbered notes.

The opinion builder (opinion.py) writes every word of the main text (and, for DOCX, the annexes) into
this model once; the DOCX, Typst, HTML and Markdown writers only lay it out. Each block and run carries a
``kind`` so the JSON form (read by the Typst template) can tell them apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Text:
    """A run of text, optionally bold or italic."""

    text: str
    bold: bool = False
    italic: bool = False
    kind: str = field(default="text", init=False)


@dataclass(frozen=True, slots=True)
class Note:
    """A numbered note (a footnote in DOCX and PDF, an endnote in HTML and Markdown)."""

    number: int
    text: str
    kind: str = field(default="note", init=False)


#: What a paragraph is made of.
Run = Text | Note


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph; ``style`` is 'body', 'lead' (a conclusion in bold type) or 'small'."""

    runs: Sequence[Run]
    style: str = "body"
    kind: str = field(default="para", init=False)


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bulleted list; each item is a list of runs."""

    items: Sequence[Sequence[Run]]
    kind: str = field(default="bullets", init=False)


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row; each cell is a list of runs; ``widths`` are relative column widths."""

    header: list[str]
    rows: Sequence[Sequence[Sequence[Run]]]
    widths: list[float]
    caption: str | None = None
    kind: str = field(default="table", init=False)


@dataclass(frozen=True, slots=True)
class Image:
    """A diagram of the report (a view key into ReportContext.diagrams), with its caption."""

    view: str
    caption: str
    kind: str = field(default="image", init=False)


#: What a section is made of.
Block = Para | Bullets | Table | Image


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered section: its blocks, then its sub-sections."""

    id: str
    title: str
    blocks: list[Block]
    children: list[Section] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Document:
    """The opinion: a title block, the main text and its notes (the annexes: opinion.build_annexes)."""

    title: str
    subtitle: str
    meta: list[tuple[str, str]]
    main: list[Section]
    notes: list[Note]


def sentence(text: str) -> str:
    """``text`` stripped, with a full stop unless it already ends a sentence."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def plain(runs: Sequence[Run]) -> str:
    """The runs as plain text, notes as bracketed numbers."""
    return "".join(r.text if isinstance(r, Text) else f"[{r.number}]" for r in runs)


def walk(sections: list[Section]) -> list[tuple[int, Section]]:
    """Every section with its depth (1 for the top level), in reading order."""
    out: list[tuple[int, Section]] = []

    def visit(items: list[Section], depth: int) -> None:
        for s in items:
            out.append((depth, s))
            visit(s.children, depth + 1)

    visit(sections, 1)
    return out


def numbered(sections: list[Section], annex: bool = False) -> list[tuple[int, str, Section]]:
    """Every section with its depth and number: '3.2' in the main text, 'A.1' in the annexes."""
    out: list[tuple[int, str, Section]] = []

    def visit(items: list[Section], depth: int, prefix: str) -> None:
        for i, s in enumerate(items, 1):
            own = chr(ord("A") + i - 1) if annex and depth == 1 and i <= 26 else str(i)
            number = f"{prefix}.{own}" if prefix else own
            out.append((depth, number, s))
            visit(s.children, depth + 1, number)

    visit(sections, 1, "")
    return out
