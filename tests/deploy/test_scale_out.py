"""The one-machine scale-out: several dashboard processes behind nginx, sticky sessions, sessions through it."""
from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dashboard.bench import load
from tests.conftest import require_tool
from tests.e2e.conftest import charts, free_port, settle, wait_healthy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    require_tool("nginx", "/usr/sbin/nginx", needed_for="the scale-out test")
    port, first = free_port(), free_port()
    while first + 1 == port:
        first = free_port()
    prefix_file = tmp_path_factory.mktemp("scale") / "prefix"
    env = dict(os.environ, PORT=str(port), FIRST_BACKEND_PORT=str(first), SCALE_OUT_PREFIX_FILE=str(prefix_file))
    process = subprocess.Popen(["bash", "scripts/scale-out.sh", "2"], cwd=ROOT, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, seconds=120)
        deadline = time.monotonic() + 10
        while not prefix_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        yield url, Path(prefix_file.read_text().strip()), (first, first + 1)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def upstreams(prefix: Path, route: str | None = None) -> list[str]:
    lines = (prefix / "access.log").read_text().splitlines()
    return [re.search(r"upstream=(\S+)", line).group(1) for line in lines
            if "_stcore/stream" in line and (route is None or f"route={route} " in line)]


def test_sessions_through_nginx_finish_and_spread_over_both_processes(scaled):
    url, prefix, backends = scaled
    # In a thread of its own: Playwright's sync API may already run an event loop in this one.
    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(asyncio.run, load("nginx", url, "", "", 40, 120, None, 0)).result()
    assert result.failures == []
    assert len(result.times) == 40
    used = set(upstreams(prefix))
    assert used == {f"127.0.0.1:{port}" for port in backends}


def test_a_browser_keeps_its_process(scaled):
    url, prefix, _ = scaled
    with urllib.request.urlopen(url + "/") as response:
        cookie = response.headers["Set-Cookie"]
    route = re.match(r"ms_route=([^;]+)", cookie).group(1)
    assert "HttpOnly" in cookie
    seen = set()
    for _ in range(6):
        request = urllib.request.Request(url + "/_stcore/health", headers={"Cookie": f"ms_route={route}"})
        with urllib.request.urlopen(request) as response:
            assert response.status == 200
    lines = [line for line in (prefix / "access.log").read_text().splitlines() if f"route={route} " in line]
    seen = {re.search(r"upstream=(\S+)", line).group(1) for line in lines}
    assert len(lines) >= 7 and len(seen) == 1


def test_frontend_files_come_from_nginx_compressed_and_cacheable(scaled):
    import gzip
    import streamlit

    url, prefix, _ = scaled
    package = Path(streamlit.__file__).parent / "static"
    script = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', (package / "index.html").read_text()).group(1)
    request = urllib.request.Request(f"{url}/{script}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]
        body = gzip.decompress(response.read())
    assert body == (package / script).read_bytes()
    served = [line for line in (prefix / "access.log").read_text().splitlines() if script in line]
    assert served and all("upstream=- " in line or line.endswith("upstream=-") for line in served)  # no Python process involved


def test_a_real_browser_gets_the_whole_dashboard_through_nginx(scaled, page):
    url, _, _ = scaled
    page.goto(f"{url}/?page=side-effects&treatments=Ocrelizumab")
    settle(page)
    assert charts(page, at_least=1).count() >= 1  # Plotly's script too came from nginx's copy, as a module
    assert page.console_errors == []


def test_the_static_edition_comes_from_nginx_beside_the_live_app(scaled):
    import gzip

    from dashboard.bench import static_edition_paths, static_views

    url, prefix, _ = scaled
    request = urllib.request.Request(f"{url}/static-edition/", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        index = gzip.decompress(response.read()).decode()
    assert "not medical advice" in index and 'href="treatments/ocrelizumab.html"' in index
    with urllib.request.urlopen(f"{url}/static-edition/plotly.min.js") as response:
        assert response.status == 200
    paths = static_edition_paths()
    with ThreadPoolExecutor(1) as pool:
        load_ = pool.submit(asyncio.run, static_views(url, paths, 1.0, connections=4)).result()
    assert load_["failures"] == 0 and load_["page_views"] >= len(paths)
    served = [line for line in (prefix / "access.log").read_text().splitlines() if "/static-edition/" in line]
    assert served and all("upstream=- " in line or line.endswith("upstream=-") for line in served)  # no Python
