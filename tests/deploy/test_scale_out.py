"""The one-machine scale-out: several dashboard processes behind nginx, sticky sessions, sessions through it,
per-client limits sized for a lecture hall behind one address, the client address from a trusted proxy only,
readiness and failure detection, a supervisor, security headers and logs that keep nothing about a person.

Clients on other loopback addresses (127.0.0.2-4, 127.0.1.x) stand for other people: nginx limits per client
address. A second nginx in front (listening on its own port, connecting from 127.0.0.9, the one trusted proxy)
stands for a hospital's TLS proxy or a load balancer."""
from __future__ import annotations

import asyncio
import http.client
import importlib.util
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pytest

from dashboard.bench import load
from tests.conftest import require_tool
from tests.e2e.conftest import charts, free_port, settle, wait_healthy

from . import visitors

ROOT = Path(__file__).resolve().parents[2]
FRONT_PROXY = "127.0.0.9"  # the front proxy connects from here: the one address the scale-out trusts
FRONT_CONF = """worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log crit;
worker_rlimit_nofile 16384;
events {{ worker_connections 8192; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    map $http_upgrade $connection_upgrade {{ default upgrade; "" close; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{to};
            proxy_bind {bind};
            proxy_http_version 1.1;
            proxy_buffering off;
            proxy_read_timeout 90s;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }}
    }}
}}
"""


class Setup(NamedTuple):
    url: str  # nginx of the scale-out
    prefix: Path  # its folder: nginx.conf, upstreams.conf, logs, pid files
    backends: tuple[int, int]
    front: str  # the front proxy in front of it
    data: Path  # the data folder the dashboard processes serve (a copy: one test breaks a file in it)


