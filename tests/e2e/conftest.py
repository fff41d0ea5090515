"""A real dashboard process on a free port and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).parent / "artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not become healthy in {seconds} s")


def start_dashboard(port: int, *extra: str, data: Path | None = None) -> subprocess.Popen:
    """The dashboard as the README's run command starts it (same config file), on `port`, serving `data`."""
    env = dict(os.environ, **({"MS_DASHBOARD_DATA": str(data)} if data else {}))
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/server.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", *extra],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, env=env,
    )


@contextmanager
def running_dashboard(data: Path | None = None):
    port = free_port()
    process = start_dashboard(port, data=data)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def dashboard_url():
    with running_dashboard() as url:
        yield url


def settle(page, timeout: float = 60_000) -> None:
    """Wait until the app is connected and its script has finished running."""
    page.wait_for_selector('[data-test-connection-state="CONNECTED"]', state="attached", timeout=timeout)
    page.wait_for_selector('[data-test-script-state="notRunning"]', state="attached", timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-test-script-state="notRunning"]', state="attached", timeout=timeout)


def charts(page, at_least: int = 0, timeout: float = 30_000):
    """The page's Plotly charts, once at least `at_least` of them have drawn their traces.

    Plotly's script is loaded on demand the first time a page shows a chart, so on a cold browser the chart
    containers can exist a moment before the charts are drawn in them."""
    drawn = page.locator(".js-plotly-plot")
    if at_least:
        drawn.nth(at_least - 1).locator("g.trace").first.wait_for(state="attached", timeout=timeout)
    for index in range(drawn.count()):
        drawn.nth(index).locator("g.trace").first.wait_for(state="attached", timeout=timeout)
    return drawn


def screenshot(page, name: str, max_height: int = 3200) -> Path:
    """The whole page: Streamlit scrolls inside its own container, so the window grows to the content first."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=stMain]')?.scrollHeight || 0")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(int(height) + 80, max_height))})
    page.wait_for_timeout(400)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    return path
