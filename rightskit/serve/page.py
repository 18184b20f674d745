"""The viewer page: static HTML, one inline script of ours (allowed by its hash), one style block.

The page holds no assessment data: it fetches the status, the views, the node details and the SVG
from the server and shows text with ``textContent`` only, so nothing a user wrote can become
markup or script in the page.
"""

from __future__ import annotations

import base64
import hashlib

STYLE = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1a1a1a;
  display:grid;grid-template-rows:auto auto 1fr;height:100vh}
header{grid-row:1;display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:center;padding:.5rem 1rem;
  border-bottom:1px solid #ccc;
  background:#fafafa}
header h1{font-size:1rem;margin:0 1rem 0 0;flex:1 1 100%;white-space:nowrap;overflow:hidden;
  text-overflow:ellipsis}
header label{font-size:.85rem}
header select,header button{font:inherit;font-size:.85rem;max-width:22rem}
fieldset{border:0;margin:0;padding:0;display:flex;gap:.5rem;align-items:center;font-size:.85rem}
#errors{grid-row:2;display:none;margin:0;padding:.5rem 1rem;background:#FBE8DC;border-bottom:2px solid #D55E00;
  font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap}
#errors.show{display:block}
main{grid-row:3;display:grid;grid-template-columns:1fr 360px;min-height:0}
#stage{position:relative;overflow:hidden;cursor:grab;background:#fff;touch-action:none}
#stage.dragging{cursor:grabbing}
#canvas{transform-origin:0 0;position:absolute;left:0;top:0}
#canvas svg{display:block}
#canvas g.node{cursor:pointer}
#canvas g.node.dim{opacity:.15}
#canvas g.node.selected polygon,#canvas g.node.selected ellipse,#canvas g.node.selected path{stroke-width:5px}
aside{border-left:1px solid #ccc;overflow:auto;padding:.75rem 1rem;background:#fcfcfc}
aside h2{font-size:1.05rem;margin:.2rem 0}
aside h3{font-size:.9rem;margin:.8rem 0 .2rem}
aside dl{margin:.4rem 0}
aside dt{font-weight:600;font-size:.8rem;color:#4d4d4d}
aside dd{margin:0 0 .4rem 0}
aside ul{margin:.2rem 0;padding-left:1.1rem}
.muted{color:#666}
.kind{color:#4d4d4d;font-size:.85rem;margin:0}
"""

SCRIPT = r"""
(function () {
  "use strict";
  var XLINK = "http://www.w3.org/1999/xlink";
  var state = {version: -1, view: "overview", views: [], details: {}, anchors: {}, scale: 1, tx: 0, ty: 0};
  var $ = function (id) { return document.getElementById(id); };
  var stage = $("stage"), canvas = $("canvas"), panel = $("panel");

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function getJSON(url) {
    return fetch(url, {cache: "no-store"}).then(function (r) {
      if (!r.ok) { throw new Error(url + " answered " + r.status); }
      return r.json();
    });
  }
  function showErrors(errors) {
    var box = $("errors");
    box.textContent = errors && errors.length ? errors.join("\n") : "";
    box.classList.toggle("show", !!(errors && errors.length));
  }
  function apply() {
    canvas.style.transform = "translate(" + state.tx + "px," + state.ty + "px) scale(" + state.scale + ")";
  }
  function fit() {
    var svg = canvas.querySelector("svg");
    if (!svg) { return; }
    var w = svg.width.baseVal.value || 1, h = svg.height.baseVal.value || 1;
    var s = Math.min(stage.clientWidth / w, stage.clientHeight / h, 1.5);
    state.scale = s > 0 ? s : 1; state.tx = 0; state.ty = 0; apply();
  }
  function zoom(factor, x, y) {
    state.tx = x - (x - state.tx) * factor; state.ty = y - (y - state.ty) * factor;
    state.scale *= factor; apply();
  }

  function fillSelect(id, prefix, label) {
    var sel = $(id), current = state.view;
    sel.replaceChildren(el("option", label));
    sel.firstChild.value = "";
    state.views.filter(function (v) { return v.indexOf(prefix) === 0; }).forEach(function (v) {
      var d = state.details[v.replace(":", "/")];
      var o = el("option", d ? d.title + " (" + v.slice(prefix.length) + ")" : v.slice(prefix.length));
      o.value = v; sel.appendChild(o);
    });
    sel.value = current.indexOf(prefix) === 0 ? current : "";
  }
  function fillControls() {
    fillSelect("measure", "measure:", "all measures");
    fillSelect("right", "right:", "all rights");
    $("view").value = (state.view === "chain") ? "chain" : "overview";
    $("chain-option").disabled = state.views.indexOf("chain") < 0;
  }

  function applyFilters() {
    var off = [];
    document.querySelectorAll("input[name=status]").forEach(function (c) { if (!c.checked) { off.push(c.value); } });
    canvas.querySelectorAll("g.node").forEach(function (g) {
      var classes = (g.getAttribute("class") || "").split(/\s+/);
      g.classList.toggle("dim", classes.some(function (c) { return off.indexOf(c) >= 0; }));
    });
  }

  function loadDiagram(keepPosition) {
    var view = state.view;
    return fetch("/diagram/" + view + ".svg", {cache: "no-store"}).then(function (r) {
      if (!r.ok) { throw new Error("the view " + view + " answered " + r.status); }
      return r.text();
    }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "image/svg+xml");
      var svg = doc.documentElement;
      if (!svg || svg.nodeName.toLowerCase() !== "svg") { throw new Error("the view " + view + " is not SVG"); }
      canvas.replaceChildren(document.importNode(svg, true));
      document.body.setAttribute("data-view", view);
      applyFilters();
      if (!keepPosition) { fit(); }
    });
  }
  function setView(view) {
    if (!view) { view = "overview"; }
    state.view = view; fillControls();
    loadDiagram(false).catch(function (e) { showErrors([e.message]); });
  }

  function showDetails(name) {
    var d = state.details[name];
    panel.replaceChildren();
    if (!d) {
      panel.appendChild(el("h2", name));
      panel.appendChild(el("p", "A group of records: open one of them from the lists above.", "muted"));
      return;
    }
    panel.appendChild(el("h2", d.title));
    panel.appendChild(el("p", d.kind + (d.status ? " · " + d.status.replace(/-/g, " ") : ""), "kind"));
    var dl = el("dl");
    d.facts.forEach(function (f) { dl.appendChild(el("dt", f[0])); dl.appendChild(el("dd", f[1])); });
    panel.appendChild(dl);
    d.lists.forEach(function (l) {
      panel.appendChild(el("h3", l[0]));
      var ul = el("ul");
      l[1].forEach(function (item) { ul.appendChild(el("li", item)); });
      panel.appendChild(ul);
    });
    if (d.kind === "measure" || d.kind === "right") {
      var b = el("button", "Show the " + d.kind + "'s diagram");
      b.type = "button";
      b.addEventListener("click", function () { setView(d.kind + ":" + d.id); });
      panel.appendChild(b);
    }
    if (d.anchor) {
      var a = el("a", "Open its section in the report");
      a.href = "/report#" + d.anchor; a.target = "_blank"; a.rel = "noopener noreferrer";
      panel.appendChild(el("p")).appendChild(a);
    }
    document.body.setAttribute("data-selected", name);
  }

  var drag = null;
  stage.addEventListener("pointerdown", function (ev) {
    drag = {x: ev.clientX, y: ev.clientY, tx: state.tx, ty: state.ty, moved: false};
  });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) { return; }
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 4) { drag.moved = true; stage.classList.add("dragging"); }
    if (drag.moved) { state.tx = drag.tx + dx; state.ty = drag.ty + dy; apply(); }
  });
  window.addEventListener("pointerup", function () {
    stage.classList.remove("dragging");
    if (drag && drag.moved) { drag.suppress = true; setTimeout(function () { drag = null; }, 0); } else { drag = null; }
  });
  stage.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = stage.getBoundingClientRect();
    zoom(ev.deltaY < 0 ? 1.15 : 1 / 1.15, ev.clientX - r.left, ev.clientY - r.top);
  }, {passive: false});
  canvas.addEventListener("click", function (ev) {
    var g = ev.target.closest ? ev.target.closest("g.node") : null;
    var link = ev.target.closest ? ev.target.closest("a") : null;
    if (link) { ev.preventDefault(); }  // links point into the report; here a click shows details
    if (!g || (drag && drag.suppress)) { return; }
    ev.preventDefault();
    canvas.querySelectorAll("g.node.selected").forEach(function (n) { n.classList.remove("selected"); });
    g.classList.add("selected");
    var href = link ? (link.getAttribute("href") || link.getAttributeNS(XLINK, "href") || "") : "";
    var fromLink = href.charAt(0) === "#" ? state.anchors[href.slice(1)] : null;
    var t = g.querySelector("title");
    if (fromLink) { showDetails(fromLink); } else if (t) { showDetails(t.textContent); }
  });
  $("zoom-in").addEventListener("click", function () { zoom(1.25, stage.clientWidth / 2, stage.clientHeight / 2); });
  $("zoom-out").addEventListener("click", function () { zoom(0.8, stage.clientWidth / 2, stage.clientHeight / 2); });
  $("zoom-fit").addEventListener("click", fit);
  $("view").addEventListener("change", function (ev) { setView(ev.target.value); });
  $("measure").addEventListener("change", function (ev) { setView(ev.target.value || "overview"); });
  $("right").addEventListener("change", function (ev) { setView(ev.target.value || "overview"); });
  document.querySelectorAll("input[name=status]").forEach(function (c) { c.addEventListener("change", applyFilters); });

  function poll() {
    getJSON("/api/version").then(function (s) {
      if (s.version === state.version) { return null; }
      showErrors(s.errors);
      $("title").textContent = s.title ? s.title + " · as of " + s.as_of : "rightskit viewer";
      if (!s.views.length) { state.version = s.version; return null; }
      return getJSON("/api/details").then(function (details) {
        state.details = details; state.views = s.views; state.anchors = {};
        Object.keys(details).forEach(function (name) {
          if (details[name].anchor) { state.anchors[details[name].anchor] = name; }
        });
        if (state.views.indexOf(state.view) < 0) { state.view = "overview"; }
        fillControls();
        return loadDiagram(state.version >= 0);
      }).then(function () {
        state.version = s.version;
        document.body.setAttribute("data-version", String(s.version));
        var selected = document.body.getAttribute("data-selected");
        if (selected && state.details[selected]) { showDetails(selected); }
      });
    }).catch(function (e) {
      showErrors(["The viewer cannot reach its server: " + e.message]);
    }).then(function () { setTimeout(poll, 600); });
  }
  poll();
})();
"""


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


SCRIPT_HASH = _sha256(SCRIPT)

#: The page's policy: nothing from elsewhere, our one inline script by its hash, inline styles
#: (the SVG's own attributes and our style block), requests only to this server.
PAGE_CSP = ("default-src 'none'; script-src 'self' '" + SCRIPT_HASH + "'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
#: The report and the diagrams run no script at all.
STATIC_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; "
              "form-action 'none'; frame-ancestors 'none'")

STATUSES = (("proportionate", "✓ proportionate"), ("proportionate-with-conditions", "! with conditions"),
            ("disproportionate", "✗ disproportionate"), ("essence-violated", "⊘ essence violated"),
            ("undetermined", "? undetermined"))


def page() -> bytes:
    """The viewer page (identical for every assessment)."""
    boxes = "".join(f'<label><input type="checkbox" name="status" value="{value}" checked> {text}</label>'
                    for value, text in STATUSES)
    html = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>rightskit viewer</title>
<style>{STYLE}</style>
</head>
<body data-version="-1">
<header>
  <h1 id="title">rightskit viewer</h1>
  <label>View <select id="view"><option value="overview">overview</option>
    <option value="chain" id="chain-option">measure chain</option></select></label>
  <label>Measure <select id="measure"></select></label>
  <label>Right <select id="right"></select></label>
  <fieldset><legend class="muted">Show verdicts:</legend>{boxes}</fieldset>
  <span><button type="button" id="zoom-in" title="Zoom in">+</button><button type="button" id="zoom-out"
    title="Zoom out">−</button><button type="button" id="zoom-fit" title="Fit to window">fit</button></span>
  <a href="/report" target="_blank" rel="noopener noreferrer">Full report</a>
</header>
<pre id="errors" role="alert"></pre>
<main>
  <div id="stage"><div id="canvas"></div></div>
  <aside id="panel"><p class="muted">Click a node to see its details. Drag to pan, scroll to zoom.</p></aside>
</main>
<script>{SCRIPT}</script>
</body>
</html>
"""
    return html.encode("utf-8")
