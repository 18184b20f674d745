"""The command line: parse arguments, call the pipeline, turn RightskitError into a clean message.

Each command imports what it needs inside its function, so ``rightskit --help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import os
import sys
import warnings
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import RenderWarning, RightskitError, UsageError
from .translation import LANGUAGES
from .version import __version__

F = TypeVar("F", bound=Callable[..., Any])

PATH_ARG = click.Path(path_type=Path)


def _date(_ctx: Any, _param: Any, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date like 2022-06-01") from None


def handle_errors(fn: F) -> F:
    """Print RightskitError as located lines on stderr and exit non-zero; no traceback without --debug."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            with warnings.catch_warnings():
                warnings.showwarning = _show_warning
                warnings.simplefilter("always", RenderWarning)
                return fn(*args, **kwargs)
        except RightskitError as exc:
            if debug:
                raise
            click.echo(exc.format(), err=True)
            if exc.problems:
                click.echo(f"rightskit: {exc.error_count} error(s)", err=True)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if debug:
                raise
            click.echo(f"rightskit: internal error: {type(exc).__name__}: {exc} "
                       "(run with --debug for the traceback, and please report it)", err=True)
            sys.exit(3)

    return wrapper  # type: ignore[return-value]


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    """rightskit's own warnings as one line on stderr; any other warning as Python prints it."""
    if issubclass(category, RenderWarning):
        click.echo(f"rightskit: warning: {message}", err=True)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def _options(frameworks_dir: tuple[Path, ...], as_of: dt.date | None) -> Any:
    from .pipeline import Options

    return Options(frameworks_dirs=frameworks_dir, as_of=as_of)


def common(fn: F) -> F:
    """Options every assessment command takes."""
    fn = click.option("--frameworks-dir", "frameworks_dir", multiple=True,
                      type=click.Path(path_type=Path, exists=True, file_okay=False),
                      help="Extra folder of framework YAML, searched before the shipped ones.")(fn)
    fn = click.option("--as-of", "as_of", callback=_date, default=None,
                      help="Evaluate as of this date instead of the assessment's (YYYY-MM-DD).")(fn)
    return fn


def _write_or_print(data: bytes | str, output: Path | None, inputs: Iterable[Path] = ()) -> None:
    if output is not None:
        from .render.output import refuse_inputs

        refuse_inputs(output, inputs)  # -o never replaces a file the command read
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    from .render.output import atomic_write

    atomic_write(output, data)
    click.echo(f"wrote {output}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rightskit")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
def main(debug: bool) -> None:
    """rightskit: Charter Art. 52(1) proportionality assessments as code.

    PATH is an assessment file (.yaml or .py) or a folder holding assessment.yaml or assessment.py.
    """
    # One-shot commands build large acyclic structures; frequent full collections only cost time.
    gc.set_threshold(100_000, 20, 100)
    # pydantic scans every installed package for plugins at import; rightskit uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


@main.command(short_help="Validate and resolve references; a summary or every problem.")
@click.argument("paths", nargs=-1, required=True, type=PATH_ARG)
@common
@handle_errors
def check(paths: tuple[Path, ...], frameworks_dir: tuple[Path, ...], as_of: dt.date | None) -> None:
    """Validate assessments (and their review files) and resolve every reference; print a summary or every problem."""
    from .errors import InputError
    from .pipeline import check as run
    from .summary import summary_lines

    problems = []
    total = 0
    for path in paths:
        try:
            resolved, reviewed = run(path, _options(frameworks_dir, as_of))
        except InputError as exc:
            problems.extend(exc.problems)
            total += exc.error_count
            continue
        click.echo("\n".join(summary_lines(resolved)))
        if reviewed is not None:
            from .review.worklist import review_line

            click.echo(review_line(reviewed))
    if problems:
        raise InputError(f"{total} problem(s)", problems, total=total)


@main.command(short_help="Run the Charter Art. 52(1) test and print the results.")
@click.argument("path", type=PATH_ARG)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
@click.option("-o", "--output", type=PATH_ARG, default=None, help="Write to this file instead of stdout.")
@common
@handle_errors
def evaluate(path: Path, fmt: str, output: Path | None, frameworks_dir: tuple[Path, ...],
             as_of: dt.date | None) -> None:
    """Run the Art. 52(1) test and print the results (JSON or a terminal table)."""
    from .pipeline import evaluate as run

    bundle = run(path, _options(frameworks_dir, as_of))
    if fmt == "json":
        data = bundle.results.model_dump_json(indent=2) + "\n"
    else:
        from .evaluate import text_table

        data = text_table(bundle.results)
    _write_or_print(data, output, bundle.input_files)


