"""`python -m dashboard bench --phone`: how long a person on a phone waits for the first table.

Debian's chromium (Playwright) at 390 x 844 px, with Lighthouse's mobile throttling set over the DevTools protocol:
150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (Network.emulateNetworkConditions) and a CPU 4 x slower
(Emulation.setCPUThrottlingRate). Each load has a new browser context, so an empty cache. Three pages, in one run:

- the live overview of two treatments as a shared link opens it, from `streamlit run dashboard/server.py` (the server
  `scripts/run.sh` starts);
- the static edition's page for the same pair, written into a temporary folder and served by Python's plain HTTP
  server (no compression: the slowest static host there is);
- a minimal Streamlit page started the default way (`streamlit run dashboard/yardstick/minimal_app.py`), whose
  first content stands in for its table (it has none).

The time is read in the page: from the start of navigation to the first animation frame after the element (the
overview's table, the edition's table, the minimal page's widget) is in the page and has a size. Rounds are
interleaved (each round loads the three pages, and which goes first rotates) and each figure is the median of the
rounds. The figures go to docs/phone-bench.json and the "Phone" table of docs/performance.md.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from dashboard.bench import ROOT, start_server

PHONE = {"width": 390, "height": 844}
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
CPU_SLOWDOWN = 4
BROWSER_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
PAIR = ("ocrelizumab", "natalizumab")
JSON_OUT = ROOT / "docs" / "phone-bench.json"
DOC = ROOT / "docs" / "performance.md"
DOC_START, DOC_END = "<!-- phone figures: start (python -m dashboard bench --phone) -->", "<!-- phone figures: end -->"
GOALS = {"live_ratio": 0.5, "static_s": 2.5}  # issue 22: live overview <= 0.5 x the minimal page; static pair <= 2.5 s

# Runs before any of the page's own scripts (an init script is not subject to the page's CSP).
FIRST_SEEN = """(() => {
  const selector = %s;
  let done = false;
  const look = () => {
    if (done) return;
    const element = document.querySelector(selector);
    if (!element || !element.getClientRects().length) return;
    done = true;
    requestAnimationFrame(() => {
      const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
      window.__firstSeen = {ms: performance.now(), bytes: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
                            files: entries.length};
    });
  };
  new MutationObserver(look).observe(document, {childList: true, subtree: true});
  document.addEventListener("DOMContentLoaded", look);
})();"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--phone", action="store_true",
                        help="time to the first table on a throttled phone: the live overview of two treatments, the "
                             "static edition's pair page and a minimal Streamlit page (median of --phone-rounds)")
    parser.add_argument("--phone-rounds", type=int, default=3, help="interleaved rounds of --phone (default 3)")


