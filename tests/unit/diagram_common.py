"""What the diagram tests share: the golden folder, SVG namespaces, the fixture support module, dot."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from types import ModuleType

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "diagrams"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

_ON_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
# Locally a missing Graphviz skips; on CI it must be installed (make test does), so nothing is skipped.
needs_dot = pytest.mark.skipif(shutil.which("dot") is None and not _ON_CI, reason="Graphviz 'dot' is not installed")


def _load_support() -> ModuleType:
    spec = importlib.util.spec_from_file_location("diagram_support", GOLDEN / "support.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


support = _load_support()