@main.command(short_help="List the open, disputed and stale findings of the review.")
@click.argument("path", type=PATH_ARG)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=PATH_ARG, default=None, help="Write to this file instead of stdout.")
@common
@handle_errors
def review(path: Path, fmt: str, output: Path | None, frameworks_dir: tuple[Path, ...],
           as_of: dt.date | None) -> None:
    """List what the review file beside PATH leaves to do: open, disputed, needs-evidence and stale records."""
    from .pipeline import review as run
    from .review.worklist import worklist_json, worklist_text

    bundle = run(path, _options(frameworks_dir, as_of))
    show = worklist_json if fmt == "json" else worklist_text
    _write_or_print(show(bundle.results, bundle.reviewed), output, bundle.input_files)


@main.command(short_help="Render the report into a folder (HTML, PDF, DOCX, MD, JSON, SVG).")
@click.argument("path", type=PATH_ARG)
@click.option("-o", "--output", "out_dir", type=PATH_ARG, required=True, help="Output folder.")
@click.option("--format", "formats", default="html,svg", show_default=True,
              help="Comma-separated: html, pdf, docx, md, json, svg.")
@click.option("--templates", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of Jinja2 templates that override the shipped ones.")
@click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True,
              help="Language of the report's words, dates and numbers (legal sources keep their own).")
@common
@handle_errors
def render(path: Path, out_dir: Path, formats: str, templates: Path | None, lang: str,
           frameworks_dir: tuple[Path, ...], as_of: dt.date | None) -> None:
    """Render the report into a folder (atomically; never outside it)."""
    from .pipeline import render as run

    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    options = replace(_options(frameworks_dir, as_of), lang=lang)
    if not sys.stderr.isatty():
        written = run(path, out_dir, wanted, options, templates=templates)
    else:
        # A live status line on a terminal; logs and pipes get only the list of files written.
        from rich.console import Console

        with Console(stderr=True).status("evaluating…") as status:
            written = run(path, out_dir, wanted, options, templates=templates,
                          progress=lambda msg: status.update(f"writing {msg}…"))
    for file in written:
        click.echo(str(file))


@main.command()
@click.argument("path", type=PATH_ARG)
@click.option("--view", default="overview", show_default=True,
              help="overview, chain, measure:ID or right:ID.")
@click.option("--format", "fmt", type=click.Choice(["svg", "png", "pdf", "dot"]), default="svg", show_default=True)
@click.option("-o", "--output", type=PATH_ARG, default=None, help="Output file (required for png and pdf).")
@click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True,
              help="Language of the diagram's words (legal sources and the author's text keep their own).")
@common
@handle_errors
def diagram(path: Path, view: str, fmt: str, output: Path | None, lang: str, frameworks_dir: tuple[Path, ...],
            as_of: dt.date | None) -> None:
    """Draw one diagram of the rights graph."""
    if output is None and fmt in ("png", "pdf"):
        raise UsageError(f"--format {fmt} is binary: give -o FILE")
    from .pipeline import diagram as run

    data, bundle = run(path, view, fmt, replace(_options(frameworks_dir, as_of), lang=lang))
    _write_or_print(data, output, bundle.input_files)


@main.command(short_help="Compare two assessments, or two dates of one.")
@click.argument("path_a", type=PATH_ARG)
@click.argument("path_b", type=PATH_ARG)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html", "markdown"]), default="text",
              show_default=True)
@click.option("-o", "--output", type=PATH_ARG, default=None, help="Write to this file instead of stdout.")
@click.option("--rename", "renames", multiple=True, metavar="OLD=NEW",
              help="Compare A's measure OLD with B's measure NEW (repeatable).")
@click.option("--as-of-a", "as_of_a", callback=_date, default=None, help="As-of date for A only (YYYY-MM-DD).")
@click.option("--as-of-b", "as_of_b", callback=_date, default=None, help="As-of date for B only (YYYY-MM-DD).")
@common
@handle_errors
def diff(path_a: Path, path_b: Path, fmt: str, output: Path | None, renames: tuple[str, ...],
         as_of_a: dt.date | None, as_of_b: dt.date | None, frameworks_dir: tuple[Path, ...],
         as_of: dt.date | None) -> None:
    """Compare two assessments (or two versions of one): model changes, verdicts, residual severity."""
    from .compare import diff as run
    from .compare import format_diff, parse_renames

    comparison = run(path_a, path_b, _options(frameworks_dir, as_of_a or as_of),
                     _options(frameworks_dir, as_of_b or as_of), parse_renames(renames))
    _write_or_print(format_diff(comparison, fmt), output,
                    [*comparison.a.resolved.files, *comparison.b.resolved.files])


