"""`python -m dashboard bench`: many new sessions at once over Streamlit's own websocket protocol.

It starts the dashboard (or uses --url) and, in the same run, a minimal Streamlit page as a yardstick
(dashboard/yardstick/minimal_app.py, same config file and flags); opens N concurrent sessions on /_stcore/stream,
asks each for a script run of a page and waits for `script_finished`, holding every session open until all have
finished. What it measures is the server: its CPU time (user + system, /proc) from the first connection to the last
finished run, divided by the sessions, in pairs of rounds with the minimal page (which one goes first alternates;
the ratio is the median of the pairs' ratios); before every round both servers must be idle, so no round pays for
the teardown of another, and a pair during which other processes kept the machine busy is measured again.
`--check` does this for every page and holds each to its budget. It also prints p50/p95 time to a finished run,
sessions per second, failures, server memory (RSS) before and with the sessions open, and the knowledge's load
time in a fresh process. `--reruns` also times one user's reruns of every page and main
interaction (AppTest, in process).
Needs the test requirements (websockets): pip install -r requirements-test.txt
"""
from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", help="benchmark a running dashboard here instead of starting one (no memory figures)")
    parser.add_argument("--sessions", type=int, default=200, help="concurrent new sessions (default 200)")
    parser.add_argument("--page", default="", help="page, e.g. side-effects, asked for as a shared link does (?page=...)")
    parser.add_argument("--query", default="", help="query string for every session, e.g. treatments=Ocrelizumab")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a session may take before it counts as failed")
    parser.add_argument("--ttl", type=int, default=2, help="disconnected-session TTL of the servers started here (s)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the minimal-page yardstick")
    parser.add_argument("--rounds", type=int, default=None,
                        help="pairs of rounds (our page, minimal page), which goes first alternating; the ratio is the "
                             "median of the pairs' ratios (default 3; 7 with --check)")
    parser.add_argument("--reruns", type=int, default=0, help="also time N single-user reruns of each page and interaction")
    parser.add_argument("--static-edition", action="store_true",
                        help="with --url of the nginx setup: also static-edition page views per second through it")
    parser.add_argument("--static-seconds", type=float, default=10, help="how long to load the static edition (s)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--check", action="store_true",
                        help="every page against its budget (landing <= 1.6 x the minimal page, others <= 2.5 x); "
                             "exit 1 when one is over")
    parser.add_argument("--readme", type=Path, metavar="JSON",
                        help="rewrite docs/performance.md's figures table from a --check --json file, then stop")
    parser.add_argument("--no-startup", action="store_true", help="skip the knowledge load timing")


@dataclass
class Load:
    """What N concurrent sessions saw."""

    name: str
    times: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    wall: float = 0.0
    cpu_s: float | None = None  # server CPU time (user + system) spent while the sessions ran
    other_cpu_s: float | None = None  # CPU time the rest of the machine spent meanwhile (neither server nor client)
    rss_mb: dict[str, float] = field(default_factory=dict)

    def p(self, q: float) -> float:
        if not self.times:
            return float("nan")
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]

    @property
    def per_second(self) -> float:
        return len(self.times) / self.wall if self.wall else 0.0

    @property
    def cpu_ms_per_session(self) -> float | None:
        return self.cpu_s * 1000 / len(self.times) if self.cpu_s is not None and self.times else None

    @property
    def other_busy(self) -> float:
        """The rest of the machine's CPU use during the round, in cores (0.1: a tenth of one core)."""
        return (self.other_cpu_s or 0.0) / self.wall if self.wall else 0.0

    def summary(self) -> dict:
        return {"page": self.name, "sessions": len(self.times) + len(self.failures), "failures": len(self.failures),
                "p50_s": round(self.p(0.5), 3), "p95_s": round(self.p(0.95), 3), "sessions_per_s": round(self.per_second, 1),
                "wall_s": round(self.wall, 2),
                "cpu_ms_per_session": None if self.cpu_ms_per_session is None else round(self.cpu_ms_per_session, 1),
                "rss_mb": self.rss_mb, "failure_examples": self.failures[:3]}


