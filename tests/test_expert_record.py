"""The flagships against the expert record: docs/flagships.md is current and every row holds.

`python tests/expert/compare.py --write` regenerates the document from tests/expert/points.yaml.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).resolve().parents[1]


def compare() -> ModuleType:
    spec = importlib.util.spec_from_file_location("expert_compare", ROOT / "tests" / "expert" / "compare.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_point_holds_and_the_document_is_current() -> None:
    module = compare()
    text, problems = module.render()
    assert not problems, "\n".join(problems)
    assert module.DOC.read_text(encoding="utf-8") == text, "run `python tests/expert/compare.py --write`"


def test_every_point_cites_a_source_of_the_expert_record() -> None:
    from rightskit.load import FrameworkLibrary

    record = FrameworkLibrary([ROOT / "frameworks"]).get("expert-record")
    sources = {f"expert-record/{s.id}": s for s in record.sources}
    points = yaml.safe_load((ROOT / "tests" / "expert" / "points.yaml").read_text(encoding="utf-8"))["points"]
    assert len({p["id"] for p in points}) == len(points), "duplicate point ids"
    for p in points:
        assert p["source"] in sources, p["id"]
        # A point read in the document needs a document that was read; a second-hand one is marked so.
        if p["verified"]:
            assert sources[p["source"]].verified, p["id"]
        assert p.get("proposal") or p.get("ep"), f"{p['id']} is compared with no flagship"
