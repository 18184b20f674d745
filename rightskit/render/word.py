"""DOCX: the opinion as a Word document, with real styles, footnotes and a table-of-contents field.

A thin writer over the typed document (document.py): headings use Word's Heading 1-3, tables
Table Grid, captions Caption, lists List Bullet; each note is a real footnote. Word and LibreOffice
fill the table of contents when the document is opened (Update field). Written with python-docx,
plus the footnotes part it does not make itself. With SOURCE_DATE_EPOCH unset the file carries
fixed dates, so two renders are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from .document import Block, Bullets, Image, Note, Para, Run, Section, Table, Text, numbered
from .opinion import build_annexes
from .pdf import source_date_epoch
from .phrasebook import phrases as p

if TYPE_CHECKING:
    from .template_context import ReportContext

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Usable width of an A4 page with 2.2 cm margins, in centimetres.
_TEXT_WIDTH_CM = 16.6
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
#: Word's table-of-contents field: headings 1-2, as hyperlinks, without page numbers in web view.
_TOC_FIELD = ' TOC \\o "1-2" \\h \\z \\u '
#: Text that ``Run.text`` would write as one ``w:t`` (no tab, line feed or carriage return).
_PLAIN = re.compile(r"[^\t\r\n]*")



class _Footnotes:
    """Collects footnotes and writes the part python-docx lacks."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, paragraph: Any, text: str) -> None:
        from docx.oxml import parse_xml

        self.items.append(text)
        number = len(self.items)
        paragraph._p.append(parse_xml(
            f'<w:r xmlns:w="{_W}"><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'))

    def xml(self) -> bytes:
        notes = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
            for i, text in enumerate(self.items, 1))
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{_W}">'
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                f'</w:r></w:p></w:footnote>{notes}</w:footnotes>').encode()

    def attach(self, document: Any) -> None:
        from docx.opc.constants import CONTENT_TYPE as CT
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, self.xml(), document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)


