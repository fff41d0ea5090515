"""An independent check of `python -m dashboard bench`: the same question asked by different code.

    .venv/bin/python scripts/protocol_client.py                       # landing page vs a minimal page, 5 rounds
    .venv/bin/python scripts/protocol_client.py --page side-effects --query "treatments=ocrelizumab&treatments=natalizumab"
    .venv/bin/python scripts/protocol_client.py --with-bench          # and the project's bench in the same run

It shares no code with dashboard/bench.py: it writes its own minimal page (a title and one widget) to a folder of
its own, starts it and the dashboard (dashboard/server.py) inside the same st.App wrapper, with the project's config
file (`.streamlit/config.toml`, found from the working directory) and the same command-line flags, speaks RFC 6455 over plain asyncio sockets (no websocket
library, no compression offered, as the bench's client does not either), sends one `BackMsg.rerun_script` per
session and reads `ForwardMsg`s until `script_finished`. Each session stays open until all have finished. Before a
measurement both servers must be idle (no CPU used for a while), so no round pays for another's teardown. The
server's CPU time (user + system, /proc/PID/stat) from the first connection to the last `script_finished`, divided
by the sessions, is the cost per session; the ratio is the median over alternating rounds.

With --with-bench it also runs `python -m dashboard bench --json` on the same page between its own rounds, and
prints both ratios and their difference: the two must agree within 10% (exit status 1 if they do not).
"""
from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINIMAL_PAGE = 'import streamlit as st\n\nst.title("Minimal page")\nst.selectbox("One widget", ["a", "b", "c"])\n'
# Served as the dashboard is (dashboard/server.py): the same st.App wrapper, middleware and routes.
MINIMAL_SERVER = f"""import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
from starlette.middleware import Middleware
from starlette.routing import Route
from dashboard.headers import SecurityHeaders
from dashboard.readiness import ready
app = st.App("minimal.py", routes=[Route("/ready", ready)], middleware=[Middleware(SecurityHeaders)])
"""


# --- RFC 6455, the client side ---------------------------------------------------------------------------------

