"""Stage 1, load: read YAML or Python assessments and framework data, with located errors."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..errors import InputError, Problem, SourceLocation
from ..model import Assessment
from ..model.ref_index import RefIndex, index_frameworks
from .assessment_yaml import display_path, read_assessment_yaml
from .frameworks import FrameworkLibrary, packaged_frameworks_dir
from .references import Resolved, resolve
from .salvage import PartlyParsed
from .validate import Locator, validate
from .yamlsource import locate

ASSESSMENT_NAMES = ("assessment.yaml", "assessment.yml", "assessment.py")

__all__ = [
    "FrameworkLibrary", "LoadedAssessment", "Locator", "PartlyParsed", "RefIndex", "Resolved", "find_assessment_file",
    "index_frameworks",
    "load_assessment", "packaged_frameworks_dir", "resolve",
]


def find_assessment_file(path: Path) -> Path:
    """The assessment file for PATH: the file itself, or the assessment file in a folder."""
    if path.is_dir():
        for name in ASSESSMENT_NAMES:
            if (path / name).is_file():
                return path / name
        raise InputError("no assessment", [Problem(
            f"no {' / '.join(ASSESSMENT_NAMES)} in this folder", SourceLocation(str(path)),
            "name the assessment file, or create assessment.yaml",
        )])
    if not path.exists():
        raise InputError("not found", [Problem("file not found", SourceLocation(str(path)), "check the path")])
    if path.suffix not in (".yaml", ".yml", ".py"):
        raise InputError("unsupported file", [Problem(
            f"'{path.suffix or path.name}' is not an assessment format", SourceLocation(str(path)),
            "use a .yaml or .py file",
        )])
    return path


@dataclass
class LoadedAssessment:
    """A validated assessment, a locator for later errors, its display name and the files read."""

    model: Assessment
    locator: Locator
    shown: str
    files: list[Path]


def load_assessment(path: Path) -> LoadedAssessment:
    """Read and validate an assessment (YAML with its includes, or Python)."""
    file = find_assessment_file(path)
    shown = display_path(file)
    if file.suffix == ".py":
        from .python_source import load_python

        model, locator = load_python(file, shown)
        return LoadedAssessment(model, locator, shown, [file.resolve()])
    raw, files = read_assessment_yaml(file)
    locator = partial(locate, raw)
    model = validate(Assessment, raw, locator, shown, "assessment", keep_parts=True)
    return LoadedAssessment(model, locator, shown, files)
