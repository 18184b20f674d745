"""HTML: the report context through Jinja2 templates, as one self-contained file.

Templates ship in ``rightskit/render/templates``; a user folder given with ``--templates`` comes
first (a ChoiceLoader), so any single template can be overridden. Autoescape and StrictUndefined
are always on, and templates see one variable, ``ctx``. Template errors are reported with the
template file and line.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..errors import Problem, SourceLocation, TemplateError
from ..translation import format_date, gettext, ngettext
from .fragments import Fragments
from .phrasebook import phrases

if TYPE_CHECKING:
    import jinja2

    from .template_context import ReportContext

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
MAIN_TEMPLATE = "report.html.j2"
#: The template the report renders each measure section with (report.html.j2's ``partial`` call).
MEASURE_TEMPLATE = "_measure.html.j2"
_BATCH = 1 << 18  # characters per streamed piece


def environment(templates: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment: user templates first, then the shipped ones."""
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if templates is not None:
        if not Path(templates).is_dir():
            raise TemplateError(f"{templates}: templates folder not found", [Problem(
                "templates folder not found", SourceLocation(str(templates)), "give a folder of .j2 templates")])
        loaders.append(jinja2.FileSystemLoader(str(templates)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES_DIR)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        extensions=["jinja2.ext.i18n"],
    )
    # New-style gettext: placeholders are %(name)s and their values are escaped like any other.
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters["local_date"] = format_date
    Fragments().install(env)

    def partial(name: str, **variables: Any) -> Markup:
        """A partial template rendered to one string (what {% include %} gives, without its per-piece loop).

        An include re-yields every piece of the partial through the including template's generator;
        for the thousands of measure sections of a large report that loop cost a third of the HTML time.
        """
        return Markup(env.get_template(name).render(**variables))

    env.globals["partial"] = partial
    env.globals["words"] = phrases
    return env


def render_html(ctx: ReportContext, templates: Path | None = None) -> str:
    """The report as one HTML document."""
    return "".join(html_chunks(ctx, templates))


def html_chunks(ctx: ReportContext, templates: Path | None = None) -> Iterator[str]:
    """The report as pieces of text, for a streamed write; template errors are located as they occur."""
    env = environment(templates)
    with template_errors(templates):
        # Jinja yields many small strings; batching them keeps the writes (and encodes) few.
        batch: list[str] = []
        size = 0
        for piece in env.get_template(MAIN_TEMPLATE).generate(ctx=ctx):
            batch.append(piece)
            size += len(piece)
            if size >= _BATCH:
                yield "".join(batch)
                batch, size = [], 0
        yield "".join(batch)


@contextmanager
def template_errors(templates: Path | None) -> Iterator[None]:
    """Turn an error raised while a template loads or runs into a TemplateError at the template's line."""
    import jinja2

    try:
        yield
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or exc.name or "<template>"
        raise _located(where, exc.lineno, f"template syntax error: {exc.message}",
                       "fix the template syntax") from None
    except jinja2.TemplateNotFound as exc:
        file, line = _template_frame(exc)  # the {% include %} or {% import %} that names it
        found = SourceLocation(file, line) if line else SourceLocation(str(templates or TEMPLATES_DIR))
        raise TemplateError(f"template not found: {exc.name}", [Problem(
            f"template '{exc.name}' not found", found,
            "name a template that exists in the templates folder or in rightskit's own")]) from None
    except jinja2.UndefinedError as exc:
        file, line = _template_frame(exc)
        raise _located(file, line, f"undefined: {exc.message}", "templates see only 'ctx' "
                       "(rightskit.render.template_context.ReportContext); check the name") from None
    except TemplateError:
        raise
    except Exception as exc:  # any other error raised while a template runs
        file, line = _template_frame(exc)
        raise _located(file, line, f"template error: {type(exc).__name__}: {exc}",
                       "check the expression on this line") from None


def _located(file: str, line: int | None, message: str, hint: str) -> TemplateError:
    loc = SourceLocation(file, line or 0)
    return TemplateError(f"{loc}: {message}", [Problem(message, loc, hint)])


def _template_frame(exc: BaseException) -> tuple[str, int | None]:
    """The innermost traceback frame that runs a template file (Jinja2 rewrites frames to them)."""
    found: tuple[str, int | None] = ("<template>", None)
    for frame in traceback.extract_tb(exc.__traceback__):
        name = frame.filename
        if name.endswith((".j2", ".html", ".jinja", ".jinja2", ".htm", ".css", ".txt", ".md")) or "/templates/" in name:
            found = (name, frame.lineno)
    return found
