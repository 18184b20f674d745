"""Shared test fixtures; keep this file small and generic."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from harness import skip_or_fail


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of the Chromium binary: $RIGHTSKIT_CHROMIUM, else /usr/bin/chromium."""
    wanted = os.environ.get("RIGHTSKIT_CHROMIUM") or "/usr/bin/chromium"
    found = wanted if Path(wanted).is_file() and os.access(wanted, os.X_OK) else shutil.which(wanted)
    if not found:
        skip_or_fail(f"Chromium not found at {wanted} (set RIGHTSKIT_CHROMIUM)")
    return str(found)
