"""HTML fragments for the records a report repeats thousands of times: badges, citations and links.

A large report shows the same few badges and the same citations over and over; rendering each
through a Jinja macro cost a macro call and half a dozen escapes every time. These filters build
the fragment once per record and reuse it. Every value is escaped here, exactly as the macros in
``_macros.html.j2`` escape it (those macros call these filters, so both give the same markup).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from markupsafe import Markup, escape

if TYPE_CHECKING:
    import jinja2

    from .template_context import Badge, Cite, NodeRef


class Linked(Protocol):
    """A record with a section of its own: a measure, right, safeguard, aim or alternative."""

    @property
    def anchor(self) -> str: ...

    @property
    def title(self) -> str: ...


class Fragments:
    """The fragment filters of one rendering, with their cache (keyed by record identity)."""

    def __init__(self) -> None:
        # Keys hold id()s of records the report context holds for the whole render, and the records are
        # kept here too, so an id can never be reused for another record while the cache lives.
        self._made: dict[tuple[object, ...], Markup] = {}
        self._keep: list[object] = []

    def install(self, env: jinja2.Environment) -> None:
        """Register the filters ``badge_html``, ``cite_html``, ``cites_html``, ``node_html`` and ``link_html``."""
        env.filters["badge_html"] = self.badge
        env.filters["cite_html"] = self.cite
        env.filters["cites_html"] = self.cites
        env.filters["node_html"] = self.node
        env.filters["link_html"] = self.link

    def _once(self, key: tuple[object, ...], record: object, make: Callable[[], str]) -> Markup:
        """The fragment of ``key``, made by ``make`` the first time (``record`` is kept alive with it)."""
        made = self._made.get(key)
        if made is None:
            self._keep.append(record)
            made = self._made[key] = Markup(make())
        return made

    def badge(self, b: Badge, scale: str, big: bool = False) -> Markup:
        """A badge: style key '<scale>-<word>', the symbol (hidden from screen readers) and the words."""
        return self._once(("badge", id(b), scale, bool(big)), b, lambda: (
            f'<span class="badge {escape(scale)}-{escape(b.word)}{" big" if big else ""}">'
            f'<span class="sym" aria-hidden="true">{escape(b.symbol)}</span> {escape(b.label)}</span>'))

    def cite(self, c: Cite) -> Markup:
        """A citation linking to its bibliography entry; unverified sources say so in words too."""
        return self._once(("cite", id(c)), c, lambda: _cite(c))

    def cites(self, cites: Sequence[Cite], lead: str = "") -> Markup:
        """Citations separated by semicolons, after an optional lead-in; nothing for an empty list."""
        if not cites:
            return Markup("")
        return self._once(("cites", tuple(map(id, cites)), lead), cites, lambda: (
            f'<span class="cites">{escape(lead)}{Markup("; ").join(self.cite(c) for c in cites)}</span>'))

    def node(self, n: NodeRef) -> Markup:
        """A node a finding read: a link to its section, or its label as code when it has none."""
        return self._once(("node", id(n)), n, lambda: (
            f'<a href="#{escape(n.anchor)}">{escape(n.label)}</a>' if n.anchor else f"<code>{escape(n.label)}</code>"))

    def link(self, key: str, records: Mapping[str, Linked]) -> Markup:
        """A link to the section of ``records[key]`` (a measure, right, safeguard, aim or alternative), by its title.

        A key the report has no section for is shown as plain text.
        """
        def make() -> str:
            rec = records.get(key)
            return f'<a href="#{escape(rec.anchor)}">{escape(rec.title)}</a>' if rec is not None else escape(key)

        return self._once(("link", id(records), key), records, make)


def _cite(c: Cite) -> str:
    unverified = c.verified is False
    if unverified:
        title = f' title="Unverified source{": " + escape(c.note) if c.note else ""}"'
    else:
        title = f' title="{escape(c.note)}"' if c.note else ""
    pin = f", {escape(c.pinpoint)}" if c.pinpoint else ""
    return (f'<a class="cite{" unverified" if unverified else ""}" href="#{escape(c.anchor)}"{title}>'
            f'{escape(c.label)}{pin}</a>' + ('<span class="sr-only"> (unverified)</span>' if unverified else ""))
