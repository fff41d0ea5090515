"""Shared fixtures: the shipped knowledge, the minimal test knowledge, required tools, and a real browser."""
from __future__ import annotations

import os
import re
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


# The browser and page fixtures live here, not in tests/e2e, so the browser tests and the nginx test share one
# Playwright instance (a second sync Playwright cannot start while the first one's loop runs).
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def browser():
    executable = require_tool("chromium", "/usr/bin/chromium-browser", needed_for="browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and not _base_path_probe(message)
            and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.foreign_requests = []  # anything not asked of the dashboard itself (fonts, icons, analytics, ...)
    page.on("request", lambda request: request.url.startswith(("http://127.0.0.1:", "data:", "blob:"))
            or page.foreign_requests.append(request.url))
    yield page
    context.close()


# On a page URL such as /compare, Streamlit's frontend first asks /compare/_stcore/health and /host-config in case
# the app is served below that path, gets 404, then uses /_stcore/. Those two probes are expected; nothing else is.
_PROBE = re.compile(r"/[^/?]+/_stcore/(health|host-config)$")


def _base_path_probe(message) -> bool:
    return bool(_PROBE.search((message.location or {}).get("url", "")))
