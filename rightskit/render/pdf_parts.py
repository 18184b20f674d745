"""A large summary PDF, typeset in parts, each in a process of its own, and merged into one PDF.

Typst keeps the layout of the whole document in memory, about 2 MB a page, and does not give it back
between compilations in one process. The summary PDF of 10,000 measures runs to some 3,500 pages
(a row per measure in the summary table, the amendments, the notes and the steps at a glance) and
took 6.8 GB. Above :data:`PARTS_ABOVE` measures the document is cut into parts of about
:data:`PART_ROWS` rows each, in document order; each part is the same template with the same data,
less what other parts hold (``data.part`` in ``report.typ`` says what it holds). Nothing is left out.

Each part is typeset by ``python -m rightskit.render.pdf_parts typeset`` and the parts are merged by
``… merge`` (pypdf), so no process holds more than one part. Page numbers run through the document:
the parts after the first are typeset once to count their pages, the first part lists their headings
in its contents, and they are typeset again with their page numbers. The merged PDF keeps every
part's bookmarks and links, the first part's metadata, and an identifier made from its content, so
it is byte-reproducible like the whole document. It is not tagged: a tag tree cannot be merged.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RenderError

#: Above this many measures the summary PDF is typeset in parts (500 measures in one piece: some
#: 180 pages and 450 MB of Typst memory on the reference machine; 1,000: 790 MB; 10,000: 6.8 GB).
PARTS_ABOVE = 500

#: About this many rows (table rows, list items, glance rows; a note counts half) go into one part:
#: some 150 pages, under 500 MB of Typst memory.
PART_ROWS = 1_500

#: Peak memory (MB) of the processes of the last :func:`render_parts` in this process, for the benchmarks:
#: ``typeset`` the largest part's, ``merge`` the merge's. (A forked child's own rusage would count the
#: parent's memory at the fork, so each process reads its own high-water mark after exec.)
LAST_RUN: dict[str, float] = {}

#: What only the annexes after the main text read; the other parts get them empty.
_BACK_ONLY = ("rights", "bibliography", "required_types", "bib_groups", "method")


@dataclass
class _Part:
    """One part: the flags ``data.part`` carries, and the units of the document it holds."""

    units: list[tuple[Any, ...]] = field(default_factory=list)
    heading_before: list[int] = field(default_factory=list)
    annexes_before: int = 0
    diagrams_before: int = 0
    rows: float = 0.0


def _fields(record: Any) -> dict[str, Any]:
    """A record of the report as a dict: itself, or a dataclass's fields (not copied: see :func:`_json`)."""
    if isinstance(record, dict):
        return record
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