async def ws_open(host: str, port: int, source: str | None = None,
                  headers: str = "") -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """`source`: the local address to connect from; `headers`: more request header lines, each ending in CRLF."""
    reader, writer = await asyncio.open_connection(host, port, local_addr=(source, 0) if source else None)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write((f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                  f"Sec-WebSocket-Protocol: streamlit\r\n{headers}\r\n").encode())
    head = await reader.readuntil(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1.1 101"):
        refused = ConnectionError(head.split(b"\r\n", 1)[0].decode(errors="replace"))
        refused.head = head.decode(errors="replace")  # the whole answer, headers included
        raise refused
    return reader, writer


def ws_frame(opcode: int, payload: bytes) -> bytes:
    """A masked client frame (clients must mask)."""
    mask = os.urandom(4)
    size = len(payload)
    head = bytes([0x80 | opcode])
    if size < 126:
        head += bytes([0x80 | size])
    elif size < 1 << 16:
        head += bytes([0x80 | 126]) + struct.pack("!H", size)
    else:
        head += bytes([0x80 | 127]) + struct.pack("!Q", size)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload)) if size < 4096 else \
        (int.from_bytes(payload, "big") ^ int.from_bytes((mask * (size // 4 + 1))[:size], "big")).to_bytes(size, "big")
    return head + mask + masked


async def ws_message(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bytes:
    """The next whole data message; answers pings on the way."""
    parts = []
    while True:
        first, second = await reader.readexactly(2)
        size = second & 0x7F
        if size == 126:
            size = struct.unpack("!H", await reader.readexactly(2))[0]
        elif size == 127:
            size = struct.unpack("!Q", await reader.readexactly(8))[0]
        payload = await reader.readexactly(size)  # server frames are not masked
        opcode = first & 0x0F
        if opcode == 0x9:
            writer.write(ws_frame(0xA, payload))
            continue
        if opcode == 0x8:
            raise ConnectionError("closed by the server")
        if opcode in (0x1, 0x2, 0x0):
            parts.append(payload)
            if first & 0x80:
                return b"".join(parts)


# --- one session, many sessions ---------------------------------------------------------------------------------

async def run_page(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, query: str) -> None:
    """One run of the page `query` names, read until it has finished (RuntimeError if it did not finish well)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    back = BackMsg()
    back.rerun_script.query_string = query
    writer.write(ws_frame(0x2, back.SerializeToString()))
    while True:
        forward = ForwardMsg.FromString(await ws_message(reader, writer))
        kind = forward.WhichOneof("type")
        if kind == "page_not_found":
            raise RuntimeError("page not found")
        if kind == "delta" and forward.delta.new_element.WhichOneof("type") == "exception":
            raise RuntimeError("exception on the page")
        if kind == "script_finished":
            if forward.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                raise RuntimeError(ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished))
            return


async def session(host: str, port: int, query: str, finished: list, failed: list, release: asyncio.Event) -> None:
    writer = None
    try:
        reader, writer = await ws_open(host, port)
        await run_page(reader, writer, query)
        finished.append(time.perf_counter())
        await release.wait()
        writer.write(ws_frame(0x8, struct.pack("!H", 1000)))
        await writer.drain()
    except Exception as error:  # noqa: BLE001  counted, not raised
        failed.append(f"{type(error).__name__}: {error}")
    finally:
        if writer is not None:
            writer.close()


def cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(pids: list[int], quiet_s: float = 0.5, max_ms: float = 10, limit_s: float = 60) -> None:
    """Until every server has used at most `max_ms` of CPU over `quiet_s` (its last round torn down)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        before = [cpu(pid) for pid in pids]
        time.sleep(quiet_s)
        if all((cpu(pid) - b) * 1000 <= max_ms for pid, b in zip(pids, before)):
            return


async def surge(port: int, pid: int, query: str, sessions: int) -> dict:
    """N sessions at once; server CPU from the first connect to the last script_finished, per session."""
    finished, failed, release = [], [], asyncio.Event()
    await session("127.0.0.1", port, query, [], [], _set_event())  # warm-up: imports and caches
    await asyncio.sleep(0.2)
    start_cpu, start = cpu(pid), time.perf_counter()
    tasks = [asyncio.create_task(session("127.0.0.1", port, query, finished, failed, release)) for _ in range(sessions)]
    while len(finished) + len(failed) < sessions:
        await asyncio.sleep(0.01)
    spent = cpu(pid) - start_cpu
    wall = time.perf_counter() - start
    release.set()
    await asyncio.gather(*tasks)
    ok = len(finished)
    return {"sessions": sessions, "failures": len(failed), "failure_examples": failed[:3], "wall_s": round(wall, 3),
            "cpu_ms_per_session": round(spent * 1000 / ok, 2) if ok else None}


def _set_event() -> asyncio.Event:
    event = asyncio.Event()
    event.set()
    return event


# --- servers -----------------------------------------------------------------------------------------------------

def serve(script: Path, ttl: int) -> tuple[subprocess.Popen, int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
                                "--server.address", "127.0.0.1", "--server.disconnectedSessionTTL", str(ttl)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).close()
            return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{script} did not start")


def measure(page: str, query: str, sessions: int, rounds: int, ttl: int, between=None, minimal_script: Path | None = None,
            idle: bool = True) -> dict:
    query = "&".join(q for q in (f"page={page}" if page else "", query) if q)
    with tempfile.TemporaryDirectory() as folder:
        if minimal_script is None:
            (Path(folder) / "minimal.py").write_text(MINIMAL_PAGE)  # a folder of its own: no pages/ beside it
            minimal_script = Path(folder) / "server.py"
            minimal_script.write_text(MINIMAL_SERVER)
        ours, ours_port = serve(ROOT / "dashboard" / "server.py", ttl)
        minimal, minimal_port = serve(minimal_script, ttl)
        pids = [ours.pid, minimal.pid]
        rows = []
        try:
            for index in range(rounds):
                if idle:
                    wait_idle(pids)
                dashboard = asyncio.run(surge(ours_port, ours.pid, query, sessions))
                if idle:
                    wait_idle(pids)
                yardstick = asyncio.run(surge(minimal_port, minimal.pid, "", sessions))
                ratio = (dashboard["cpu_ms_per_session"] / yardstick["cpu_ms_per_session"]
                         if dashboard["cpu_ms_per_session"] and yardstick["cpu_ms_per_session"] else None)
                rows.append({"dashboard": dashboard, "minimal": yardstick, "ratio": ratio and round(ratio, 3)})
                print(f"  client round {index + 1}: dashboard {dashboard['cpu_ms_per_session']} ms, minimal "
                      f"{yardstick['cpu_ms_per_session']} ms per session -> {ratio and round(ratio, 2)} x; failures "
                      f"{dashboard['failures']} + {yardstick['failures']}", flush=True)
                if between:
                    between(index)
        finally:
            for process in (ours, minimal):
                process.terminate()
                process.wait(timeout=30)
    ratios = [row["ratio"] for row in rows if row["ratio"]]
    return {"page": page or "(landing)", "rounds": rows, "ratio": round(statistics.median(ratios), 3) if ratios else None,
            "failures": sum(row["dashboard"]["failures"] + row["minimal"]["failures"] for row in rows)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--page", default="")
    parser.add_argument("--query", default="")
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds; a shared 2-core machine needs 5")
    parser.add_argument("--ttl", type=int, default=2, help="disconnected-session TTL of the servers (s)")
    parser.add_argument("--with-bench", action="store_true",
                        help="also run `python -m dashboard bench` (one round each time) between this client's rounds")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--minimal", type=Path, help="diagnosis: use this minimal page instead of the client's own")
    parser.add_argument("--no-idle", action="store_true", help="diagnosis: do not wait for idle servers between rounds")
    args = parser.parse_args(argv)

    bench_ratios: list[float] = []

    def bench_round(index: int) -> None:
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            command = [sys.executable, "-m", "dashboard", "bench", "--rounds", "1", "--sessions", str(args.sessions),
                       "--json", out.name, "--no-startup"]
            if args.page:
                command += ["--page", args.page]
            if args.query:
                command += ["--query", args.query]
            subprocess.run(command, cwd=ROOT, check=False, stdout=subprocess.DEVNULL)
            figures = json.loads(Path(out.name).read_text() or "{}")
        ratio = figures.get("pages", [{}])[0].get("cost_ratio")
        print(f"  bench  round {index + 1}: {ratio} x", flush=True)
        if ratio:
            bench_ratios.append(ratio)

    result = measure(args.page, args.query, args.sessions, args.rounds, args.ttl,
                     between=bench_round if args.with_bench else None, minimal_script=args.minimal,
                     idle=not args.no_idle)
    print(f"independent client: {result['page']} costs {result['ratio']} x the minimal page's server CPU per session "
          f"(median of {args.rounds} rounds, {result['failures']} failed sessions)")
    status = 1 if result["failures"] else 0
    if args.with_bench and bench_ratios and result["ratio"]:
        bench = statistics.median(bench_ratios)
        difference = abs(bench - result["ratio"]) / result["ratio"]
        result["bench_ratio"], result["difference"] = round(bench, 3), round(difference, 3)
        print(f"project bench:      {bench:.2f} x (median of {len(bench_ratios)}); they differ by {difference:.0%} "
              f"({'within' if difference <= 0.10 else 'NOT within'} 10%)")
        status = status or (0 if difference <= 0.10 else 1)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return status


if __name__ == "__main__":
    sys.exit(main())
