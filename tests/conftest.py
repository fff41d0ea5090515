"""Shared fixtures: the shipped knowledge and the minimal test knowledge."""
from __future__ import annotations

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
