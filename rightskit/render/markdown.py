"""GitHub-flavoured Markdown from the report context: ``templates/report.md.j2``, with every piece of user text escaped.

The template holds the words and the layout; this module holds what a template cannot do safely,
the escaping. User text never becomes markup: Markdown punctuation is backslash-escaped, '<', '>' and '&'
become entities, newlines inside table cells become spaces, and bare URLs are defused, so links,
images, HTML and math written in an assessment stay inert text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..translation import format_date, gettext, ngettext
from .document import Note, Run, numbered
from .phrasebook import phrases

if TYPE_CHECKING:
    import jinja2

    from . import template_context as r

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


@functools.lru_cache(maxsize=1 << 16)
def _safe_anchor(anchor: str) -> str:
    """Anchors are built from validated ids; filter anyway so nothing else can reach the markup."""
    return _ANCHOR_UNSAFE.sub("", anchor)


def code(text: str) -> str:
    """Inline code for ids and paths; anything unusual falls back to escaped text (no escapes work in code)."""
    return f"`{text}`" if _SAFE_CODE.match(text) else esc(text)


@functools.lru_cache(maxsize=1 << 16)  # the same record is linked from many places (136,000 links at 1,000 measures)
def link(label: str, anchor: str) -> str:
    """A link to an anchor of this document."""
    return f"[{esc(label)}](#{_safe_anchor(anchor)})"


def ext_link(label: str, url: str) -> str:
    """A link out of the document (URLs come from validated framework data)."""
    return f"[{esc(label)}](<{url}>)"


def badge(b: r.Badge) -> str:
    """A verdict, status or severity: its symbol and its label."""
    return f"{b.symbol} {esc(b.label)}"


def cite(c: r.Cite) -> str:
    """A citation as a link to its bibliography entry, with its pinpoint; † marks an unverified source."""
    text = c.label + (f", {c.pinpoint}" if c.pinpoint else "")
    return link(text, c.anchor) + (" †" if c.verified is False else "")


def cites(list_: Iterable[r.Cite]) -> str:
    """Citations, separated by semicolons."""
    return "; ".join(cite(c) for c in list_)


def anchor(name: str) -> str:
    """An HTML anchor that links inside the document land on."""
    return f'<a id="{_safe_anchor(name)}"></a>'


def link_to(records: Mapping[str, Any], key: str) -> str:
    """A link to a record (measure, right, safeguard, aim or alternative) by id; its id if it is not in the report."""
    rec = records.get(key)
    return link(rec.title, rec.anchor) if rec else esc(key)


def links_to(records: Mapping[str, Any], keys: Iterable[str]) -> str:
    """Links to records by id, separated by semicolons."""
    return "; ".join(link_to(records, k) for k in keys)


def runs(rs: Sequence[Run]) -> str:
    """The opinion's inline text: bold, italic and footnote references (``[^n]``) over escaped text."""
    out = []
    for x in rs:
        if isinstance(x, Note):
            out.append(f"[^{x.number}]")
        elif x.bold and x.text.strip():
            out.append(f"**{esc(x.text.strip())}**" + (" " if x.text.endswith(" ") else ""))
        elif x.italic and x.text.strip():
            out.append(f"*{esc(x.text.strip())}*")
        else:
            # esc() folds whitespace, ends included: keep the space that joins this run to its neighbours.
            text = esc(x.text)
            if x.text[:1].isspace() and not (out and out[-1].endswith(" ")):
                text = " " + text
            out.append(text + (" " if text.strip() and x.text[-1:].isspace() else ""))
    return "".join(out)


@functools.cache
def environment() -> jinja2.Environment:
    """The Markdown template's environment: no autoescape (``esc`` escapes for Markdown), strict undefined."""
    import jinja2

    from .html import TEMPLATES_DIR

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)), autoescape=False,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True, auto_reload=False, extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    # The same words as jinja2's new-style gettext (``%`` formatting with the keyword arguments, so ``%%``
    # reads ``%``), without its context-passing wrapper: a large report calls it 73,000 times.
    env.globals["_"] = env.globals["gettext"] = _template_gettext
    env.filters.update(local_date=format_date, esc=esc, code=code, safe_anchor=_safe_anchor, runs=runs,
                       rstrip=str.rstrip, cell=lambda text: text or " ")  # an empty table cell would end the row early
    env.globals.update(link=link, ext_link=ext_link, badge=badge, cite=cite, cites=cites, anchor=anchor,
                       link_to=link_to, links_to=links_to, numbered=numbered, words=phrases)
    return env


def _template_gettext(message: str, **variables: Any) -> str:
    """``_()`` in the Markdown template: ``message`` in the active language, formatted as jinja2's i18n does."""
    return gettext(message) % variables


def render_markdown(ctx: r.ReportContext) -> str:
    """The report as GitHub-flavoured Markdown."""
    return "".join(markdown_chunks(ctx))


def markdown_chunks(ctx: r.ReportContext) -> Iterator[str]:
    """The report as pieces of Markdown, for a streamed write: every run of blank lines cut to one, one final newline.

    Trailing newlines of a piece are held back, so a run that spans two pieces is cut as one.
    """
    from .html import template_errors

    held = ""
    batch: list[str] = []
    size = 0
    with template_errors(None):
        pieces = environment().get_template(MAIN_TEMPLATE).generate(ctx=ctx)
        for piece in pieces:
            batch.append(piece)
            size += len(piece)
            if size < _BATCH:
                continue
            text = held + "".join(batch)
            batch, size = [], 0
            body = text.rstrip("\n")
            held = text[len(body):]
            if body:
                yield _one_blank_line(body)
    text = (held + "".join(batch)).rstrip("\n")
    yield _one_blank_line(text) + "\n"


def _one_blank_line(text: str) -> str:
    """Every run of blank lines cut to one.

    str.replace until none is left, not a regex: a regex scan of ``\n{3,}`` took half the Markdown time
    of a large report (0.7 s of 34 MB at 1,000 measures); a replace pass is a fast C scan, and a run of
    k newlines needs about log(k) of them.
    """
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


MAIN_TEMPLATE = "report.md.j2"
_BATCH = 1 << 18  # characters per streamed piece