def _json(value: Any) -> dict[str, Any]:
    """``json.dumps``' default: a dataclass as its fields, like ``dataclasses.asdict``, one level at a time.

    The parts' data keeps the report context's records instead of a deep copy of them (at 10,000
    measures a copy of the main text cost the Python process some 100 MB)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields(value)
    raise TypeError(f"{type(value).__name__} is not JSON data")


def _units(data: dict[str, Any]) -> list[tuple[tuple[Any, ...], float]]:
    """The document as a list of (unit, weight) in order; the parts are runs of it."""
    out: list[tuple[tuple[Any, ...], float]] = [(("front",), 20.0)]
    opinion = _fields(data.get("opinion") or {"main": [], "notes": []})

    def walk(section: dict[str, Any], path: tuple[int, ...]) -> None:
        out.append((("heading", path), 2.0))
        for bi, block in enumerate(map(_fields, section["blocks"])):
            rows = block.get("rows") if block["kind"] == "table" else block.get("items") \
                if block["kind"] == "bullets" else None
            if rows:
                out.extend((("rows", path, bi, i), 1.0) for i in range(len(rows)))
            else:
                out.append((("block", path, bi), 3.0))
        for ci, child in enumerate(section["children"]):
            walk(_fields(child), (*path, ci))

    for si, section in enumerate(opinion["main"]):
        walk(_fields(section), (si,))
    if opinion["notes"]:
        out.append((("notes_heading",), 2.0))
        out.extend((("note", i), 0.5) for i in range(len(opinion["notes"])))
    out.append((("glance_heading",), 5.0))
    out.extend((("glance", mid), 1.0) for mid in data["measure_ids"])
    out.append((("glance_legend",), 1.0))
    out.append((("back",), 0.0))
    return out


def plan(data: dict[str, Any], rows: int | None = None) -> list[_Part]:
    """The parts: runs of units of about ``rows`` (:data:`PART_ROWS`) rows; the annexes and the back matter
    after them start a part."""
    rows = rows or PART_ROWS
    parts = [_Part()]
    heading: list[int] = []
    annexes = diagrams = 0
    sections = _fields(data.get("opinion") or {"main": []})["main"]
    for unit, weight in _units(data):
        kind = unit[0]
        current = parts[-1]
        breaks = current.units and (current.rows + weight > rows or kind in ("glance_heading", "back"))
        if breaks:
            parts.append(_Part(heading_before=list(heading), annexes_before=annexes, diagrams_before=diagrams))
            current = parts[-1]
        current.units.append(unit)
        current.rows += weight
        if kind == "heading":
            heading = [i + 1 for i in unit[1]]
        elif kind == "glance_heading":
            annexes += 1
        elif kind == "block" and _block(sections, unit[1], unit[2])["kind"] == "image" \
                and _block(sections, unit[1], unit[2])["view"] in data["diagrams"]:
            diagrams += 1  # numbered "Diagram n" like the diagrams after it, in the back matter
    return parts


def _section(sections: list[dict[str, Any]], path: tuple[int, ...]) -> dict[str, Any]:
    node = _fields(sections[path[0]])
    for i in path[1:]:
        node = _fields(node["children"][i])
    return node


def _block(sections: list[Any], path: tuple[int, ...], index: int) -> dict[str, Any]:
    return _fields(_section(sections, path)["blocks"][index])


def part_data(data: dict[str, Any], part: _Part, count: int) -> dict[str, Any]:
    """The data of one part: the shared records, and of the long lists only what the part holds."""
    opinion = None if data.get("opinion") is None else _fields(data["opinion"])
    main: list[dict[str, Any]] = []
    made: dict[tuple[int, ...], dict[str, Any]] = {}
    notes: list[Any] = []
    glance: list[str] = []
    kinds = {u[0] for u in part.units}

    def node(path: tuple[int, ...]) -> dict[str, Any]:
        if path not in made:
            assert opinion is not None
            original = _section(opinion["main"], path)
            made[path] = {**original, "blocks": [], "children": [], "continued": True}
            (node(path[:-1])["children"] if len(path) > 1 else main).append(made[path])
        return made[path]

    for unit in part.units:
        kind = unit[0]
        if kind == "heading":
            node(unit[1])["continued"] = False
        elif kind in ("block", "rows"):
            assert opinion is not None
            path, bi = unit[1], unit[2]
            target = node(path)
            original = _block(opinion["main"], path, bi)
            key = "rows" if original["kind"] == "table" else "items"
            if kind == "block":
                target["blocks"].append(original)
                continue
            if not target["blocks"] or target["blocks"][-1].get("_from") != (path, bi):
                target["blocks"].append({**original, key: [], "_from": (path, bi)})
                if key == "rows":
                    target["blocks"][-1]["caption"] = None
            target["blocks"][-1][key].append(original[key][unit[3]])
        elif kind == "note":
            assert opinion is not None
            notes.append(opinion["notes"][unit[1]])
        elif kind == "glance":
            glance.append(unit[1])
    # A table's caption goes with its last rows (Typst sets a caption below its table).
    for section in made.values():
        for block in section["blocks"]:
            source = block.pop("_from", None)
            if source is not None and block["kind"] == "table":
                original = _block(opinion["main"], *source)  # type: ignore[index]
                if original["rows"] and block["rows"][-1] is original["rows"][-1]:
                    block["caption"] = original.get("caption")
    out = {k: v for k, v in data.items() if k not in ("opinion", "measures", *_BACK_ONLY)}
    if "back" in kinds:
        out.update({k: data[k] for k in _BACK_ONLY})
    else:
        out.update({k: type(data[k])() for k in _BACK_ONLY})
    out["measures"] = {mid: data["measures"][mid] for mid in glance}
    if opinion is not None:
        out["opinion"] = {**opinion, "main": main, "notes": notes}
    out["part"] = {
        "front": "front" in kinds, "notes_heading": "notes_heading" in kinds,
        "glance_heading": "glance_heading" in kinds, "glance_legend": "glance_legend" in kinds,
        "back": "back" in kinds, "glance_ids": glance, "heading_before": part.heading_before,
        "annexes_before": part.annexes_before, "diagrams_before": part.diagrams_before, "count": count,
        "page_offset": 0, "pages_after": 0, "later_headings": [],
    }
    return out


def write_figures(root: Path, files: dict[str, str]) -> None:
    """Each figure's SVG under ``root`` at its file name (folders made), where the template reads it."""
    for name, svg in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(svg, encoding="utf-8")


def render_parts(data: dict[str, Any], template: Path, diagrams: dict[str, str], epoch: int | None) -> bytes:
    """Typeset ``data`` (the summary PDF's) in parts, one process each, and merge them; return the PDF."""
    parts = plan(data)
    LAST_RUN.clear()
    LAST_RUN.update(parts=len(parts), typeset_mb=0.0, merge_mb=0.0)
    with tempfile.TemporaryDirectory(prefix="rightskit-pdf-parts-") as tmp:
        root = Path(tmp)
        (root / "report.typ").write_bytes(template.read_bytes())
        write_figures(root, diagrams)
        # Each part's data is made when it is typeset and dropped after: held for every part at once,
        # the parts' copies of the lists they cut would all be alive at the peak.
        def typeset(i: int, page_offset: int, pages_after: int, **flags: Any) -> tuple[int, list[dict[str, Any]]]:
            one = part_data(data, parts[i], len(parts))
            one["part"].update(flags)
            return _typeset(root, i, one, page_offset, pages_after, epoch)

        counts: list[int] = [0] * len(parts)
        later: list[dict[str, Any]] = []
        # Pass 1: the parts after the first, to count their pages and read their headings.
        offset = 0
        for i in range(1, len(parts)):
            counts[i], headings = typeset(i, 1, 0)
            later.extend({**h, "page": offset + h["page"]} for h in headings if h["level"] <= 2)
            offset += counts[i]
        for _attempt in range(3):
            counts[0], _ = typeset(0, 0, sum(counts[1:]), later_headings=later)
            changed = False
            for i in range(1, len(parts)):
                pages, _ = typeset(i, sum(counts[:i]), sum(counts[i + 1:]))
                changed |= pages != counts[i]
                counts[i] = pages
            if not changed:
                break
        return _merge(root, [root / f"part-{i:03d}.pdf" for i in range(len(parts))])