async def one_session(ws_url: str, page: str, query: str, timeout: float, result: Load, release: asyncio.Event,
                      source: str | None = None) -> None:
    """Open a session (from the local address `source`, if given), ask for a run of `page`, record the seconds to
    script_finished; stay open until `release`."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ClientState_pb2 import ClientState
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    start = time.perf_counter()
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout,
                                      ping_interval=None, **({"local_addr": (source, 0)} if source else {})) as ws:
            await ws.send(BackMsg(rerun_script=ClientState(query_string=query, page_name=page)).SerializeToString())
            async with asyncio.timeout(timeout):
                while True:
                    message = ForwardMsg.FromString(await ws.recv())
                    kind = message.WhichOneof("type")
                    if kind == "page_not_found":
                        raise RuntimeError(f"page not found: {page!r}")
                    if kind == "delta" and message.delta.WhichOneof("type") == "new_element" \
                            and message.delta.new_element.WhichOneof("type") == "exception":
                        raise RuntimeError("exception element: " + message.delta.new_element.exception.message[:120])
                    if kind == "script_finished":
                        status = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
                        if status == "FINISHED_SUCCESSFULLY":
                            break
                        if status != "FINISHED_EARLY_FOR_RERUN":
                            raise RuntimeError(status)
            result.times.append(time.perf_counter() - start)
            await release.wait()
    except Exception as error:  # noqa: BLE001  a failed session is counted and described, not raised
        result.failures.append(f"{type(error).__name__}: {error}"[:200])


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of a process so far (Linux /proc)."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU time all of the machine's cores have spent busy so far (Linux /proc/stat: all but idle and I/O wait)."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = (
        int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def wait_idle(pids: list[int | None], quiet_s: float = 0.5, most_ms: float = 10, limit_s: float = 60) -> None:
    """Until every server has used at most `most_ms` of CPU over `quiet_s`: the last round's sessions are torn down
    and nothing of it is left to be counted in the next (on a noisy machine it gives up after `limit_s`)."""
    pids = [pid for pid in pids if pid is not None]
    deadline = time.monotonic() + limit_s
    while pids and time.monotonic() < deadline:
        before = [cpu_seconds(pid) or 0.0 for pid in pids]
        time.sleep(quiet_s)
        if all(((cpu_seconds(pid) or 0.0) - b) * 1000 <= most_ms for pid, b in zip(pids, before)):
            return


async def load(name: str, base: str, page: str, query: str, sessions: int, timeout: float, pid: int | None,
               ttl: int | None, quiet: tuple[int | None, ...] = (), source: str | None = None) -> Load:
    """N concurrent new sessions on one page; the server's CPU time they cost from the first connection to the last
    finished run; memory before and with all open, and (when `ttl` is not None) after they closed and the TTL
    passed. Before the surge the servers in `quiet` (and this one) must be idle. `source`: the local address the
    sessions come from."""
    ws_url = base.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
    opened = asyncio.Event()
    opened.set()
    await one_session(ws_url, page, query, timeout, Load("warm-up"), opened, source)  # imports and caches warm
    await asyncio.to_thread(wait_idle, [pid, *quiet]) if pid is not None else await asyncio.sleep(1)
    result = Load(name)
    result.rss_mb["before"] = rss_mb(pid)
    release = asyncio.Event()
    cpu_before = cpu_seconds(pid)
    busy_before, client_before = machine_busy_seconds(), time.process_time()
    start = time.perf_counter()
    tasks = [asyncio.create_task(one_session(ws_url, page, query, timeout, result, release, source))
             for _ in range(sessions)]
    while len(result.times) + len(result.failures) < sessions:
        await asyncio.sleep(0.01)
    result.wall = time.perf_counter() - start
    if cpu_before is not None:
        result.cpu_s = cpu_seconds(pid) - cpu_before
        result.other_cpu_s = machine_busy_seconds() - busy_before - result.cpu_s - (time.process_time() - client_before)
    result.rss_mb["open"] = rss_mb(pid)
    release.set()
    await asyncio.gather(*tasks)
    if pid is not None and ttl is not None:
        await asyncio.sleep(ttl + 5)
        result.rss_mb["closed_after_ttl"] = rss_mb(pid)
    return result


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(script: str, ttl: int) -> tuple[subprocess.Popen, str]:
    """A Streamlit server as the README runs it: started from the project folder, so it reads the same
    .streamlit/config.toml (both the dashboard and the yardstick), on a free loopback port."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.disconnectedSessionTTL", str(ttl)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"{script} did not start")


