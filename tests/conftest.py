"""Shared fixtures: the shipped knowledge and the minimal test knowledge."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dashboard.knowledge import DATA_DIR, Knowledge, load_knowledge

MINIMAL = Path(__file__).parent / "knowledge" / "minimal"


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load_knowledge(DATA_DIR)


@pytest.fixture(scope="session")
def minimal() -> Knowledge:
    return load_knowledge(MINIMAL)


def require_tool(name: str, *fallbacks: str, needed_for: str) -> str:
    """The path of a system tool the test needs: skip without it, but fail in CI, where it must be installed."""
    path = shutil.which(name) or next((f for f in fallbacks if os.path.exists(f)), None)
    if path:
        return path
    message = f"{name} is not installed (scripts/test.sh installs it where apt-get is available): {needed_for}"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " is required in CI")
    pytest.skip(message + " skipped")
