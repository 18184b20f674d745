"""Find and read the review file beside an assessment, with located errors like the assessment's."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..errors import InputError, Problem, SourceLocation
from ..model.review import Review
from . import ASSESSMENT_NAMES
from .assessment_yaml import display_path
from .validate import Locator, validate
from .yamlsource import LocDict, load_yaml, locate

#: The review file of a folder assessment; a single-file assessment 'x.yaml' has 'x.review.yaml'.
REVIEW_NAME = "review.yaml"


def review_path(path: Path) -> Path:
    """Where the review of the assessment at PATH (a folder or a file) lives, whether or not it exists.

    A folder's assessment file ('assessment.yaml' named directly) shares the folder's review.yaml.
    """
    if path.is_dir():
        return path / REVIEW_NAME
    if path.name in ASSESSMENT_NAMES:
        return path.parent / REVIEW_NAME
    return path.with_name(f"{path.stem}.review.yaml")


@dataclass
class LoadedReview:
    """A validated review file, with a locator that points at any of its values."""

    model: Review
    locator: Locator
    shown: str


def load_review(path: Path) -> LoadedReview | None:
    """The review of the assessment at PATH, or None when it has none; a located InputError when invalid."""
    file = review_path(path)
    if not file.is_file():
        return None
    shown = display_path(file)
    raw = load_yaml(file, shown)
    if not isinstance(raw, LocDict):
        raise InputError("invalid review", [Problem(
            "a review file must be a mapping", SourceLocation(shown, 1, 1),
            "start with 'findings:', 'sign_off:' or 'actions:'")])
    locator = partial(locate, raw)
    return LoadedReview(validate(Review, raw, locator, shown, "review"), locator, shown)
