"""Sanitising SVG for inline use in the HTML report.

Diagrams come from our own diagram module, but their labels are user text, so the SVG is treated
as untrusted: scripts, event handlers, foreign objects, style sheets and every link that is not a
'#…' anchor are removed. Ids inside the SVG get a prefix so several diagrams on one page never
clash with each other or with the report's anchors.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..errors import RenderError

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_DROP = {"script", "foreignObject", "style", "iframe", "object", "embed", "audio", "video", "image",
         "animate", "set", "animateMotion", "animateTransform", "handler", "listener"}
_HREF = {"href", f"{{{XLINK_NS}}}href"}
_URL_REF = re.compile(r"url\(\s*#([^)\s]+)\s*\)")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def aspect_ratio(svg: str) -> float:
    """Height / width of an SVG from its viewBox (1.0 when unknown)."""
    m = re.search(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"', svg)
    if not m:
        return 1.0
    width, height = float(m.group(1)), float(m.group(2))
    return round(height / width, 4) if width > 0 else 1.0


def sanitize_svg(data: bytes | str, id_prefix: str) -> str:
    """Clean SVG markup for inline embedding; raises RenderError when it is not SVG."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    # Drop the XML declaration and DOCTYPE: no entity expansion, no external DTD.
    text = re.sub(r"<\?xml[^>]*\?>", "", text)
    if re.search(r"<!DOCTYPE[^>]*\[", text) or "<!ENTITY" in text:
        raise RenderError("diagram SVG declares entities; refusing to embed it")
    text = re.sub(r"<!DOCTYPE[^>]*>", "", text)
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise RenderError(f"diagram SVG is not well-formed XML: {exc}") from None
    if _local(root.tag) != "svg":
        raise RenderError("diagram is not an SVG document")

    ids = {el.get("id") for el in root.iter() if el.get("id")}

    def clean(parent: ET.Element) -> None:
        for child in list(parent):
            if not isinstance(child.tag, str) or _local(child.tag) in _DROP:
                parent.remove(child)
                continue
            clean(child)
        for name in list(parent.attrib):
            local = _local(name).lower()
            value = parent.attrib[name]
            if local.startswith("on"):
                del parent.attrib[name]
            elif name in _HREF or local == "href":
                if not value.startswith("#"):
                    del parent.attrib[name]
                elif _local(parent.tag) != "a" and value[1:] in ids:
                    # Links (<a>) point at the report's sections; <use> and friends at the SVG's own ids.
                    parent.attrib[name] = f"#{id_prefix}-{value[1:]}"
            elif local == "id":
                parent.attrib[name] = f"{id_prefix}-{value}"
            elif "url(" in value:
                parent.attrib[name] = _URL_REF.sub(
                    lambda m: f"url(#{id_prefix}-{m.group(1)})" if m.group(1) in ids else "none", value)
            elif "javascript:" in value.lower():
                del parent.attrib[name]

    clean(root)
    # Scale with the page: keep the viewBox, let CSS set the size.
    for dim in ("width", "height"):
        root.attrib.pop(dim, None)
    root.set("role", "img")
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="unicode")
