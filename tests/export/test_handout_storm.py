"""A handout storm (issue 24.4): many requests, varied and repeated selections, from many threads at once. Repeats are
served from the cache (builds are counted), at most AT_ONCE are built at the same time, the same selection gives the
same bytes, and the memory of the process after the storm stays far below the container's limit.

Also a measurement: `.venv/bin/python -m tests.export.test_handout_storm 220 60` runs 220 requests over 60 distinct
selections in a fresh process and prints the figures quoted in docs/performance.md ("Handout")."""
from __future__ import annotations

import datetime as dt
import random
import re
import subprocess
import sys
import time
from pathlib import Path
from concurrent.futures import ThreadPoolExecutor

import pytest

from dashboard.export import handout

PRINTED = dt.date(2026, 11, 30)
LIMIT_MB = 512  # deploy/k8s/deployment.yaml: resources.limits.memory 512Mi
ROOT = Path(__file__).resolve().parents[2]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def selections(knowledge, distinct: int, seed: int = 24) -> list[tuple[tuple[str, ...], str]]:
    rng, ids, found = random.Random(seed), knowledge.treatment_ids(), {}
    while len(found) < distinct:
        chosen = (tuple(rng.sample(ids, rng.randint(1, 6))), rng.choice(("patient", "clinician")))
        found[chosen] = None
    return list(found)


def storm(knowledge, requests: int, distinct: int, threads: int = 12) -> dict:
    """`requests` handouts of `distinct` selections in random order from `threads` threads at once."""
    handout._cache.clear()
    handout.stats.update(builds=0, building=0, most_at_once=0)
    wanted = selections(knowledge, distinct)
    asked = [wanted[i % distinct] for i in range(requests)]
    random.Random(4).shuffle(asked)
    before, start = rss_mb(), time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        made = list(pool.map(lambda s: (s, handout.get(knowledge, s[0], s[1], printed=PRINTED).pdf), asked))
    return {"made": made, "seconds": time.perf_counter() - start, "rss_before_mb": before, "rss_after_mb": rss_mb(),
            **handout.stats}


@pytest.fixture
def fresh_cache():
    kept = dict(handout._cache)
    yield
    handout._cache.clear()
    handout._cache.update(kept)


def test_a_storm_is_served_from_the_cache_a_few_at_a_time_within_memory(knowledge, fresh_cache):
    distinct = 16
    assert distinct <= handout.CACHE_SIZE
    result = storm(knowledge, 220, distinct)
    assert len(result["made"]) == 220
    assert result["builds"] == distinct  # every repeat came from the cache (or waited for the same build)
    assert 1 <= result["most_at_once"] <= handout.AT_ONCE
    by_selection: dict = {}
    for chosen, pdf in result["made"]:
        by_selection.setdefault(chosen, set()).add(pdf)
    assert all(len(pdfs) == 1 for pdfs in by_selection.values())  # the same selection, the same bytes
    assert result["rss_after_mb"] - result["rss_before_mb"] < 100, result


def test_after_a_storm_a_fresh_process_stays_within_the_container_limit():
    """Measured in a process of its own, as a server process is: this test process also holds everything the suite
    before it made, which says nothing about a server."""
    made = subprocess.run([sys.executable, "-m", "tests.export.test_handout_storm", "220", "60"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=True).stdout
    after, peak = (float(re.search(rf"{name} (\d+) MB", made).group(1)) for name in ("after", "peak"))
    assert after < LIMIT_MB and peak < LIMIT_MB, made


def test_the_cache_is_bounded(knowledge, fresh_cache, monkeypatch):
    monkeypatch.setattr(handout, "CACHE_SIZE", 3)
    result = storm(knowledge, 5, 5, threads=2)
    assert result["builds"] == 5
    assert len(handout._cache) == 3


def test_a_new_knowledge_is_not_served_an_old_handout(knowledge, minimal, fresh_cache):
    old = handout.get(knowledge, ("natalizumab",), "patient", printed=PRINTED)
    assert handout.cached(knowledge, ("natalizumab",), "patient", printed=PRINTED) is old
    assert handout.cached(minimal, ("natalizumab",), "patient", printed=PRINTED) is None


if __name__ == "__main__":  # a measurement in a fresh process
    from dashboard.knowledge import DATA_DIR, load_knowledge

    loaded = load_knowledge(DATA_DIR)
    requests, distinct = (int(a) for a in sys.argv[1:3])
    base = rss_mb()
    handout.build(loaded, ("ocrelizumab",), "patient")  # code and fonts loaded
    figures = storm(loaded, requests, distinct)
    figures.pop("made")
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) / 1024
    print(f"requests {requests}, distinct selections {distinct}, builds {figures['builds']}, "
          f"most at once {figures['most_at_once']}, {figures['seconds']:.1f} s; RSS after knowledge load {base:.0f} MB, "
          f"before the storm {figures['rss_before_mb']:.0f} MB, after {figures['rss_after_mb']:.0f} MB, peak {peak:.0f} MB")
