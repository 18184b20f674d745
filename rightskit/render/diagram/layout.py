"""Running Graphviz: one ``dot`` call per picture, through the graphviz library's pipe.

The DOT source is built by the library, so ``fmt='dot'`` returns it as is (no process started).
Other formats run ``dot`` once: it reads only the DOT it is given on standard input, and the
diagrams never use ``image``, ``shapefile``, ``fontpath`` or external URLs, so rendering opens
no file and no network connection. Graphviz 2.42/2.43 writes the same bytes for the same input
(its SVG comments name the version, which is stable for one installation); PDF gets a fixed
creation date so it is reproducible too.
"""

from __future__ import annotations

import re
import shutil

import graphviz

from ...errors import RenderError, UsageError

FORMATS = ("svg", "png", "pdf", "dot")
_PDF_DATE = re.compile(rb"(/CreationDate \(D:)[0-9]{14}")


def render(g: graphviz.Digraph, fmt: str) -> bytes:
    """The picture ``g`` as ``fmt`` (svg, png, pdf or dot)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown diagram format '{fmt}': use one of {', '.join(FORMATS)}")
    if fmt == "dot":
        return str(g.source).encode("utf-8")
    if shutil.which("dot") is None:
        raise RenderError("Graphviz is not installed: 'dot' was not found. Install it (e.g. 'apt-get install "
                          "graphviz' or 'brew install graphviz'), or run 'make system-deps'.")
    try:
        data = bytes(g.pipe(format=fmt, engine="dot", quiet=True))
    except graphviz.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip()[:500]
        raise RenderError(f"Graphviz failed to draw '{g.name}': {detail or exc}") from None
    if fmt == "pdf":
        data = _stable_pdf(data)
    return data


def _stable_pdf(data: bytes) -> bytes:
    """Replace cairo's creation time with a fixed one of the same length, so offsets stay valid."""
    return _PDF_DATE.sub(rb"\g<1>20000101000000", data)