def free_ports(count: int) -> list[int]:
    ports: list[int] = []
    while len(ports) < count:
        port = free_port()
        if all(abs(port - p) > 1 for p in ports):  # the backends take the port after the first one too
            ports.append(port)
    return ports


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    nginx = require_tool("nginx", "/usr/sbin/nginx", needed_for="the scale-out test")
    # 1,000 held-open sessions and a flood of 2,000 websockets: this process's open files
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 16384)), hard))
    port, first, front = free_ports(3)
    folder = tmp_path_factory.mktemp("scale")
    prefix_file, data, front_dir = folder / "prefix", folder / "data", folder / "front"
    shutil.copytree(ROOT / "data", data)
    env = dict(os.environ, PORT=str(port), FIRST_BACKEND_PORT=str(first), SCALE_OUT_PREFIX_FILE=str(prefix_file),
               MS_DASHBOARD_DATA=str(data), TRUSTED_PROXIES=f"{FRONT_PROXY}/32")
    process = subprocess.Popen(["bash", "scripts/scale-out.sh", "2"], cwd=ROOT, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (front_dir / sub).mkdir(parents=True)
    (front_dir / "nginx.conf").write_text(FRONT_CONF.format(dir=front_dir, port=front, to=port, bind=FRONT_PROXY))
    proxy = subprocess.Popen([nginx, "-p", str(front_dir), "-c", str(front_dir / "nginx.conf"), "-g", "daemon off;"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, seconds=180)
        deadline = time.monotonic() + 10
        while not prefix_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        wait_healthy(f"http://127.0.0.1:{front}", seconds=30)
        yield Setup(url, Path(prefix_file.read_text().strip()), (first, first + 1), f"http://127.0.0.1:{front}", data)
    finally:
        proxy.terminate()
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        proxy.wait(timeout=30)


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
    url, prefix, backends = scaled[:3]
    result = in_thread(load("nginx", url, "", "", 40, 120, None, 0))
    assert result.failures == []
    assert len(result.times) == 40
    log_lines(prefix, 40, "/_stcore/stream")  # a websocket's line is written when it closes: wait for all 40
    used = set(upstreams(prefix))
    assert used == {f"127.0.0.1:{port}" for port in backends}


def test_a_browser_keeps_its_process(scaled):
    url, prefix = scaled[:2]
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

    url, prefix = scaled[:2]
    package = Path(streamlit.__file__).parent / "static"
    script = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', (package / "index.html").read_text()).group(1)
    request = urllib.request.Request(f"{url}/{script}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]
        body = gzip.decompress(response.read())
    assert body == (package / script).read_bytes()
    served = log_lines(prefix, 1, script)  # nginx writes the line as the request ends: wait for it, with a deadline
    assert served and all("upstream=- " in line or line.endswith("upstream=-") for line in served)  # no Python process involved


def test_a_real_browser_gets_the_whole_dashboard_through_nginx(scaled, page):
    url = scaled.url
    page.goto(f"{url}/?page=side-effects&treatments=Ocrelizumab")
    settle(page)
    assert charts(page, at_least=1).count() >= 1  # Plotly's script too came from nginx's copy, as a module
    assert page.console_errors == []


def test_the_static_edition_comes_from_nginx_beside_the_live_app(scaled):
    import gzip

    from dashboard.bench import static_edition_paths, static_views

    url, prefix = scaled[:2]
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
    served = log_lines(prefix, len(paths), "/static-edition/")
    assert served and all("upstream=- " in line or line.endswith("upstream=-") for line in served)  # no Python


def test_a_real_browser_draws_the_static_edition_through_nginx_under_its_security_headers(scaled, page):
    url = scaled.url
    page.goto(f"{url}/static-edition/compare/ocrelizumab--ofatumumab.html")
    page.locator("div.plot g.trace").first.wait_for(state="attached", timeout=20_000)
    # every chart drawn (one after another: on a busy machine the last ones come seconds after the first)
    from playwright.sync_api import expect  # a selector, not a script: the page's CSP forbids eval

    expect(page.locator("div.plot:not(.js-plotly-plot)")).to_have_count(0, timeout=60_000)
    assert page.locator("div.plot.js-plotly-plot").count() == page.locator("div.plot").count() > 0
    assert page.console_errors == []  # no script or style refused by the Content-Security-Policy


HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy")


@pytest.mark.parametrize("path, status", [("/", 200), ("/_stcore/health", 200), ("/ready", 200),
                                          ("/static/no-such-file.js", 404), ("/_stcore/metrics", 404)])
def test_security_headers_on_every_response_once(scaled, path, status):
    url = scaled.url
    got, headers, _ = request(url, path)
    names = [name.lower() for name, _ in headers]
    assert got == status
    assert [names.count(h) for h in HEADERS] == [1] * len(HEADERS)  # nginx's, the process's own hidden
    csp = dict((n.lower(), v) for n, v in headers)["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert "strict-transport-security" not in names


def test_over_https_hsts_and_a_secure_routing_cookie(scaled):
    url = scaled.url
    plain = dict(request(url, "/_stcore/health")[1])
    secure = dict(request(url, "/_stcore/health", headers={"X-Forwarded-Proto": "https"})[1])
    assert "Secure" not in plain["Set-Cookie"]
    assert secure["Set-Cookie"].endswith("SameSite=Lax; Secure") and secure["Strict-Transport-Security"] == "max-age=31536000"


def test_logs_keep_no_client_address_and_no_query_string(scaled):
    url, prefix = scaled[:2]
    before = len(log_lines(prefix, 0))
    request(url, "/?page=pregnancy&treatments=Natalizumab", source="127.0.0.2")
    line = log_lines(prefix, before + 1)[-1]
    assert line.startswith("127.0.0.0/24 [") and '"GET /" 200' in line
    assert "127.0.0.2" not in line and "Natalizumab" not in line and "pregnancy" not in line
    assert "crit" in (prefix / "nginx.conf").read_text().split("error_log", 1)[1].split(";")[0]


def test_sized_for_2000_held_open_sessions(scaled):
    prefix = scaled.prefix
    conf = (prefix / "nginx.conf").read_text()
    connections = int(re.search(r"worker_connections (\d+);", conf).group(1))
    files = int(re.search(r"worker_rlimit_nofile (\d+);", conf).group(1))
    assert connections >= 2 * 2000 + 200 and files >= 2 * connections - 1  # two connections per session
    assert "127.0.0.0/8 0;" not in conf  # the load-test allow-list is off by default


def via(scaled: Setup, route: str) -> tuple[str, str]:
    """(url, client network prefix) of a route: straight to the scale-out's nginx, or through the front proxy."""
    return (scaled.url, "127.0.0") if route == "direct" else (scaled.front, "127.0.1")


@pytest.mark.parametrize("route", ["direct", "front proxy"])
def test_a_lecture_hall_behind_one_address_all_get_in(scaled, route):
    """1,000 visitors from one address arriving over 20 s: every one gets the page, its requests and a session
    (a tenth of them also run the start page: the sessions work, not just open)."""
    url, network = via(scaled, route)
    in_thread(visitors.crowd(url, 10, 1, f"{network}.7"))  # warm: each process has run the page
    hall = in_thread(visitors.crowd(url, 1000, 20, f"{network}.2", run_every=10))
    print(f"\nlecture hall, {route}: {hall.summary()}")
    assert hall.failures == [] and hall.statuses == {}
    assert len(hall.times) == 1000 and len(hall.runs) == 100
    assert hall.p(0.95) < 60


async def flood_and_visit(url: str, network: str) -> tuple[list, visitors.Crowd, visitors.Crowd, visitors.Crowd]:
    """From one address: 2,000 idle websockets, and GET / hammered meanwhile; from a second address, while those
    are held open, 5 whole visits."""
    hammering = asyncio.create_task(visitors.hammer(url, 15, f"{network}.3"))
    held, refused = await visitors.hold_idle_sessions(url, 2000, f"{network}.3")
    try:
        visit = await visitors.crowd(url, 5, 1, f"{network}.2")
    finally:
        visitors.close_all(held)
    return held, refused, visit, await hammering


@pytest.mark.parametrize("route", ["direct", "front proxy"])
def test_a_flood_from_one_address_does_not_keep_a_second_address_out(scaled, route):
    url, network = via(scaled, route)
    held, refused, visit, hammer = in_thread(flood_and_visit(url, network))
    print(f"\nflood, {route}: {len(held)} idle websockets held, refused {refused.statuses} {refused.failures[:2]}; "
          f"hammer: {len(hammer.times)} answered, refused {hammer.statuses}; second address: {visit.summary()}")
    assert len(held) <= 1200 and refused.statuses == {429: 2000 - len(held)}  # at most 1,200 open per address
    assert visit.failures == [] and len(visit.times) == 5 and len(visit.runs) == 5
    head = refused.refusal.lower()  # nginx's own 429 carries the security headers too
    assert head.startswith("http/1.1 429") and all(f"\r\n{h}:" in head for h in HEADERS)


def pid_of(prefix: Path, port: int) -> int:
    return int((prefix / f"dashboard-{port}.pid").read_text())


def supervisor_says(prefix: Path, text: str, after: int) -> bool:
    return text in (prefix / "supervisor.log").read_text()[after:]


def test_a_hung_process_stops_receiving_new_sessions_within_seconds(scaled):
    url, prefix, (hung, alive) = scaled[:3]
    pid, said = pid_of(prefix, hung), len((prefix / "supervisor.log").read_text())
    os.kill(pid, signal.SIGSTOP)
    stopped = time.monotonic()
    try:
        # The supervisor asks /ready every second: no answer three times running while it used no CPU -> taken out.
        wait_for("the supervisor takes the stopped process out",
                 lambda: supervisor_says(prefix, f"port {hung}: down (new sessions elsewhere): no answer", said), 60)
        print(f"\nstopped process out of the upstream after {time.monotonic() - stopped:.1f} s")
        before = len(log_lines(prefix, 0))
        sessions = in_thread(load("after SIGSTOP", url, "", "", 10, 30, None, 0, source="127.0.0.4"))
        assert sessions.failures == [] and len(sessions.times) == 10
        assert len(log_lines(prefix, before + 10)) >= before + 10  # written as each websocket closes: waited for
        assert set(upstreams(prefix)[-10:]) == {f"127.0.0.1:{alive}"}
    finally:
        os.kill(pid, signal.SIGCONT)
    wait_for("the process is back once it answers", lambda: supervisor_says(prefix, f"port {hung}: ready", said), 60)


def test_a_dead_process_is_started_again(scaled):
    url, prefix, (dead, _) = scaled[:3]
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


def raw(url: str, data: bytes, source: str = "127.0.0.1") -> str:
    """Send `data` as it is (a request nginx refuses before any location) and return the answer's head."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30, source_address=(source, 0)) as connection:
        connection.sendall(data)
        answer = b""
        while b"\r\n\r\n" not in answer and (chunk := connection.recv(65536)):
            answer += chunk
    return answer.split(b"\r\n\r\n", 1)[0].decode("latin-1")


@pytest.mark.parametrize("status, data", [
    (301, b"GET /static-edition HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    (400, b"GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\nConnection: close\r\n\r\n"),
    (405, b"POST /static-edition/index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    (414, b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
])
def test_security_headers_on_nginx_own_replies(scaled, status, data):
    head = raw(scaled.url, data).lower()  # (429: the flood test above)
    assert head.startswith(f"http/1.1 {status}")
    assert [head.count(f"\r\n{h}:") for h in HEADERS] == [1] * len(HEADERS)


def client_network_logged(scaled: Setup, url: str, source: str, forwarded: str) -> str:
    before = len(log_lines(scaled.prefix, 0))
    status, _, _ = request(url, "/_stcore/health", source=source, headers={"X-Forwarded-For": forwarded})
    assert status == 200
    return log_lines(scaled.prefix, before + 1)[-1].split(" ", 1)[0]


def test_the_client_address_comes_from_the_trusted_proxy_only(scaled):
    # Through the trusted front proxy: the client it names (127.0.1.5), never what the client wrote itself.
    assert client_network_logged(scaled, scaled.front, "127.0.1.5", "10.9.8.7") == "127.0.1.0/24"
    # Straight from a client that is not a trusted proxy: its X-Forwarded-For is ignored.
    assert client_network_logged(scaled, scaled.url, "127.0.2.5", "10.9.8.7") == "127.0.2.0/24"
    conf = (scaled.prefix / "nginx.conf").read_text()
    assert f"set_real_ip_from {FRONT_PROXY}/32;" in conf and "real_ip_recursive on;" in conf


def render():
    spec = importlib.util.spec_from_file_location("render", ROOT / "deploy" / "nginx" / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_proxy_is_trusted_unless_the_operator_names_it():
    module = render()
    default = module.render("/p", "127.0.0.1:8500", "16384", "", "")
    assert "set_real_ip_from" not in default and "real_ip_header" not in default
    named = module.render("/p", "127.0.0.1:8500", "16384", "", "10.0.0.0/8, 192.168.1.7 2001:db8::/32")
    assert re.findall(r"set_real_ip_from (\S+);", named) == ["10.0.0.0/8", "192.168.1.7/32", "2001:db8::/32"]
    with pytest.raises(SystemExit, match="not an IP address"):
        module.render("/p", "127.0.0.1:8500", "16384", "", "10.0.0.0/8 proxy.example")
    # every location either repeats the security headers or has no add_header at all (then it inherits them)
    for block in re.findall(r"location [^{]+\{(.*?)\n        \}", default, re.S):
        assert "add_header" not in block or all(f"add_header {h}" in block for h in
                                                   ("Content-Security-Policy", "X-Content-Type-Options"))


def break_a_data_file(data: Path) -> tuple[Path, str]:
    path = sorted((data / "treatments").glob("*.yaml"))[0]
    text = path.read_text()
    path.write_text(text + "\nthis line: [is not valid\n")
    return path, text


def wait_for(what: str, check, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    pytest.fail(f"{what}: not within {seconds:.0f} s")


def ready_answer(port: int) -> int | None:
    try:
        return request(f"http://127.0.0.1:{port}", "/ready", timeout=3)[0]
    except OSError:
        return None


def test_a_backend_that_is_not_ready_gets_no_new_sessions(scaled):
    url, prefix, (broken, good) = scaled[:3]
    path, text = break_a_data_file(scaled.data)
    try:
        pid = pid_of(prefix, broken)
        os.kill(pid, signal.SIGTERM)  # restarted by the supervisor: it cannot load the knowledge now
        wait_for("the restarted process answers /ready with 503",
                 lambda: pid_of(prefix, broken) != pid and ready_answer(broken) == 503)
        assert f"127.0.0.1:{broken} max_fails=0 down;" in (prefix / "upstreams.conf").read_text()
        assert ready_answer(good) == 200  # the running one keeps its knowledge
        before = len(log_lines(prefix, 0))
        visit = in_thread(visitors.crowd(url, 30, 2, "127.0.0.6", run_every=1))
        assert visit.failures == [] and len(visit.runs) == 30  # 30 new visitors, every one served
        lines = log_lines(prefix, before + 30 * 5)[before:]
        reached = {re.search(r"upstream=(.*)$", line).group(1) for line in lines if '"GET /static/' not in line}
        assert reached == {f"127.0.0.1:{good}"}  # none of them reached the process that is not ready
    finally:
        path.write_text(text)
    # Fixed: it answers 200 again (it tries again every 5 s), the supervisor puts it back and new visitors reach it.
    wait_for("the supervisor puts the process back",
             lambda: f"{broken}: ready" in (prefix / "supervisor.log").read_text().rsplit("exited", 1)[-1])
    before = len(log_lines(prefix, 0))
    again = in_thread(visitors.crowd(url, 30, 2, "127.0.0.6", run_every=1))
    assert again.failures == []
    lines = log_lines(prefix, before + 30 * 5)[before:]
    assert any(f"upstream=127.0.0.1:{broken}" in line for line in lines)