def print_load(load_: Load) -> None:
    mem = ", ".join(f"{k} {v} MB" for k, v in load_.rss_mb.items() if v is not None) or "not measured"
    cpu = f"{load_.cpu_ms_per_session:.1f} ms server CPU per session; " if load_.cpu_ms_per_session is not None else ""
    if load_.other_cpu_s is not None:
        cpu += f"rest of the machine {load_.other_busy:.0%} of a core; "
    print(f"  {load_.name}: {len(load_.times)} finished, {len(load_.failures)} failed; time to finished run p50 "
          f"{load_.p(0.5):.2f} s, p95 {load_.p(0.95):.2f} s; {load_.per_second:.1f} sessions/s; {cpu}RSS {mem}")
    for failure in load_.failures[:3]:
        print(f"    failure: {failure}")


def choose_events(at) -> None:
    """The side-effect picker's interaction: open its popover if it is closed (the picker is drawn when opened), then
    choose other side effects."""
    if "w_events" not in [m.key for m in at.multiselect]:
        at.session_state["w_events_open"] = True
        at.run()
    picker = at.multiselect(key="w_events")
    picker.set_value(["headache"] if len(picker.value) != 1 else ["headache", "fatigue"])


def reruns(samples: int) -> list[dict]:
    """One user's rerun of every page and main interaction, in process (AppTest): script time, p50 and p95."""
    import logging

    from streamlit.testing.v1 import AppTest

    for name in ("streamlit", "streamlit.runtime.scriptrunner_utils.script_run_context"):
        logging.getLogger(name).setLevel(logging.ERROR)  # AppTest outside a server warns about a missing context

    app = str(ROOT / "dashboard" / "app.py")
    pair = {"treatments": ["Ocrelizumab", "Natalizumab"]}
    from components.frame.navigation import PAGES

    cases = [(f"open {page}", page, pair, None) for page, *_ in PAGES]
    other = lambda value, a, b: b if value == a else a  # noqa: E731
    cases += [
        ("overview: switch view", "screens/overview.py", pair, lambda at: at.segmented_control(key="w_view").set_value(
            other(at.segmented_control(key="w_view").value, "Patient", "Clinician"))),
        ("overview: choose treatments", "screens/overview.py", pair, lambda at: at.multiselect(key="w_treatments").set_value(
            ["ofatumumab", "alemtuzumab", "rituximab"] if len(at.multiselect(key="w_treatments").value) == 2
            else ["ocrelizumab", "natalizumab"])),
        ("side effects: choose events", "screens/adverse_events.py", pair, choose_events),
        ("side effects: show as table", "screens/adverse_events.py", pair,
         lambda at: (lambda t: t.set_value(not t.value))(at.toggle(key="as_tables"))),
        ("pml: switch view", "screens/pml_infections.py", pair, lambda at: at.segmented_control(key="w_view").set_value(
            other(at.segmented_control(key="w_view").value, "Patient", "Clinician"))),
    ]
    figures = []
    for name, page, params, act in cases:
        at = AppTest.from_file(app, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        at.switch_page(page).run()
        times = []
        for _ in range(samples):
            if act:
                act(at)
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
            if at.exception:
                raise RuntimeError(f"{name}: exception {at.exception[0].value}")
        ordered = sorted(times)
        p50 = ordered[len(ordered) // 2] * 1000
        p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))] * 1000
        figures.append({"interaction": name, "p50_ms": round(p50, 1), "p95_ms": round(p95, 1)})
        print(f"  {name:32s} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")
        gc.collect()
    return figures