def serve_folder(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a load ends (its context closes) while Plotly is still being sent: not an error of the page


def load_once(browser, url: str, selector: str, timeout_s: float = 120, throttled: bool = True) -> dict:
    """One cold load of `url` under the phone's conditions: seconds to the first frame with `selector` shown."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=3, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        if throttled:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", NETWORK)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.add_init_script(FIRST_SEEN % json.dumps(selector))
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        page.wait_for_function("() => window.__firstSeen", timeout=timeout_s * 1000, polling=100)
        seen = page.evaluate("() => window.__firstSeen")
        return {"s": round(seen["ms"] / 1000, 2), "kb": round(seen["bytes"] / 1000), "files": seen["files"]}
    finally:
        context.close()


def targets(live: str, static: str, minimal: str, pair_file: str) -> dict[str, tuple[str, str]]:
    query = "&".join(f"treatments={t}" for t in PAIR)
    return {
        "live_overview": (f"{live}/?page=overview&{query}", '[data-testid="stMarkdownContainer"] table'),
        "static_pair": (f"{static}/compare/{pair_file}", "main table"),
        "minimal_page": (f"{minimal}/", '[data-testid="stSelectbox"]'),
    }


def measure(rounds: int) -> dict:
    from playwright.sync_api import sync_playwright

    from dashboard.export.site import pair_file, write_site
    from dashboard.knowledge import load_knowledge

    knowledge = load_knowledge()
    processes, static_server = [], None
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        write_site(knowledge, Path(folder))
        generation_s = time.perf_counter() - started
        try:
            dashboard, live = start_server("dashboard/server.py", ttl=2)
            processes.append(dashboard)
            yardstick, minimal = start_server("dashboard/yardstick/minimal_app.py", ttl=2)
            processes.append(yardstick)
            static_server, static = serve_folder(Path(folder))
            pages = targets(live, static, minimal, pair_file(knowledge, PAIR))
            times: dict[str, list[dict]] = {name: [] for name in pages}
            executable = shutil.which("chromium") or shutil.which("chromium-browser")
            if not executable:
                raise SystemExit("bench --phone needs Debian's chromium: apt-get install chromium")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_FLAGS, headless=True)
                for url, selector in pages.values():  # once, unthrottled and unmeasured: the servers' first runs
                    load_once(browser, url, selector, throttled=False)
                for round_ in range(rounds):
                    for name in round_order(list(pages), round_):
                        url, selector = pages[name]
                        times[name].append(load_once(browser, url, selector))
                        print(f"  round {round_ + 1}: {name} {times[name][-1]['s']:.2f} s "
                              f"({times[name][-1]['kb']} KB before it)", flush=True)
                browser.close()
        finally:
            for process in processes:
                process.terminate()
                process.wait(timeout=20)
            if static_server is not None:
                static_server.shutdown()
    return summarise({name: url for name, (url, _) in pages.items()}, times, rounds, generation_s)


def round_order(names: list[str], round_: int) -> list[str]:
    """The pages of one round: which goes first rotates, so no page always loads on a fresh or a tired machine."""
    shift = round_ % len(names)
    return names[shift:] + names[:shift]


def summarise(urls: dict[str, str], times: dict[str, list[dict]], rounds: int, generation_s: float) -> dict:
    """The report: each page's seconds per round and their median, the live overview as a multiple of the minimal
    page (median against median) and the goals of issue 22."""
    report = {"conditions": {"viewport": PHONE, "device_scale_factor": 3, "latency_ms": NETWORK["latency"],
                             "down_kbit_s": 1600, "up_kbit_s": 750, "cpu_slowdown": CPU_SLOWDOWN, "cache": "cold"},
              "pair": list(PAIR), "rounds": rounds, "pages": {}}
    for name, loads in times.items():
        report["pages"][name] = {"path": "/" + urls[name].split("/", 3)[-1], "seconds": [x["s"] for x in loads],
                                 "median_s": statistics.median(x["s"] for x in loads),
                                 "kb_before": statistics.median(x["kb"] for x in loads)}
    medians = {name: page["median_s"] for name, page in report["pages"].items()}
    report["live_ratio"] = round(medians["live_overview"] / medians["minimal_page"], 2)
    report["static_s"] = medians["static_pair"]
    report["goals"] = dict(GOALS, met={"live_ratio": report["live_ratio"] <= GOALS["live_ratio"],
                                       "static_s": report["static_s"] <= GOALS["static_s"]})
    report["static_edition_generation_s"] = round(generation_s, 1)
    return report


def table(report: dict) -> str:
    names = {"live_overview": "Live overview of two treatments (`streamlit run dashboard/server.py`)",
             "static_pair": "Static edition, the same pair (uncompressed static server)",
             "minimal_page": "Minimal Streamlit page started the default way"}
    c = report["conditions"]
    lines = [f"{c['viewport']['width']} x {c['viewport']['height']} px, {c['latency_ms']} ms round trip, "
             f"{c['down_kbit_s'] / 1000:g} Mbit/s down, {c['up_kbit_s']} kbit/s up, CPU {c['cpu_slowdown']} x slower, "
             f"cold cache; {report['rounds']} interleaved rounds, median.", "",
             "| Page | Time to first table (s), rounds | Median (s) | KB of files received before it |",
             "| --- | --- | --- | --- |"]
    for name, page in report["pages"].items():
        lines.append(f"| {names[name]} | {', '.join(f'{s:.2f}' for s in page['seconds'])} | **{page['median_s']:.2f}** "
                     f"| {page['kb_before']:.0f} |")
    met = report["goals"]["met"]
    lines += ["", f"Live overview: **{report['live_ratio']:.2f} x** the minimal page (goal <= {GOALS['live_ratio']} x: "
              f"{'met' if met['live_ratio'] else 'not met'}); static pair page: **{report['static_s']:.2f} s** (goal <= "
              f"{GOALS['static_s']} s: {'met' if met['static_s'] else 'not met'})."]
    return "\n".join(lines)


def write_doc(report: dict, doc: Path = DOC) -> bool:
    """Rewrite the figures between the markers of docs/performance.md's "Phone" section; False without markers."""
    text = doc.read_text() if doc.exists() else ""
    if DOC_START not in text or DOC_END not in text:
        return False
    before, rest = text.split(DOC_START, 1)
    _, after = rest.split(DOC_END, 1)
    doc.write_text(f"{before}{DOC_START}\n{table(report)}\n{DOC_END}{after}")
    return True


def run(args: argparse.Namespace) -> int:
    print(f"phone: {PHONE['width']} x {PHONE['height']} px, 150 ms round trip, 1.6 / 0.75 Mbit/s, CPU {CPU_SLOWDOWN} x "
          f"slower, cold cache, {args.phone_rounds} interleaved rounds", flush=True)
    report = measure(args.phone_rounds)
    print(table(report))
    out = args.json or JSON_OUT
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} written"
          + ("; docs/performance.md's Phone table rewritten" if write_doc(report) else ""))
    return 0
