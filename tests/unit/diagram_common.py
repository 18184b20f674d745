"""What the diagram tests share: the golden folder, SVG namespaces, the fixture support module, dot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import load_module, on_ci

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "diagrams"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

# Locally a missing Graphviz skips; on CI it must be installed (make test does), so nothing is skipped.
needs_dot = pytest.mark.skipif(shutil.which("dot") is None and not on_ci(), reason="Graphviz 'dot' is not installed")


support = load_module(GOLDEN / "support.py", "diagram_support")
