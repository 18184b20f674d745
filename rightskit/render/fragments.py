"""HTML fragments for the records a report repeats thousands of times: badges and citations.

A large report shows the same few badges and the same citations over and over; rendering each
through a Jinja macro cost a macro call and half a dozen escapes every time. These filters build
the fragment once per record and reuse it. Every value is escaped here, exactly as the macros in
``_macros.html.j2`` escape it (those macros call these filters, so both give the same markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    import jinja2

    from .records import Badge, Cite


class Fragments:
    """The fragment filters of one rendering, with their caches (keyed by record identity)."""

    def __init__(self) -> None:
        # Keys are id()s of records the report context holds for the whole render, so an id can
        # never be reused for another record while these caches live.
        self._badges: dict[tuple[int, str, bool], Markup] = {}
        self._cites: dict[int, Markup] = {}
        self._lists: dict[tuple[tuple[int, ...], str], Markup] = {}
        self._keep: list[object] = []

    def install(self, env: jinja2.Environment) -> None:
        """Register the filters ``badge_html``, ``cite_html`` and ``cites_html`` on ``env``."""
        env.filters["badge_html"] = self.badge
        env.filters["cite_html"] = self.cite
        env.filters["cites_html"] = self.cites

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
