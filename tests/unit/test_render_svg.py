"""Sanitising diagram SVG before it is inlined in the HTML report."""

from __future__ import annotations

import pytest

from rightskit.errors import RenderError
from rightskit.render.svg import aspect_ratio, sanitize_svg

SVG = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg width="200pt" height="100pt" viewBox="0.00 0.00 200.00 100.00" xmlns="http://www.w3.org/2000/svg"
     xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">
<script>alert(2)</script>
<style>body { display: none }</style>
<defs><linearGradient id="g1"><stop offset="0"/></linearGradient></defs>
<g id="node1" class="node" onclick="alert(3)">
<a xlink:href="#measure-scan" xlink:title="&lt;script&gt;"><text>Scan &lt;b&gt;</text></a>
<a xlink:href="javascript:alert(4)"><text>bad</text></a>
<a href="https://evil.example/"><text>ext</text></a>
<rect fill="url(#g1)" style="fill: url(#g1)"/>
<use xlink:href="#node1"/>
<image xlink:href="https://evil.example/x.png"/>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
</g>
</svg>"""


def test_sanitize_removes_active_content_and_keeps_anchor_links() -> None:
    out = sanitize_svg(SVG, "d-overview")
    for bad in ("<script", "alert(", "<style", "onload", "onclick", "javascript:", "evil.example",
                "foreignObject", "<image", "DOCTYPE"):
        assert bad not in out, bad
    assert 'href="#measure-scan"' in out  # links to report sections stay as they are
    assert 'id="d-overview-node1"' in out and 'id="d-overview-g1"' in out
    assert "url(#d-overview-g1)" in out
    assert 'xlink:href="#d-overview-node1"' in out  # internal references follow the new ids
    assert "&lt;b&gt;" in out  # text stays text
    assert 'width="200pt"' not in out and 'viewBox="0.00 0.00 200.00 100.00"' in out


def test_sanitize_refuses_entities_and_non_svg() -> None:
    with pytest.raises(RenderError):
        sanitize_svg('<!DOCTYPE svg [<!ENTITY a "x">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "p")
    with pytest.raises(RenderError):
        sanitize_svg("<html><body/></html>", "p")
    with pytest.raises(RenderError):
        sanitize_svg("<svg", "p")


def test_aspect_ratio() -> None:
    assert aspect_ratio('<svg viewBox="0 0 200 100"/>') == 0.5
    assert aspect_ratio("<svg/>") == 1.0
