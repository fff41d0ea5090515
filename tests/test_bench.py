"""`python -m dashboard bench`: the yardstick is a one-page app, every page has a budget, --check fails when one
is over, the README's table comes from the JSON, and both clients (the bench's and scripts/protocol_client.py)
finish real sessions. No assertion on a timing: the machine is shared; the budgets are checked by hand."""
from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import importlib.util
import sys
from pathlib import Path

import pytest

from components.frame.navigation import PATHS
from dashboard import bench

ROOT = Path(__file__).resolve().parents[1]
YARDSTICK = ROOT / "dashboard" / "yardstick" / "minimal_app.py"


def protocol_client():
    spec = importlib.util.spec_from_file_location("protocol_client", ROOT / "scripts" / "protocol_client.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["protocol_client"] = module
    spec.loader.exec_module(module)
    return module


def test_the_yardstick_is_a_single_page_app():
    # A pages/ folder beside a script makes Streamlit list it and send a page list on every run (multipage apps of
    # the old kind): that nearly doubled the minimal page's cost and made the dashboard look cheap beside it.
    assert YARDSTICK.exists()
    assert not (YARDSTICK.parent / "pages").exists()


def test_every_page_of_the_navigation_has_a_budget():
    pages = bench.pages_to_check()
    assert [path for path, _, _ in pages] == list(PATHS)
    assert pages[0] == (PATHS[0], "", bench.LANDING_BUDGET)
    assert bench.LANDING_BUDGET == 1.6 and bench.PAGE_BUDGET == 2.5
    for path, query, budget in pages[1:]:
        assert query.startswith(f"page={path}&treatments=") and query.count("treatments=") == 2
        assert budget == bench.PAGE_BUDGET


def report(start_ratio: float) -> dict:
    page = {"rounds": 3, "failures": 0, "p50_s": 1.0, "p95_s": 1.1, "sessions_per_s": 150.0,
            "cpu_ms_per_session": [5.0, 5.2, 5.1], "minimal_cpu_ms_per_session": [4.0, 4.1, 4.0],
            "memory_mb_per_100": 8.0}
    return {"sessions": 200, "rounds": 3, "cpus": 2, "load_average_at_start": [0.5, 0.5, 0.5],
            "knowledge": {"import_ms": 200, "load_ms": 120, "budget_ms": 300},
            "memory_mb_per_100_sessions": 8.0, "memory_budget_mb": 50,
            "pages": [page | {"page": "start", "query": "", "budget": 1.3, "cost_ratio": start_ratio},
                      page | {"page": "about", "query": "page=about", "budget": 2.0, "cost_ratio": 1.5}]}


def test_over_budget_names_the_page_its_ratio_and_budget():
    assert bench.over_budget(report(1.25)) == []
    assert bench.over_budget(report(1.42)) == ["start: 1.42 x the minimal page, budget 1.3 x"]


def rounds_of(cpu_ms: list[float], rest_cores: list[float]) -> list[bench.Load]:
    """Rounds of 100 sessions over 1 s, with the server CPU per session and the rest of the machine's use given."""
    return [bench.Load("r", times=[0.5] * 100, wall=1.0, cpu_s=ms / 10, other_cpu_s=rest)
            for ms, rest in zip(cpu_ms, rest_cores)]


def test_a_pair_another_process_disturbed_is_left_out_of_the_ratio():
    measured = rounds_of([5.0, 9.0, 5.2, 5.1], [0.02, 0.9, -0.05, 0.04])  # the second pair: a busy neighbour
    minimal = rounds_of([2.0, 2.0, 2.0, 2.0], [0.0, 0.3, 0.01, 0.0])
    figures = bench.summarise("start", "", 1.6, measured, minimal, disturbed=[1], wanted=3)
    assert figures["cost_ratio"] == 2.55  # the median of 2.5, 2.6 and 2.55, not of 4.5
    assert figures["quiet_pairs"] == 3 and figures["pairs_wanted"] == 3
    assert figures["rest_of_machine_cores"] == [0.02, 0.9, 0.01, 0.04]


def test_too_few_quiet_pairs_fail_the_check_however_low_the_ratio():
    page = report(1.25)["pages"][0] | {"quiet_pairs": 5, "pairs_wanted": 7}
    assert bench.over_budget({"pages": [page]}) == [
        "start: only 5 of 7 pairs of rounds without other processes busy on the machine: its figure is not a measure"]


def test_the_rest_of_the_machine_is_measured_beside_the_server():
    busy = bench.machine_busy_seconds()
    sum(i * i for i in range(2_000_000))  # this process's own work
    assert bench.machine_busy_seconds() > busy


def test_the_readme_table_is_rewritten_between_its_markers(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\nbefore\n{bench.TABLE_START}\nold table\n{bench.TABLE_END}\nafter\n")
    figures = report(1.42)
    figures["over_budget"] = bench.over_budget(figures)
    bench.write_readme(figures, readme)
    text = readme.read_text()
    assert "old table" not in text
    assert text.startswith("# Title\n\nbefore\n") and text.endswith(f"{bench.TABLE_END}\nafter\n")
    assert "| start | 5.0, 5.2, 5.1 | 4.0, 4.1, 4.0 | **1.42 x** | <= 1.3 x (**over**) |" in text
    assert "| about |" in text and "<= 2.0 x (ok)" in text
    assert "Over budget: start: 1.42 x the minimal page, budget 1.3 x." in text
    bench.write_readme(figures, readme)  # again: the same text, nothing added
    assert readme.read_text() == text


def test_the_shipped_readme_table_is_the_kept_json():
    import json

    kept = ROOT / "docs" / "bench.json"
    figures = json.loads(kept.read_text())
    assert bench.readme_table(figures) in (ROOT / "docs" / "performance.md").read_text()


@pytest.fixture(scope="module")
def yardstick():
    process, url = bench.start_server("dashboard/yardstick/server.py", ttl=2)
    try:
        yield process, url
    finally:
        process.terminate()
        process.wait(timeout=20)


def in_own_loop(coroutine):
    """Run `coroutine` to its end in a thread of its own: Playwright's sync API (the browser tests, earlier in the
    same pytest process) leaves an event loop running in the main thread, where asyncio.run() is refused."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_both_clients_finish_real_sessions_and_read_the_servers_cpu(yardstick):
    process, url = yardstick
    ours = in_own_loop(bench.load("minimal", url, "", "", 10, 60, process.pid, None))
    assert ours.failures == [] and len(ours.times) == 10
    assert ours.cpu_s is not None and ours.cpu_s >= 0
    independent = protocol_client()
    port = int(url.rsplit(":", 1)[1])
    theirs = in_own_loop(independent.surge(port, process.pid, "", 10))
    assert theirs["failures"] == 0 and theirs["sessions"] == 10
    assert theirs["cpu_ms_per_session"] is not None


def test_rounds_come_in_pairs_whose_order_alternates(monkeypatch):
    """Page then yardstick, yardstick then page, ...: a machine slowing down within a pair weighs on both alike;
    the ratio is the median of the pairs' ratios (7 pairs for --check)."""
    order: list[str] = []

    async def fake_load(name, base, page, query, sessions, timeout, pid, ttl, quiet=(), source=None):
        order.append(name)
        return bench.Load(name, times=[0.5] * sessions, wall=1.0, cpu_s=sessions * (0.010 if name == "overview" else 0.005))

    monkeypatch.setattr(bench, "load", fake_load)
    parser = argparse.ArgumentParser()
    bench.add_arguments(parser)
    args = parser.parse_args(["--url", "http://127.0.0.1:1", "--sessions", "4", "--rounds", "4"])
    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # asyncio.run needs a thread without a running loop
        figures = pool.submit(bench.measure_page, "overview", "page=overview", 2.0, args, "http://127.0.0.1:2", None).result()
    assert order == ["overview", "minimal page", "minimal page", "overview"] * 2
    assert figures["cost_ratio"] == 2.0 and figures["rounds"] == 4
    assert parser.parse_args(["--check"]).rounds is None and bench.CHECK_ROUNDS == 7


def test_reruns_open_every_page_and_work_every_interaction_they_time():
    """`bench --reruns`: each case names a page and a widget that exist, and every timed rerun ends without an
    exception (reruns raises on one)."""
    from components.frame.navigation import PAGES

    figures = bench.reruns(1)
    assert [f["interaction"] for f in figures][:len(PAGES)] == [f"open {file}" for file, *_ in PAGES]
    assert len(figures) == len(PAGES) + 5 and all(f["p50_ms"] > 0 for f in figures)
