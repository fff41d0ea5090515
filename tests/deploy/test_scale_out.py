"""The one-machine scale-out: several dashboard processes behind nginx, sticky sessions, sessions through it,
per-client limits, failure detection, a supervisor, security headers and logs that keep nothing about a person.

Clients on other loopback addresses (127.0.0.2-4) stand for other people: nginx limits per client address."""
from __future__ import annotations

import asyncio
import http.client
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


def in_thread(coroutine):
    """Run a coroutine in a thread of its own: Playwright's sync API may already run an event loop in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def request(url: str, path: str, source: str = "127.0.0.1", headers: dict | None = None, timeout: float = 30):
    """GET `path` from the client address `source`: (status, headers as a list of pairs, seconds taken)."""
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout, source_address=(source, 0))
    start = time.monotonic()
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status, response.getheaders(), time.monotonic() - start
    finally:
        connection.close()


def log_lines(prefix: Path, count: int, containing: str = "", seconds: float = 5) -> list[str]:
    """The access log's lines holding `containing`, once there are `count` (nginx writes a line as a request ends)."""
    deadline = time.monotonic() + seconds
    while True:
        lines = [line for line in (prefix / "access.log").read_text().splitlines() if containing in line]
        if len(lines) >= count or time.monotonic() > deadline:
            return lines
        time.sleep(0.1)


def upstreams(prefix: Path, route: str | None = None) -> list[str]:
    lines = (prefix / "access.log").read_text().splitlines()
    return [re.search(r"upstream=(\S+)", line).group(1) for line in lines
            if "_stcore/stream" in line and (route is None or f"route={route} " in line)]


def test_sessions_through_nginx_finish_and_spread_over_both_processes(scaled):
    url, prefix, backends = scaled
    result = in_thread(load("nginx", url, "", "", 40, 120, None, 0))
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
    lines = log_lines(prefix, 7, f"route={route} ")
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


def test_a_real_browser_draws_the_static_edition_through_nginx_under_its_security_headers(scaled, page):
    url, _, _ = scaled
    page.goto(f"{url}/static-edition/compare/ocrelizumab--ofatumumab.html")
    page.locator("div.plot g.trace").first.wait_for(state="attached", timeout=20_000)
    assert page.locator("div.plot.js-plotly-plot").count() == page.locator("div.plot").count() > 0
    assert page.console_errors == []  # no script or style refused by the Content-Security-Policy


HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy")


@pytest.mark.parametrize("path, status", [("/", 200), ("/_stcore/health", 200), ("/ready", 200),
                                          ("/static/no-such-file.js", 404), ("/_stcore/metrics", 404)])
def test_security_headers_on_every_response_once(scaled, path, status):
    url, _, _ = scaled
    got, headers, _ = request(url, path)
    names = [name.lower() for name, _ in headers]
    assert got == status
    assert [names.count(h) for h in HEADERS] == [1] * len(HEADERS)  # nginx's, the process's own hidden
    csp = dict((n.lower(), v) for n, v in headers)["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert "strict-transport-security" not in names


def test_over_https_hsts_and_a_secure_routing_cookie(scaled):
    url, _, _ = scaled
    plain = dict(request(url, "/_stcore/health")[1])
    secure = dict(request(url, "/_stcore/health", headers={"X-Forwarded-Proto": "https"})[1])
    assert "Secure" not in plain["Set-Cookie"]
    assert secure["Set-Cookie"].endswith("SameSite=Lax; Secure") and secure["Strict-Transport-Security"] == "max-age=31536000"


def test_logs_keep_no_client_address_and_no_query_string(scaled):
    url, prefix, _ = scaled
    before = len(log_lines(prefix, 0))
    request(url, "/?page=pregnancy&treatments=Natalizumab", source="127.0.0.2")
    line = log_lines(prefix, before + 1)[-1]
    assert line.startswith("127.0.0.0/24 [") and '"GET /" 200' in line
    assert "127.0.0.2" not in line and "Natalizumab" not in line and "pregnancy" not in line
    assert "crit" in (prefix / "nginx.conf").read_text().split("error_log", 1)[1].split(";")[0]


def test_sized_for_2000_held_open_sessions(scaled):
    _, prefix, _ = scaled
    conf = (prefix / "nginx.conf").read_text()
    connections = int(re.search(r"worker_connections (\d+);", conf).group(1))
    files = int(re.search(r"worker_rlimit_nofile (\d+);", conf).group(1))
    assert connections >= 2 * 2000 + 200 and files >= 2 * connections - 1  # two connections per session
    assert "127.0.0.0/8 0;" not in conf  # the load-test allow-list is off by default


async def flood_and_visit(url: str, flood: int) -> tuple[int, int, object]:
    """`flood` websockets at once from 127.0.0.3, and meanwhile 5 whole sessions from 127.0.0.2."""
    import websockets

    ws_url = url.replace("http", "ws", 1) + "/_stcore/stream"
    opened: list = []

    async def open_one():
        try:
            opened.append(await websockets.connect(ws_url, subprotocols=["streamlit"], open_timeout=30,
                                                   ping_interval=None, local_addr=("127.0.0.3", 0)))
            return "open"
        except websockets.exceptions.InvalidStatus as error:
            return error.response.status_code

    flooding = [asyncio.create_task(open_one()) for _ in range(flood)]
    visitor = await load("visitor", url, "", "", 5, 60, None, 0, source="127.0.0.2")
    outcomes = await asyncio.gather(*flooding)
    await asyncio.gather(*(ws.close() for ws in opened))
    return outcomes.count("open"), outcomes.count(429), visitor


def test_a_flood_from_one_client_does_not_keep_a_second_client_out(scaled):
    url, _, _ = scaled
    opened, refused, visitor = in_thread(flood_and_visit(url, 450))
    assert 300 <= opened < 450 and refused == 450 - opened  # a burst of 300 new sessions, then 10 a second
    assert visitor.failures == [] and len(visitor.times) == 5


def pid_of(prefix: Path, port: int) -> int:
    return int((prefix / f"dashboard-{port}.pid").read_text())


def test_a_hung_process_stops_receiving_new_sessions_within_seconds(scaled):
    url, prefix, (hung, alive) = scaled
    pid = pid_of(prefix, hung)
    os.kill(pid, signal.SIGSTOP)
    try:
        # New browsers (no routing cookie): those hashed to the hung process wait for the 5 s read timeout once,
        # then go to the other; from then on the hung one gets none.
        times = [request(url, "/_stcore/health", source="127.0.0.4")[::2] for _ in range(12)]
        assert [status for status, _ in times] == [200] * 12
        slow = [i for i, (_, seconds) in enumerate(times) if seconds > 1]
        assert len(slow) <= 1 and all(seconds < 8 for _, seconds in times)
        sessions = in_thread(load("after SIGSTOP", url, "", "", 10, 30, None, 0, source="127.0.0.4"))
        assert sessions.failures == [] and len(sessions.times) == 10
        assert set(upstreams(prefix)[-10:]) == {f"127.0.0.1:{alive}"}
    finally:
        os.kill(pid, signal.SIGCONT)


def test_a_dead_process_is_started_again(scaled):
    url, prefix, (dead, _) = scaled
    pid = pid_of(prefix, dead)
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if pid_of(prefix, dead) != pid and request(f"http://127.0.0.1:{dead}", "/ready", timeout=2)[0] == 200:
                break
        except (OSError, ValueError):
            pass
        time.sleep(0.5)
    else:
        pytest.fail("the killed dashboard process was not started again within 90 s")
    assert "exited; starting it again" in (prefix / "supervisor.log").read_text()