async def static_views(base: str, paths: list[str], seconds: float, connections: int = 64) -> dict:
    """Page views per second of the static edition: `connections` keep-alive HTTP/1.1 clients fetching its HTML
    pages (gzip, as browsers ask) in turn for `seconds`. A page view is one HTML page; plotly.min.js is fetched once
    per browser and cached, so it is not counted. The client runs on the same machine: a lower bound."""
    from urllib.parse import urlsplit

    where = urlsplit(base)
    done, failed, sizes = [0], [0], []
    deadline = time.perf_counter() + seconds

    async def client(offset: int) -> None:
        index, connection = offset, None
        while time.perf_counter() < deadline:
            if connection is None:  # nginx closes a keep-alive connection after keepalive_requests: open another
                connection = await asyncio.open_connection(where.hostname, where.port or 80)
            reader, writer = connection
            path = paths[index % len(paths)]
            index += 1
            try:
                writer.write(f"GET {path} HTTP/1.1\r\nHost: {where.netloc}\r\nAccept-Encoding: gzip\r\n\r\n".encode())
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.split(b"\r\n")
                length = int(next(line.split(b":", 1)[1] for line in lines if line.lower().startswith(b"content-length:")))
                await reader.readexactly(length)
            except (asyncio.IncompleteReadError, ConnectionError):
                writer.close()
                connection = None
                continue
            if int(lines[0].split(b" ", 2)[1]) == 200:
                done[0] += 1
                sizes.append(length)
            else:
                failed[0] += 1
            if any(line.lower() == b"connection: close" for line in lines):
                writer.close()
                connection = None
        if connection is not None:
            connection[1].close()

    start = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(connections)))
    wall = time.perf_counter() - start
    return {"page_views": done[0], "failures": failed[0], "seconds": round(wall, 2),
            "page_views_per_s": round(done[0] / wall, 1), "connections": connections, "pages": len(paths),
            "mean_kb_gzip": round(statistics.mean(sizes) / 1024, 1) if sizes else None}


def static_edition_paths() -> list[str]:
    """The static edition's page paths below /static-edition/, as scripts/scale-out.sh writes them."""
    from dashboard.export.site import most_compared_pairs
    from dashboard.knowledge import load_knowledge

    knowledge = load_knowledge()
    paths = ["index.html", "sources.html"] + [f"treatments/{i}.html" for i in knowledge.treatment_ids()]
    paths += [f"compare/{a}--{b}.html" for a, b in most_compared_pairs(knowledge)]
    return ["/static-edition/" + p for p in paths]


def startup(samples: int = 5) -> tuple[float, float]:
    """Seconds to import the knowledge layer, then to load and validate data/ once, each in a fresh process; the
    median of `samples` processes."""
    code = ("import time; t=time.perf_counter(); from dashboard.knowledge import load_knowledge; i=time.perf_counter(); "
            "load_knowledge(); print(i-t, time.perf_counter()-i)")
    runs = []
    for _ in range(samples):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        runs.append(tuple(float(x) for x in out.stdout.split()))
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


# The budgets of issue 14: server CPU per new session as a multiple of the minimal page's.
LANDING_BUDGET, PAGE_BUDGET = 1.6, 2.5
KNOWLEDGE_BUDGET_MS, MEMORY_BUDGET_MB = 300, 50  # load + validation in a fresh process; per 100 open sessions
CHECK_ROUNDS = 7  # the median of 7 pairs: on a shared machine single pairs differ by up to 20%
# A pair during which the rest of the machine (neither server nor this client) used more than this share of a core
# is measured again, at most MOST_REMEASURED times a page: another process's work on two cores moved a page's ratio
# by 0.7 between runs of unchanged code. On a quiet machine the rest stays within about 7% (the counters' grain).
DISTURBED, MOST_REMEASURED = 0.25, 7
PAIR = "treatments=ocrelizumab&treatments=natalizumab"  # the risk views are measured with 2 treatments chosen


def pages_to_check() -> list[tuple[str, str, float]]:
    """(url path, query, budget) for every page of the navigation: the landing page as a new visitor opens it,
    every other page as a shared link with two treatments opens it."""
    from components.frame.navigation import PATHS

    return [(PATHS[0], "", LANDING_BUDGET)] + [(path, f"page={path}&{PAIR}", PAGE_BUDGET) for path in PATHS[1:]]


