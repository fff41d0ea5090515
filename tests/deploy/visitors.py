"""Lightweight visitors for the scale-out tests: what a browser's first visit asks of the server, from a chosen
local address, without a browser.

A visit: GET / (the routing cookie comes back), GET /_stcore/health, /_stcore/host-config and one frontend file with
that cookie, then the session: a websocket (scripts/protocol_client.py speaks RFC 6455 and Streamlit's protocol)
and, for a sample of the visits, one run of the start page, read until it has finished (a shared 2-core machine
runs about 20 pages a second: a run for every one of 1,000 visitors would measure the CPU, not the limits). The
session then stays open, as a browser tab does, until the test lets it go. A crowd is many visits whose arrival
times are spread over a number of seconds."""
from __future__ import annotations

import asyncio
import random
import re
import struct
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import streamlit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from protocol_client import run_page, ws_frame, ws_open  # noqa: E402

SCRIPT = re.search(r'src="\./(static/js/index\.[^"]+\.js)"',
                   (Path(streamlit.__file__).parent / "static" / "index.html").read_text()).group(1)
FIRST_VISIT = ("/_stcore/health", "/_stcore/host-config", "/" + SCRIPT)  # after GET /, with the routing cookie


@dataclass
class Crowd:
    times: list[float] = field(default_factory=list)  # seconds from arrival to the session open (page drawn if run)
    runs: list[float] = field(default_factory=list)  # of those, the visits that ran the start page
    failures: list[str] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)  # refused requests and websockets, by HTTP status
    refusal: str = ""  # the head of one refusal (its headers)
    wall: float = 0.0

    def p(self, q: float) -> float:
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")

    def refused(self, status: int, head: str = "") -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.refusal = self.refusal or head

    def summary(self) -> str:
        runs = sorted(self.runs)
        ran = f"; {len(runs)} ran the page, p95 {runs[int(round(0.95 * (len(runs) - 1)))]:.2f} s" if runs else ""
        return (f"{len(self.times)} of {len(self.times) + len(self.failures)} in, p50 {self.p(0.5):.2f} s, "
                f"p95 {self.p(0.95):.2f} s, max {self.p(1):.2f} s{ran}, refused {self.statuses}, "
                f"wall {self.wall:.1f} s; failures {self.failures[:3]}")


class Refused(Exception):
    def __init__(self, status: int, what: str, head: str = ""):
        super().__init__(f"{what}: HTTP {status}")
        self.status, self.head = status, head


async def get(host: str, port: int, path: str, source: str, cookie: str = "", timeout: float = 30) -> tuple[int, str]:
    """GET `path` over a connection of its own from `source`: (status, the whole head)."""
    async with asyncio.timeout(timeout):
        reader, writer = await asyncio.open_connection(host, port, local_addr=(source, 0))
        try:
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n{cookie}\r\n".encode())
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
            while await reader.read(65536):
                pass
        finally:
            writer.close()
    return int(head.split(" ", 2)[1]), head


async def open_session(host: str, port: int, source: str, cookie: str = ""):
    """A websocket to the dashboard from `source` (Refused with the status when nginx says no)."""
    try:
        return await ws_open(host, port, source, cookie)
    except ConnectionError as error:
        status = re.match(r"HTTP/1\.1 (\d+)", str(error))
        if status:
            raise Refused(int(status.group(1)), "/_stcore/stream", getattr(error, "head", "")) from None
        raise


async def visit(host: str, port: int, source: str, crowd: Crowd, release: asyncio.Event, run: bool = True,
                timeout: float = 90) -> None:
    start, writer = time.perf_counter(), None
    try:
        async with asyncio.timeout(timeout):
            status, head = await get(host, port, "/", source)
            if status != 200:
                raise Refused(status, "/", head)
            route = re.search(r"(?im)^set-cookie: (ms_route=[^;\r\n]+)", head)
            cookie = f"Cookie: {route.group(1)}\r\n" if route else ""
            for path in FIRST_VISIT:
                status, _ = await get(host, port, path, source, cookie)
                if status != 200:
                    raise Refused(status, path)
            reader, writer = await open_session(host, port, source, cookie)
            if run:
                await run_page(reader, writer, "")
        crowd.times.append(time.perf_counter() - start)
        if run:
            crowd.runs.append(crowd.times[-1])
        await release.wait()
        writer.write(ws_frame(0x8, struct.pack("!H", 1000)))
        await writer.drain()
    except Refused as error:
        crowd.refused(error.status, error.head)
        crowd.failures.append(str(error))
    except Exception as error:  # noqa: BLE001  counted, not raised
        crowd.failures.append(f"{type(error).__name__}: {error}"[:200])
    finally:
        if writer is not None:
            writer.close()


async def crowd(url: str, visitors: int, over_s: float, source: str, run_every: int = 1, seed: int = 24) -> Crowd:
    """`visitors` visits from `source`, arriving at random moments over `over_s` seconds, every `run_every`-th one
    running the start page; every session stays open until all have finished or failed."""
    host, port = url.removeprefix("http://").split(":")
    arrivals = sorted(random.Random(seed).uniform(0, over_s) for _ in range(visitors))
    result, release, start = Crowd(), asyncio.Event(), time.perf_counter()

    async def arrive(index: int, at: float) -> None:
        await asyncio.sleep(max(0.0, at - (time.perf_counter() - start)))
        await visit(host, int(port), source, result, release, run=index % run_every == 0)

    tasks = [asyncio.create_task(arrive(index, at)) for index, at in enumerate(arrivals)]
    while len(result.times) + len(result.failures) < visitors:
        await asyncio.sleep(0.05)
    result.wall = time.perf_counter() - start
    release.set()
    await asyncio.gather(*tasks)
    return result


async def hold_idle_sessions(url: str, attempts: int, source: str, concurrency: int = 200) -> tuple[list, Crowd]:
    """As many idle websockets from `source` as nginx lets in, out of `attempts`: (the open ones, what was refused)."""
    host, port = url.removeprefix("http://").split(":")
    opened, refused, gate = [], Crowd(), asyncio.Semaphore(concurrency)

    async def one() -> None:
        async with gate:
            try:
                opened.append(await open_session(host, int(port), source))
            except Refused as error:
                refused.refused(error.status, error.head)
            except Exception as error:  # noqa: BLE001
                refused.failures.append(f"{type(error).__name__}: {error}"[:200])

    await asyncio.gather(*(one() for _ in range(attempts)))
    return opened, refused


async def hammer(url: str, seconds: float, source: str, concurrency: int = 20) -> Crowd:
    """GET / from `source` as fast as `concurrency` connections allow, for `seconds`."""
    host, port = url.removeprefix("http://").split(":")
    result, end = Crowd(), time.perf_counter() + seconds

    async def worker() -> None:
        while time.perf_counter() < end:
            try:
                status, head = await get(host, int(port), "/", source, timeout=10)
                result.times.append(0.0) if status == 200 else result.refused(status, head)
            except Exception as error:  # noqa: BLE001
                result.failures.append(f"{type(error).__name__}: {error}"[:200])

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return result


def close_all(sessions: list) -> None:
    for _, writer in sessions:
        writer.close()
