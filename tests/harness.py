"""What tests in every folder share: the CI policy, the Python fixture modules, and a running viewer.

``tests/`` is on the test path (``pythonpath`` in pyproject.toml), so any test imports this as
``harness``. Fixture modules (``golden/fixture_bundle.py``, ``fixtures/security/hostile.py``…) are
files, not packages: :func:`load_module` runs one and returns it.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent
GOLDEN = TESTS / "golden"
SECURITY = TESTS / "fixtures" / "security"


def on_ci() -> bool:
    """True under CI=true, where a missing tool is a failure, not a skip."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def skip_or_fail(reason: str) -> None:
    """Skip locally; fail on CI, where every tool the tests need is installed by `make test`."""
    if on_ci():
        pytest.fail(f"{reason} (CI=true: required)")
    pytest.skip(reason)


def load_module(path: Path, name: str) -> ModuleType:
    """Run the Python file at ``path`` as a fresh module called ``name`` and return it."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def golden_fixture() -> Any:
    """``golden/fixture_bundle.py``: the small assessment's bundles (hand-made or real results)."""
    return load_module(GOLDEN / "fixture_bundle.py", "rightskit_test_fixture_bundle")


def hostile() -> Any:
    """``fixtures/security/hostile.py``: an assessment whose every text field is an attack."""
    return load_module(SECURITY / "hostile.py", "rightskit_test_hostile")


@contextmanager
def serving(server: Any) -> Iterator[Any]:
    """Run a viewer server (``rightskit.serve.make_server``) in a thread; shut it down afterwards."""
    from rightskit.serve import close

    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        close(server)
        thread.join(timeout=5)