def measure_page(name: str, query: str, budget: float, args: argparse.Namespace, yard: str | None,
                 yard_pid: int | None) -> dict:
    """Rounds of (our page, minimal page) on a dashboard server of its own, so every page starts from a fresh
    process and its memory figure is its own."""
    servers = []
    try:
        if args.url:
            ours, pid = args.url, None
        else:
            process, ours = start_server("dashboard/server.py", args.ttl)
            servers.append(process)
            pid = process.pid
        rounds = 1 if not yard else max(1, args.rounds)
        measured, minimal, disturbed = [], [], []
        index = 0
        while index - len(disturbed) < rounds and index < rounds + MOST_REMEASURED:
            last = index - len(disturbed) == rounds - 1 and not args.check  # memory after the TTL: in a single-page run

            def page_round() -> None:
                measured.append(asyncio.run(load(name, ours, "", query, args.sessions, args.timeout, pid,
                                                 args.ttl if last else None, quiet=(yard_pid,))))
                print_load(measured[-1])

            def minimal_round() -> None:
                minimal.append(asyncio.run(load("minimal page", yard, "", "", args.sessions, args.timeout, yard_pid,
                                                None, quiet=(pid,))))
                print_load(minimal[-1])

            # Page first in even rounds, yardstick first in odd ones (ABBA): a machine that slows down or speeds up
            # during a pair of rounds weighs on both sides alike.
            order = (page_round, minimal_round) if index % 2 == 0 else (minimal_round, page_round)
            for one in order if yard else (page_round,):
                one()
            if yard and max(measured[-1].other_busy, minimal[-1].other_busy) > DISTURBED:
                disturbed.append(index)
                print(f"  other processes used more than {DISTURBED:.0%} of a core during this pair: measured again")
            index += 1
    finally:
        for process in servers:
            process.terminate()
            process.wait(timeout=20)
    return summarise(name, query, budget, measured, minimal, disturbed, rounds)


def summarise(name: str, query: str, budget: float, measured: list[Load], minimal: list[Load],
              disturbed: tuple[int, ...] | list[int] = (), wanted: int = 0) -> dict:
    """The page's figures; the ratios from the pairs no other process disturbed (all of them if every one was)."""
    median = statistics.median
    figures = {"page": name, "query": query, "budget": budget, "rounds": len(measured),
               "failures": sum(len(m.failures) for m in measured) + sum(len(y.failures) for y in minimal),
               "failure_examples": [f for m in measured + minimal for f in m.failures][:3],
               "p50_s": round(median(m.p(0.5) for m in measured), 3),
               "p95_s": round(median(m.p(0.95) for m in measured), 3),
               "sessions_per_s": round(median(m.per_second for m in measured), 1)}
    first = measured[0].rss_mb
    if first.get("open") is not None and first.get("before") is not None:
        figures["rss_mb"] = measured[-1].rss_mb
        figures["memory_mb_per_100"] = round((first["open"] - first["before"]) * 100 / max(1, len(measured[0].times)), 1)
    cpu = [m.cpu_ms_per_session for m in measured]
    if all(cpu):
        figures["cpu_ms_per_session"] = [round(c, 2) for c in cpu]
    if minimal:
        figures["minimal_cpu_ms_per_session"] = [round(y.cpu_ms_per_session or 0, 2) for y in minimal]
        figures["rest_of_machine_cores"] = [round(max(m.other_busy, y.other_busy), 2) for m, y in zip(measured, minimal)]
        quiet = [(m, y) for i, (m, y) in enumerate(zip(measured, minimal)) if i not in disturbed]
        figures["quiet_pairs"], figures["pairs_wanted"] = len(quiet), wanted or len(quiet)
        quiet = quiet or list(zip(measured, minimal))
        figures["wall_ratio"] = round(median(m.wall / y.wall for m, y in quiet), 2)
        if all(cpu) and all(y.cpu_ms_per_session for y in minimal):
            figures["cost_ratio"] = round(median(m.cpu_ms_per_session / y.cpu_ms_per_session for m, y in quiet), 2)
            figures["cost_measure"] = "server CPU per session"
        else:
            figures["cost_ratio"], figures["cost_measure"] = figures["wall_ratio"], "time for all sessions"
    return figures


