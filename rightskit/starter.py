"""A guided start: a commented assessment.yaml from a few answers, which passes ``rightskit check``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, Problem, SourceLocation


@dataclass(frozen=True)
class Answers:
    """What ``rightskit init`` asks; the defaults make an assessment that checks."""

    title: str = "My first assessment"
    measure: str = "Hash matching of uploaded images"
    kind: str = "detection"
    right: str = "eu-charter/art-7"
    as_of: str = ""


QUESTIONS = (
    ("title", "Title of the assessment"),
    ("measure", "What does the measure do (a short name)"),
    ("kind", "Kind of measure (detection, reporting, retention, access, …)"),
    ("right", "The right it interferes with"),
)

TEMPLATE = """\
# {title}
# Written by `rightskit init`. Check it with `rightskit check {folder}`, run the test with
# `rightskit evaluate {folder} --format text`. Every field: docs/fields.md; a complete example that
# sets every field the engine reads: docs/examples/worked/.
id: {id}
title: {title_q}
as_of: {as_of}                 # the law is applied as of this date (YYYY-MM-DD)
frameworks: [eu-charter]           # add the law the measure rests on, e.g. reg-2026-1881 (`rightskit frameworks`)
aims:
  - id: main-aim
    title: The objective the measure pursues
    kind: rights-of-others         # or general-interest
    protects: [eu-charter/art-24]  # the rights it protects
measures:
  - id: {measure_id}
    title: {measure_q}
    kind: {kind}
    aims: [main-aim]
    # legal_basis: [reg-2026-1881/act]   # without a legal basis in force, legality fails
    # scope: targeted                    # general (the default) or targeted on objective criteria
    # effectiveness: {{level: medium, statement: What the evidence shows., cite: [a-source-id]}}
    interferes:
      - right: {right}
        severity: serious          # none, minor, moderate, serious or very-serious (docs/scales.md)
        rationale: Why this severity, in your words.
# safeguards:
#   - id: review
#     title: Human review before reporting
#     type: safeguards/human-review
#     mitigates:
#       - {{measure: {measure_id}, right: {right}, strength: moderate}}
"""


def _slug(text: str, fallback: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-") or fallback


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ask(prompt: Callable[[str, str], str]) -> Answers:
    """The answers, each asked with ``prompt(question, default)``."""
    defaults = Answers()
    return Answers(**{key: prompt(question, getattr(defaults, key)) for key, question in QUESTIONS})


def write_starter(folder: Path, answers: Answers) -> Path:
    """Write ``folder/assessment.yaml``; never replace an existing file."""
    target = folder / "assessment.yaml"
    if target.exists():
        raise InputError("exists", [Problem("an assessment.yaml is already here", SourceLocation(str(target)),
                                            "choose another folder; init never overwrites a file")])
    folder.mkdir(parents=True, exist_ok=True)
    text = TEMPLATE.format(
        title=answers.title.replace("\n", " "), title_q=_quoted(answers.title), folder=folder,
        id=_slug(answers.title, "assessment"), as_of=answers.as_of or dt.date.today().isoformat(),
        measure_id=_slug(answers.measure, "measure"), measure_q=_quoted(answers.measure), kind=answers.kind,
        right=answers.right,
    )
    with target.open("x", encoding="utf-8") as handle:  # "x": fails rather than overwrite
        handle.write(text)
    return target