def _run(args: list[str]) -> str:
    """Run this module in a fresh Python process; its stdout, or a RenderError with what it said."""
    done = subprocess.run([sys.executable, "-m", __name__, *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONHASHSEED": "0"}, check=False)
    if done.returncode != 0:
        raise RenderError(f"typesetting the PDF failed in the PDF template: {done.stderr.strip()}")
    return done.stdout


def _typeset(root: Path, index: int, data: dict[str, Any], page_offset: int, pages_after: int,
             epoch: int | None) -> tuple[int, list[dict[str, Any]]]:
    """Typeset one part into ``part-NNN.pdf``; its page count and its bookmarks (level, title, page)."""
    data["part"].update(page_offset=page_offset, pages_after=pages_after)
    name = f"part-{index:03d}.json"
    (root / name).write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, default=_json), encoding="utf-8")
    reply = json.loads(_run(["typeset", str(root), name, f"part-{index:03d}.pdf",
                             "" if epoch is None else str(epoch)]))
    LAST_RUN["typeset_mb"] = max(LAST_RUN.get("typeset_mb", 0.0), reply["peak_mb"])
    return reply["pages"], reply["headings"]


def _merge(root: Path, files: list[Path]) -> bytes:
    out = root / "report.pdf"
    LAST_RUN["merge_mb"] = json.loads(_run(["merge", str(out), *map(str, files)]))["peak_mb"]
    return out.read_bytes()


# -- In the child process ------------------------------------------------------------------------


def _typeset_main(root: str, data_name: str, out_name: str, epoch_text: str) -> None:
    import io

    import pypdf
    import typst

    epoch = int(epoch_text) if epoch_text else None
    try:
        pdf = typst.compile(str(Path(root) / "report.typ"), root=root, format="pdf", pdf_tags=False,
                            sys_inputs={"dated": "1" if epoch is not None else "0", "data": data_name},
                            timestamp=epoch)
    except typst.TypstError as exc:
        sys.stderr.write(f"{getattr(exc, 'message', exc)}\n{getattr(exc, 'diagnostic', '') or ''}")
        raise SystemExit(1) from None
    assert isinstance(pdf, bytes)
    (Path(root) / out_name).write_bytes(pdf)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    headings: list[dict[str, Any]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                headings.append({"level": level, "title": item.title,
                                 "page": (reader.get_destination_page_number(item) or 0) + 1})

    walk(reader.outline, 1)
    sys.stdout.write(json.dumps({"pages": len(reader.pages), "headings": headings, "peak_mb": _peak_mb()}))


def _merge_main(out: str, files: list[str]) -> None:
    import pypdf
    from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, NameObject

    writer = pypdf.PdfWriter()
    digest = hashlib.sha256()
    for file in files:
        digest.update(Path(file).read_bytes())
        writer.append(file, import_outline=True)
    first = pypdf.PdfReader(files[0])
    if first.metadata is not None:
        writer.add_metadata(dict(first.metadata))
    catalog = first.trailer["/Root"].get_object()
    assert isinstance(catalog, DictionaryObject)
    for key in ("/Lang", "/PageMode"):
        if key in catalog:
            writer._root_object[NameObject(key)] = copy.copy(catalog[key])
    # pypdf writes no file identifier; one made from the parts keeps the PDF byte-reproducible.
    ident = ByteStringObject(digest.digest()[:16])
    writer._ID = ArrayObject([ident, ident])
    with open(out, "wb") as f:
        writer.write(f)
    sys.stdout.write(json.dumps({"peak_mb": _peak_mb()}))


def _peak_mb() -> float:
    """This process's peak resident memory, in MB: VmHWM on Linux, ru_maxrss elsewhere (macOS has no /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # pragma: no cover - macOS; VmHWM is preferred where it exists, as exec resets it
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024)  # bytes on macOS
    return 0.0  # pragma: no cover - a Linux /proc without VmHWM


def main(argv: list[str]) -> None:
    """``typeset ROOT DATA OUT EPOCH`` or ``merge OUT PART…``, as :func:`render_parts` runs them."""
    if argv[0] == "typeset":
        _typeset_main(*argv[1:5])
    elif argv[0] == "merge":
        _merge_main(argv[1], argv[2:])
    else:  # pragma: no cover - only render_parts runs this module
        raise SystemExit(f"unknown command {argv[0]!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