def over_budget(report: dict) -> list[str]:
    """What is over its budget, one line each."""
    lines = [f"{p['page']}: {p['cost_ratio']:.2f} x the minimal page, budget {p['budget']} x"
             for p in report["pages"] if p.get("cost_ratio") is not None and p["cost_ratio"] > p["budget"]]
    lines += [f"{p['page']}: {p['failures']} failed sessions, budget 0" for p in report["pages"] if p["failures"]]
    lines += [f"{p['page']}: only {p['quiet_pairs']} of {p['pairs_wanted']} pairs of rounds without other processes "
              f"busy on the machine: its figure is not a measure" for p in report["pages"]
              if p.get("quiet_pairs", 0) < p.get("pairs_wanted", 0)]
    lines += [f"{p['page']}: {p['memory_mb_per_100']} MB per 100 open sessions, budget {MEMORY_BUDGET_MB} MB"
              for p in report["pages"] if p.get("memory_mb_per_100", 0) > MEMORY_BUDGET_MB]
    load_ms = report.get("knowledge", {}).get("load_ms")
    if load_ms is not None and load_ms > KNOWLEDGE_BUDGET_MS:
        lines.append(f"knowledge load + validation: {load_ms} ms, budget {KNOWLEDGE_BUDGET_MS} ms")
    return lines