@main.command(short_help="Run the live viewer, reloaded when an input changes.")
@click.argument("path", type=PATH_ARG)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (local only by default).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option("--open", "open_browser", is_flag=True, help="Open a browser tab.")
@common
@handle_errors
def serve(path: Path, host: str, port: int, open_browser: bool, frameworks_dir: tuple[Path, ...],
          as_of: dt.date | None) -> None:
    """Run the live viewer: report and diagrams, reloaded whenever an input file changes."""
    from .serve import serve as run

    run(path, _options(frameworks_dir, as_of), host=host, port=port, open_browser=open_browser)


@main.command()
@click.argument("framework_id", required=False)
@click.option("--as-of", "as_of", callback=_date, default=None, help="Show the legal state on this date.")
@click.option("--unverified", is_flag=True, help="List the records not yet verified against official texts.")
@click.option("--counts", is_flag=True, help="Print a Markdown table of what each framework holds, counted from "
              "the data (the table in frameworks/README.md).")
@click.option("--frameworks-dir", "frameworks_dir", multiple=True,
              type=click.Path(path_type=Path, exists=True, file_okay=False))
@handle_errors
def frameworks(framework_id: str | None, as_of: dt.date | None, unverified: bool, counts: bool,
               frameworks_dir: tuple[Path, ...]) -> None:
    """List the legal frameworks, or show one as of a date."""
    from .frameworks_report import counts_table, describe, list_all, unverified_records
    from .load import FrameworkLibrary, packaged_frameworks_dir

    library = FrameworkLibrary([*frameworks_dir, packaged_frameworks_dir()])
    if framework_id and framework_id not in library:
        from .errors import did_you_mean

        raise UsageError(f"unknown framework '{framework_id}'. "
                         f"{did_you_mean(framework_id, library.ids()) or 'Known: ' + ', '.join(library.ids())}")
    if counts:
        click.echo(counts_table(library))
    elif unverified:
        click.echo(unverified_records(library, framework_id))
    elif framework_id:
        click.echo(describe(library, framework_id, as_of))
    else:
        click.echo(list_all(library, as_of))


@main.command(short_help="Print the assessment as YAML or JSON.")
@click.argument("path", type=PATH_ARG)
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option("-o", "--output", type=PATH_ARG, default=None)
@handle_errors
def export(path: Path, fmt: str, output: Path | None) -> None:
    """Print the assessment as data (YAML round-trips through 'check')."""
    from .export import export_assessment
    from .load import load_assessment

    loaded = load_assessment(path)
    _write_or_print(export_assessment(loaded.model, fmt), output, loaded.files)


@main.command(short_help="Print the JSON Schema, or a Markdown field reference.")
@click.option("--results", is_flag=True, help="The schema of 'evaluate --format json' instead of the input.")
@click.option("--review", "review_file", is_flag=True, help="The schema of a review file (review.yaml) instead.")
@click.option("--markdown", type=click.Choice(["fields", "python-api"]), is_flag=False, flag_value="fields",
              default=None, help="A Markdown reference instead: every field (docs/fields.md, the default), or "
              "the Python builder API (docs/python-api.md).")
@click.option("-o", "--output", type=PATH_ARG, default=None)
@handle_errors
def schema(results: bool, review_file: bool, markdown: str | None, output: Path | None) -> None:
    """Write the JSON Schema of the YAML assessment format (or of the results), or a Markdown reference."""
    if markdown == "fields":
        from .field_reference import field_reference

        _write_or_print(field_reference(), output)
    elif markdown == "python-api":
        from .authoring.reference import python_api_reference

        _write_or_print(python_api_reference(), output)
    else:
        from .export import schema_json

        _write_or_print(schema_json(results=results, review=review_file), output)


@main.command(short_help="Write a commented assessment.yaml from a few answers.")
@click.argument("folder", type=PATH_ARG, default=Path("."))
@click.option("--yes", is_flag=True, help="Do not ask: take the default answers.")
@handle_errors
def init(folder: Path, yes: bool) -> None:
    """Write a commented assessment.yaml from a few answers (never overwrites)."""
    from .starter import Answers, ask, write_starter

    answers = Answers() if yes else ask(lambda question, default: str(click.prompt(question, default=default)))
    written = write_starter(folder, answers)
    click.echo(f"wrote {written}; next: rightskit check {folder}")


def run() -> None:  # pragma: no cover - console entry point
    """Entry point used by ``python -m rightskit``."""
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    main()
