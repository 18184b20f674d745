"""The package's import graph: no module imports one that imports it back, and each stage imports only earlier ones.

Every ``import`` statement counts, wherever it stands: at module level, inside a function (the lazy
imports that keep ``rightskit check`` fast) and under ``TYPE_CHECKING``. A lazy import hides a cycle
from the interpreter, not from the reader, and a type-only import is still a dependency of the code.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "rightskit"

#: The stages in pipeline order, as their rank. The model is the schema every stage passes on, so it
#: sits lowest: the loader builds model objects, the graph is built from them, and so on. The Python
#: authoring API is a second front end of the load stage (it builds the same model the YAML loader does).
#: The review (reviewers' records read against the results) comes after evaluate and before render.
STAGE_RANK = {"model": 0, "load": 1, "authoring": 1, "graph": 2, "evaluate": 3, "review": 4, "render": 5}
#: Modules below every stage, which any stage may import (translation: the active language and its words).
SHARED = {"errors", "version", "gc_pause", "translation"}
#: What a stage may import beyond earlier stages and ``SHARED``: render reads the evaluate stage's hand-off.
EXTRA = {"render": {"bundle"}}
#: Pairs the design note rules out even though the order would allow them.
FORBIDDEN = {("render", "load")}
#: Third-party packages a stage must not import: the model is pydantic only.
FORBIDDEN_THIRD_PARTY = {"model": {"networkx", "graphviz", "jinja2"}}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(module: str, path: Path) -> tuple[set[str], set[str]]:
    """The rightskit modules and the top-level third-party packages that ``module`` imports.

    ``from . import x`` where ``x`` is a submodule depends on ``x`` only, not on the package's
    ``__init__`` (which Python runs anyway as the parent of ``x``); ``from . import name`` for a name
    defined in ``__init__`` depends on the package.
    """
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    internal: set[str] = set()
    external: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                (internal if alias.name in MODULES else external).add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            subs = {f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES}
            internal |= subs
            if len(subs) < len(node.names):
                (internal if base in MODULES else external).add(base)
    external = {name.partition(".")[0] for name in external} - {"rightskit"}
    return internal - {module}, external


GRAPH = {module: _imports(module, path) for module, path in MODULES.items()}


def _part(module: str) -> str:
    """The stage or top-level module a module belongs to (``rightskit.render.html`` → ``render``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_the_analysis_sees_the_package() -> None:
    """A guard against a test that passes because it read nothing: known edges are in the graph."""
    assert "rightskit.render.html" in GRAPH["rightskit.render"][0]
    assert "rightskit.model.ref_index" in GRAPH["rightskit.load.references"][0]
    assert "networkx" in GRAPH["rightskit.graph.build"][1]


def test_no_module_imports_a_module_that_imports_it_back() -> None:
    sorter = graphlib.TopologicalSorter({m: deps for m, (deps, _) in GRAPH.items()})
    try:
        sorter.prepare()
    except graphlib.CycleError as exc:
        pytest.fail("import cycle: " + " -> ".join(exc.args[1]))


def test_each_stage_imports_only_earlier_stages() -> None:
    wrong = []
    for module, (deps, external) in sorted(GRAPH.items()):
        stage = _part(module)
        if stage not in STAGE_RANK:
            continue
        for dep in sorted(deps):
            target = _part(dep)
            if target == stage or target in SHARED or target in EXTRA.get(stage, set()):
                continue
            if target not in STAGE_RANK or STAGE_RANK[target] > STAGE_RANK[stage] or (stage, target) in FORBIDDEN:
                wrong.append(f"{module} imports {dep}")
        for name in sorted(external & FORBIDDEN_THIRD_PARTY.get(stage, set())):
            wrong.append(f"{module} imports {name}")
    assert not wrong, "stage layering (load → model → graph → evaluate → render) broken:\n" + "\n".join(wrong)