def run(args: argparse.Namespace) -> int:
    if args.readme:
        write_readme(json.loads(args.readme.read_text()))
        print(f"docs/performance.md: figures table rewritten from {args.readme}")
        return 0
    if args.rounds is None:
        args.rounds = CHECK_ROUNDS if args.check else 3
    report: dict = {"sessions": args.sessions, "rounds": args.rounds, "cpus": os.cpu_count(),
                    "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}
    if not args.no_startup:
        imports, loading = startup()
        report["knowledge"] = {"import_ms": round(imports * 1000), "load_ms": round(loading * 1000),
                               "budget_ms": KNOWLEDGE_BUDGET_MS}
        print(f"knowledge loaded and validated in {loading * 1000:.0f} ms (fresh process, median of 5; importing "
              f"pydantic, yaml and the models took another {imports * 1000:.0f} ms); budget {KNOWLEDGE_BUDGET_MS} ms")
    if args.check:
        pages = pages_to_check()
    else:
        query = "&".join(q for q in (f"page={args.page}" if args.page else "", args.query) if q)
        pages = [(args.page or "(landing)", query, PAGE_BUDGET if args.page else LANDING_BUDGET)]
    yard_server = yard = yard_pid = None
    try:
        if not args.no_baseline:
            yard_server, yard = start_server("dashboard/yardstick/server.py", args.ttl)
            yard_pid = yard_server.pid
        report["pages"] = []
        for name, query, budget in pages:
            print(f"{args.sessions} concurrent new sessions, page '{name}'" + (f" ?{query}" if query else "")
                  + (f", {args.rounds} pairs of rounds with the minimal page:" if yard else ":"), flush=True)
            figures = measure_page(name, query, budget, args, yard, yard_pid)
            report["pages"].append(figures)
            if "cost_ratio" in figures:
                verdict = "over budget" if figures["cost_ratio"] > budget else "within budget"
                print(f"{name}: {figures['cost_ratio']:.2f} x the minimal page ({figures['cost_measure']}, median of "
                      f"{figures.get('quiet_pairs', figures['rounds'])} pairs), budget {budget} x: {verdict}; memory "
                      f"{figures.get('memory_mb_per_100', '?')} MB per 100 open sessions", flush=True)
    finally:
        if yard_server is not None:
            yard_server.terminate()
            yard_server.wait(timeout=20)
    measured_memory = [p["memory_mb_per_100"] for p in report["pages"] if "memory_mb_per_100" in p]
    if measured_memory:
        report["memory_mb_per_100_sessions"] = max(measured_memory)
        report["memory_budget_mb"] = MEMORY_BUDGET_MB
        print(f"memory per 100 open sessions: at most {max(measured_memory)} MB (budget {MEMORY_BUDGET_MB} MB)")
    report["over_budget"] = over_budget(report)
    for line in report["over_budget"]:
        print(f"OVER BUDGET {line}")
    if args.static_edition:
        if not args.url:
            print("--static-edition needs --url of the nginx setup (bash scripts/scale-out.sh)")
            return 2
        paths = static_edition_paths()
        static = asyncio.run(static_views(args.url, paths, args.static_seconds))
        report["static_edition"] = static
        live = report["dashboard"]["sessions_per_s"]
        print(f"static edition through nginx: {static['page_views_per_s']:.0f} page views/s ({static['page_views']} "
              f"views of {static['pages']} pages in {static['seconds']} s, {static['connections']} keep-alive "
              f"connections, {static['mean_kb_gzip']} KB gzip each, {static['failures']} failures), beside the live "
              f"app's {live} sessions/s")
    if args.reruns:
        print(f"single-user reruns ({args.reruns} each, in process, script time):")
        report["reruns"] = reruns(args.reruns)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    if args.check:
        return 1 if report["over_budget"] else 0
    return 1 if any(p["failures"] for p in report["pages"]) else 0


TABLE_START, TABLE_END = "<!-- bench figures: start (python -m dashboard bench --readme docs/bench.json) -->", \
    "<!-- bench figures: end -->"


def readme_table(report: dict) -> str:
    """The README's figures table, from a `bench --check --json` report."""
    rows = ["| Page | Server CPU per session (ms, rounds) | Minimal page (ms) | Ratio | Budget | p50 / p95 (s) "
            "| Sessions/s | MB per 100 open sessions |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for p in report["pages"]:
        verdict = "**over**" if p.get("cost_ratio", 0) > p["budget"] else "ok"
        rows.append(f"| {p['page']} | {', '.join(f'{c:.1f}' for c in p.get('cpu_ms_per_session', []))} "
                    f"| {', '.join(f'{c:.1f}' for c in p.get('minimal_cpu_ms_per_session', []))} "
                    f"| **{p.get('cost_ratio', float('nan')):.2f} x** | <= {p['budget']} x ({verdict}) "
                    f"| {p['p50_s']:.2f} / {p['p95_s']:.2f} | {p['sessions_per_s']:.0f} | {p.get('memory_mb_per_100', '')} |")
    knowledge = report.get("knowledge")
    again = sum(p["rounds"] - p["quiet_pairs"] for p in report["pages"] if "quiet_pairs" in p)
    lines = [f"{report['sessions']} concurrent new sessions per round, {report['rounds']} pairs of rounds with the "
             f"minimal page (which goes first alternates; the ratio is the median of the pairs' ratios), "
             f"{report['cpus']} CPUs (load average at start {report['load_average_at_start'][0]})"
             + (f"; pairs measured again because other processes kept the machine busy: {again}" if again else "")
             + ".", "",
             *rows, ""]
    if knowledge:
        lines.append(f"Knowledge load + validation in a fresh process: {knowledge['load_ms']} ms (budget "
                     f"{knowledge['budget_ms']} ms; importing pydantic, yaml and the models another "
                     f"{knowledge['import_ms']} ms).")
    if "memory_mb_per_100_sessions" in report:
        lines.append(f"Memory per 100 open sessions: at most {report['memory_mb_per_100_sessions']} MB (budget "
                     f"{report['memory_budget_mb']} MB).")
    lines.append("Over budget: " + ("; ".join(report["over_budget"]) if report["over_budget"] else "nothing") + ".")
    return "\n".join(lines)


def write_readme(report: dict, readme: Path = ROOT / "docs" / "performance.md") -> None:
    text = readme.read_text()
    before, rest = text.split(TABLE_START, 1)
    _, after = rest.split(TABLE_END, 1)
    readme.write_text(f"{before}{TABLE_START}\n{readme_table(report)}\n{TABLE_END}{after}")