def _styles(document: Any) -> None:
    """Body font, and the footnote styles the default template lacks."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    normal = document.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(11)
    names = {s.name for s in document.styles}
    if "Footnote Text" not in names:
        st = document.styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = normal
        st.font.size = Pt(8.5)
        st.paragraph_format.space_after = Pt(0)
    if "Footnote Reference" not in names:
        ref = document.styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        ref.font.superscript = True


class _Writer:
    def __init__(self, ctx: ReportContext, overview_png: bytes | None) -> None:
        import docx

        self.ctx = ctx
        self.png = overview_png
        self.d = docx.Document()
        self.notes = _Footnotes()
        _styles(self.d)
        from docx.shared import Cm

        for section in self.d.sections:
            section.page_height, section.page_width = Cm(29.7), Cm(21.0)
            section.left_margin = section.right_margin = Cm(2.2)
        # python-docx inserts each new paragraph or table before the body's closing section properties,
        # which it finds by scanning the body from the top, and reads a row's cells through every cell of
        # its table: quadratic, so 10,000 measures took over a quarter of an hour. The writer keeps the end
        # of the body and each table's row, and looks each style's id up once.
        self._end = self.d.element.body.get_or_add_sectPr()
        self._style_ids: dict[tuple[str, Any], str | None] = {}
        self._width = self.d._block_width  # read through every section of the body: once

    def _style_id(self, name: str, kind: Any) -> str | None:
        """The id of the style called ``name`` (None for the default style), looked up once."""
        key = (name, kind)
        if key not in self._style_ids:
            self._style_ids[key] = self.d.part.get_style_id(name, kind)  # type: ignore[no-untyped-call]
        return self._style_ids[key]

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        """A new paragraph at the end of the body (``Document.add_paragraph``, in constant time)."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        element = OxmlElement("w:p")
        self._end.addprevious(element)
        paragraph = Paragraph(element, self.d._body)
        if style is not None:
            element.get_or_add_pPr().style = self._style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        if text:
            paragraph.add_run(text)
        return paragraph

    def heading(self, text: str, level: int) -> None:
        """A heading: Title at level 0, Heading 1-9 below (``Document.add_heading``)."""
        self.paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def page_break(self) -> None:
        """A paragraph holding a page break (``Document.add_page_break``)."""
        from docx.enum.text import WD_BREAK

        self.paragraph().add_run().add_break(WD_BREAK.PAGE)

    def runs(self, paragraph: Any, runs: Sequence[Run], small: bool = False) -> None:
        from docx.shared import Pt

        for run in runs:
            if isinstance(run, Note):
                self.notes.add(paragraph, run.text)
            elif isinstance(run, Text):
                out = paragraph.add_run()
                if _PLAIN.fullmatch(run.text):
                    # What ``Run.text`` writes for text without tabs or line breaks, without its
                    # character-by-character pass (19 million calls at 1,000 measures).
                    if run.text:
                        out._r.add_t(run.text)
                else:
                    out.text = run.text
                out.bold = run.bold or None
                out.italic = run.italic or None
                if small:
                    out.font.size = Pt(8.5)

    def block(self, b: Block) -> None:
        from docx.shared import Cm

        if isinstance(b, Para):
            self.runs(self.paragraph(), b.runs, small=b.style == "small")
        elif isinstance(b, Bullets):
            for item in b.items:
                self.runs(self.paragraph(style="List Bullet"), item)
        elif isinstance(b, Table):
            self.table(b)
        elif isinstance(b, Image) and self.png is not None and b.view == self.ctx.overview:
            self.d.add_picture(io.BytesIO(self.png), width=Cm(_TEXT_WIDTH_CM))
            self.paragraph(b.caption, style="Caption")

    def table(self, t: Table) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import parse_xml
        from docx.oxml.table import CT_Tbl
        from docx.shared import Cm, Pt
        from docx.table import Table as DocxTable
        from docx.table import _Cell

        tbl = CT_Tbl.new_tbl(1, len(t.header), self._width)
        self._end.addprevious(tbl)
        table = DocxTable(tbl, self.d._body)
        tbl.tblStyle_val = self._style_id("Table Grid", WD_STYLE_TYPE.TABLE)
        total = sum(t.widths) or 1.0
        widths = [Cm(_TEXT_WIDTH_CM * w / total) for w in t.widths]
        head = table.rows[0]
        # A header row repeats on every page of a long table.
        head._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{_W}"/>'))
        for cell, text, width in zip(head.cells, t.header, widths, strict=True):
            cell.width = width
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            run.font.size = Pt(9)
        for row in t.rows:
            tr = tbl.add_tr()
            for content, width in zip(row, widths, strict=True):
                tc = tr.add_tc()
                tc.width = width
                cell = _Cell(tc, table)
                self.runs(cell.paragraphs[0], content)
                for run in cell.paragraphs[0].runs:
                    run.font.size = Pt(9)
        if t.caption:
            self.paragraph(t.caption, style="Caption")

    def toc(self) -> None:
        from docx.oxml import parse_xml

        paragraph = self.paragraph()
        for xml in (f'<w:r xmlns:w="{_W}"><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>',
                    f'<w:r xmlns:w="{_W}"><w:instrText xml:space="preserve">{_TOC_FIELD}</w:instrText></w:r>',
                    f'<w:r xmlns:w="{_W}"><w:fldChar w:fldCharType="separate"/></w:r>',
                    f'<w:r xmlns:w="{_W}"><w:t>{escape(p.TOC_PLACEHOLDER)}</w:t></w:r>',
                    f'<w:r xmlns:w="{_W}"><w:fldChar w:fldCharType="end"/></w:r>'):
            paragraph._p.append(parse_xml(xml))

    def sections(self, sections: list[Section], annex: bool) -> None:
        for depth, number, s in numbered(sections, annex=annex):
            title = f"{p.ANNEX} {number} — {s.title}" if annex and depth == 1 else f"{number} {s.title}"
            if annex and depth == 1:
                self.page_break()
            self.heading(title, min(depth, 3))
            for b in s.blocks:
                self.block(b)

    def write(self) -> bytes:
        doc = self.ctx.opinion
        assert doc is not None
        self.heading(doc.title, 0)
        self.paragraph(doc.subtitle, style="Subtitle")
        meta = Table([p.ABOUT_HEADER[0], p.ABOUT_HEADER[1]], [[[Text(k)], [Text(v)]] for k, v in doc.meta], [4, 8])
        self.table(meta)
        self.heading(p.CONTENTS, 1)
        self.toc()
        self.page_break()
        self.sections(doc.main, annex=False)
        self.sections(build_annexes(self.ctx), annex=True)
        self.notes.attach(self.d)
        cp = self.d.core_properties
        cp.title, cp.author, cp.last_modified_by = doc.title[:250], "rightskit", "rightskit"
        epoch = source_date_epoch()
        if epoch is not None:
            cp.created = cp.modified = dt.datetime.fromtimestamp(epoch, tz=dt.UTC).replace(tzinfo=None)
        buf = io.BytesIO()
        self.d.save(buf)
        return _fixed_dates(buf.getvalue(), epoch)


def _fixed_dates(data: bytes, epoch: int | None) -> bytes:
    """The same archive with every member dated alike, so the output is reproducible."""
    stamp = (dt.datetime.fromtimestamp(epoch, tz=dt.UTC).timetuple()[:6] if epoch is not None
             and epoch >= 315532800 else _FIXED_DATE)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def render_docx(ctx: ReportContext, overview_png: bytes | None = None) -> bytes:
    """The opinion of ``ctx`` as DOCX bytes; ``overview_png`` is the overview diagram, if drawn."""
    return _Writer(ctx, overview_png).write()


__all__ = ["render_docx"]
