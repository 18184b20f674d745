"""User text made safe for Graphviz: HTML-like labels, tooltips, node names and link anchors.

Graphviz reads user text in three different ways, and each needs its own escaping (checked
against ``dot`` 2.43 by ``tests/unit/test_diagram_safety.py``):

* **HTML-like labels** (``label=<…>``) are XML, parsed by expat: ``& < > "`` become entities,
  control characters are dropped (expat rejects them), and a newline becomes ``<br/>``. Graphviz
  then applies its escString substitutions (``\\N`` → node name, ``\\G`` → graph name) to the
  decoded text and turns ``\\\\`` into ``\\``, so every backslash is doubled.
* **Tooltips** (plain quoted strings) go through two backslash passes in Graphviz (tooltip
  preprocessing, then escString substitution), so a backslash is written four times. Quotes,
  ``&``, ``<`` and ``>`` become entities, which Graphviz copies into the SVG attribute as they
  are, so the browser shows the user's characters, never markup.
* **Node names** and **URLs** never hold free text: names are ``<type>/<id>`` from the model
  (anything outside a safe set is %-encoded) and URLs are ``#<anchor>`` built here from ids.

Labels are truncated with an ellipsis; the full text goes into the tooltip (itself capped, so
an assessment with 20,000-character rationales cannot make a diagram huge).
"""

from __future__ import annotations

import re
from typing import cast

import graphviz

#: Longest tooltip, in characters; longer text ends with an ellipsis.
TOOLTIP_MAX = 600
ELLIPSIS = "…"

# C0/C1 controls (but tab and newline), lone surrogates and the XML non-characters: expat
# rejects them in HTML-like labels, and nobody means them in a title.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9_./-]+")
_ANCHOR_UNSAFE = re.compile(r"[^a-z0-9._-]+")


def clean(text: object) -> str:
    """Text without control characters, with runs of spaces collapsed and ends stripped."""
    value = _UNSAFE_CHARS.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in value.split("\n")).strip()


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)].rstrip()
    space = cut.rfind(" ")
    if space >= limit * 0.6:
        cut = cut[:space].rstrip(" ,;:-")
    return cut + ELLIPSIS


def wrap(text: str, width: int = 26, lines: int = 3) -> list[str]:
    """``text`` on up to ``lines`` lines of about ``width`` characters; the last one ellipsised.

    Words longer than a line are broken, so a name without spaces cannot make a node huge.
    """
    words: list[str] = []
    for word in clean(text).split():
        while len(word) > width:
            words.append(word[:width])
            word = word[width:]
        if word:
            words.append(word)
    out: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= width:
            line = candidate
        else:
            out.append(line)
            line = word
    if line or not out:
        out.append(line)
    if len(out) > lines:
        out = [*out[: lines - 1], out[lines - 1][: width - 1].rstrip() + ELLIPSIS]
    return out


def html(text: object) -> str:
    """Text for the inside of an HTML-like label: entities, doubled backslashes, ``<br/>``.

    Never empty: Graphviz rejects an empty ``<b></b>`` or ``<font></font>``, so nothing becomes a
    no-break space.
    """
    value = clean(text)
    value = (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
             .replace('"', "&quot;").replace("\\", "\\\\"))
    return value.replace("\n", "<br/>") or "&#160;"


def html_lines(text: object, width: int = 26, lines: int = 3) -> str:
    """Wrapped, truncated, escaped text for an HTML-like label; never empty (Graphviz rejects ``<b></b>``)."""
    return "<br/>".join(html(line) for line in wrap(str(text), width, lines)) or "&#160;"


def tooltip(*parts: object) -> str:
    """A tooltip from non-empty parts (one per line), capped and escaped for a quoted attribute."""
    value = "\n".join(clean(p) for p in parts if p is not None and clean(p))
    value = truncate(value, TOOLTIP_MAX)
    value = (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
             .replace('"', "&quot;").replace("\\", "\\\\\\\\"))
    # nohtml: never read as an HTML-like label, even if it were to start with '<' and end with '>'.
    return cast(str, graphviz.nohtml(value.replace("\n", "&#10;")))


def safe_name(raw: str) -> str:
    """``raw`` with every character outside ``[A-Za-z0-9_./-]`` %-encoded: injective and inert.

    No ':' survives: the graphviz library reads ``a:b`` in an edge as node ``a``, port ``b``.
    """
    return _NAME_UNSAFE.sub(_percent_encode, raw)


def _percent_encode(match: re.Match[str]) -> str:
    return "".join(f"%{b:02X}" for b in match.group().encode("utf-8", "replace"))


def cell_tooltip(*parts: object) -> str:
    """A tooltip for a cell of an HTML-like label (``<td title="…">``).

    Expat decodes the entities first, and Graphviz then reads backslashes once (not twice as in a
    node's tooltip), so a backslash is doubled here, not quadrupled.
    """
    value = truncate("\n".join(clean(p) for p in parts if p is not None and clean(p)), TOOLTIP_MAX)
    value = (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
             .replace('"', "&quot;").replace("\\", "\\\\"))
    return value.replace("\n", "&#10;")


def dot_name(kind: str, ident: str) -> str:
    """The DOT node name of a model record: ``<type>/<id>`` (``measure/scan``, ``right/eu-charter/art-7``).

    Like the graph's ``<type>:<id>`` but with '/', which the graphviz library does not read as a port.
    """
    return safe_name(f"{kind}/{ident}")


def anchor(kind: str, ident: str) -> str:
    """The report's anchor for a record: ``measure-<id>``, ``right-<ref with / as ->``, …

    Only ``[a-z0-9._-]`` survive, so no user text can turn into a working link.
    """
    slug = _ANCHOR_UNSAFE.sub("-", ident.lower().replace("/", "-")).strip("-") or "x"
    return f"{kind}-{slug}"


def url(kind: str, ident: str) -> str:
    """``#<anchor>``: the only kind of URL a diagram ever contains."""
    return "#" + anchor(kind, ident)
