"""HTML fragments for the records a report repeats thousands of times: badges, citations and links.

A large report shows the same few badges and the same citations over and over; rendering each
through a Jinja macro cost a macro call and half a dozen escapes every time. These filters build
the fragment once per record and reuse it. Every value is escaped here, exactly as the macros in
``_macros.html.j2`` escape it (those macros call these filters, so both give the same markup).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from markupsafe import Markup, escape

if TYPE_CHECKING:
    import jinja2

    from .records import Badge, Cite, NodeRef


class Linked(Protocol):
    """A record with a section of its own: a measure, right, safeguard, aim or alternative."""

    @property
    def anchor(self) -> str: ...

    @property
    def title(self) -> str: ...


class Fragments:
    """The fragment filters of one rendering, with their caches (keyed by record identity)."""

    def __init__(self) -> None:
        # Keys are id()s of records the report context holds for the whole render, so an id can
        # never be reused for another record while these caches live.
        self._badges: dict[tuple[int, str, bool], Markup] = {}
        self._cites: dict[int, Markup] = {}
        self._lists: dict[tuple[tuple[int, ...], str], Markup] = {}
        self._nodes: dict[int, Markup] = {}
        self._links: dict[tuple[int, str], Markup] = {}
        self._keep: list[object] = []

    def install(self, env: jinja2.Environment) -> None:
        """Register the filters ``badge_html``, ``cite_html``, ``cites_html``, ``node_html`` and ``link_html``."""
        env.filters["badge_html"] = self.badge
        env.filters["cite_html"] = self.cite
        env.filters["cites_html"] = self.cites
        env.filters["node_html"] = self.node
        env.filters["link_html"] = self.link

    def badge(self, b: Badge, scale: str, big: bool = False) -> Markup:
        """A badge: style key '<scale>-<word>', the symbol (hidden from screen readers) and the words."""
        key = (id(b), scale, bool(big))
        made = self._badges.get(key)
        if made is None:
            self._keep.append(b)
            made = self._badges[key] = Markup(
                f'<span class="badge {escape(scale)}-{escape(b.word)}{" big" if big else ""}">'
                f'<span class="sym" aria-hidden="true">{escape(b.symbol)}</span> {escape(b.label)}</span>')
        return made

    def cite(self, c: Cite) -> Markup:
        """A citation linking to its bibliography entry; unverified sources say so in words too."""
        made = self._cites.get(id(c))
        if made is None:
            self._keep.append(c)
            unverified = c.verified is False
            if unverified:
                title = f' title="Unverified source{": " + escape(c.note) if c.note else ""}"'
            else:
                title = f' title="{escape(c.note)}"' if c.note else ""
            pin = f", {escape(c.pinpoint)}" if c.pinpoint else ""
            made = self._cites[id(c)] = Markup(
                f'<a class="cite{" unverified" if unverified else ""}" href="#{escape(c.anchor)}"{title}>'
                f'{escape(c.label)}{pin}</a>' + ('<span class="sr-only"> (unverified)</span>' if unverified else ""))
        return made

    def cites(self, cites: Sequence[Cite], lead: str = "") -> Markup:
        """Citations separated by semicolons, after an optional lead-in; nothing for an empty list."""
        if not cites:
            return Markup("")
        key = (tuple(map(id, cites)), lead)
        made = self._lists.get(key)
        if made is None:
            self._keep.append(cites)
            made = self._lists[key] = Markup(
                f'<span class="cites">{escape(lead)}{Markup("; ").join(self.cite(c) for c in cites)}</span>')
        return made

    def node(self, n: NodeRef) -> Markup:
        """A node a finding read: a link to its section, or its label as code when it has none."""
        made = self._nodes.get(id(n))
        if made is None:
            self._keep.append(n)
            label = escape(n.label)
            made = self._nodes[id(n)] = Markup(
                f'<a href="#{escape(n.anchor)}">{label}</a>' if n.anchor else f"<code>{label}</code>")
        return made

    def link(self, key: str, records: Mapping[str, Linked]) -> Markup:
        """A link to the section of ``records[key]`` (a measure, right, safeguard, aim or alternative), by its title.

        A key the report has no section for is shown as plain text.
        """
        made = self._links.get((id(records), key))
        if made is None:
            self._keep.append(records)
            rec = records.get(key)
            made = self._links[(id(records), key)] = (
                Markup(f'<a href="#{escape(rec.anchor)}">{escape(rec.title)}</a>')
                if rec is not None else escape(key))
        return made
