"""`python -m dashboard labels --check`: asks openFDA whether a US label the knowledge cites is newer than the
version recorded in data/sources, prints what it found and writes it to the state file the screens read.

Exit codes (docs/knowledge.md): 0 every cited label checked and none newer; 1 at least one label is newer than the
recorded version; 3 openFDA could not be reached (nothing written); 4 some answers were not understood, or a set id
is unknown to openFDA (and none is newer).
"""
from __future__ import annotations

import argparse
import datetime as dt
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Callable

from dashboard.knowledge import Knowledge
from dashboard.knowledge.labels import (
    ENDPOINT, MALFORMED, NEWER, UNCHANGED, UNKNOWN, UNREACHABLE, UNRECORDED, Cited, Malformed, Result, State,
    cited_labels, compare, parse_response, state_path, write_state,
)

OK, NEWER_FOUND, NO_NETWORK, NOT_UNDERSTOOD = 0, 1, 3, 4
TIMEOUT = 20  # seconds per request

Fetch = Callable[[str], bytes]  # an address -> the body openFDA answered (404 bodies included)


class Unreachable(OSError):
    """openFDA did not answer (no network, a name that does not resolve, a timeout, a server error)."""


def address(search: str) -> str:
    return f"{ENDPOINT}?{urllib.parse.urlencode({'search': search, 'limit': 1})}"


def fetch(url: str, timeout: float = TIMEOUT) -> bytes:
    """The body of openFDA's answer; a 404 is an answer (no label matches), other failures raise Unreachable."""
    request = urllib.request.Request(url, headers={"User-Agent": "ms-dashboard-labels-check"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - a fixed https endpoint
            return response.read()
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return error.read()
        raise Unreachable(f"openFDA answered HTTP {error.code}") from None
    except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError) as error:
        raise Unreachable(str(getattr(error, "reason", error))) from None


def check_one(cited: Cited, get: Fetch) -> Result:
    base = dict(query=cited.query, sources=cited.sources, recorded=cited.recorded.words())
    try:
        current = parse_response(get(address(cited.query)))
    except Unreachable as error:
        return Result(**base, status=UNREACHABLE, detail=str(error))
    except Malformed as error:
        return Result(**base, status=MALFORMED, detail=str(error))
    if current is None:
        return Result(**base, status=UNKNOWN, detail="openFDA has no label for this search")
    status, changes = compare(current, cited.recorded)
    return Result(**base, status=status, set_id=current.set_id, version=current.version,
                  effective=current.effective.isoformat(), brand=current.brand, changes=changes)


def check(knowledge: Knowledge, get: Fetch | None = None, now: dt.datetime | None = None) -> State:
    """One request per search, however many recorded versions of that label the sources hold; after the first
    failure to reach openFDA no more requests are made (each would wait for its own timeout)."""
    now, get = now or dt.datetime.now(dt.timezone.utc), get or fetch
    answers: dict[str, bytes] = {}
    failed: list[Unreachable] = []

    def once(url: str) -> bytes:
        if failed:
            raise failed[0]
        if url not in answers:
            try:
                answers[url] = get(url)
            except Unreachable as error:
                failed.append(error)
                raise
        return answers[url]

    results = tuple(check_one(cited, once) for cited in cited_labels(knowledge))
    return State(now.strftime("%Y-%m-%dT%H:%M:%SZ"), results)


def exit_code(state: State) -> int:
    statuses = {r.status for r in state.results}
    if statuses and statuses <= {UNREACHABLE}:
        return NO_NETWORK
    if NEWER in statuses:
        return NEWER_FOUND
    if statuses & {UNKNOWN, MALFORMED, UNREACHABLE}:
        return NOT_UNDERSTOOD
    return OK


WORDS = {
    NEWER: "NEWER than recorded", UNCHANGED: "not newer than recorded", UNRECORDED: "no recorded version to compare",
    UNKNOWN: "not found on openFDA", MALFORMED: "answer not understood", UNREACHABLE: "not reached",
}


def report(state: State) -> str:
    lines = [f"openFDA label check, {state.checked_at}: {len(state.results)} US labels cited"]
    for r in sorted(state.results, key=lambda r: (list(WORDS).index(r.status), r.query)):
        found = (f" openFDA: set id {r.set_id}, version {r.version if r.version is not None else '?'}, effective {r.effective}"
                 if r.effective else "")
        lines.append(f"- {WORDS[r.status]}: {r.query} ({', '.join(r.sources)}); recorded: {r.recorded}.{found}"
                     + (f" [{r.detail}]" if r.detail else ""))
        lines += [f"    changed: {change}" for change in r.changes]
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true", help="ask openFDA (without it: list the labels cited)")
    parser.add_argument("--state", type=Path, default=None,
                        help="state file to write (default: $DASHBOARD_LABEL_STATE, else one in the temporary folder)")
    parser.add_argument("--data", type=Path, help="data folder (default: data/)")


def run(args: argparse.Namespace, get: Fetch | None = None) -> int:
    from dashboard.knowledge import DATA_DIR, KnowledgeError, load_knowledge

    try:
        knowledge = load_knowledge(args.data or DATA_DIR)
    except KnowledgeError as error:
        print("\n".join(map(str, error.problems)), file=sys.stderr)
        return 2
    if not args.check:
        for cited in cited_labels(knowledge):
            print(f"{cited.query}: {', '.join(cited.sources)}")
        return OK
    state = check(knowledge, get)
    code = exit_code(state)
    if code == NO_NETWORK:
        reason = next((r.detail for r in state.results if r.detail), "no answer")
        print(f"openFDA could not be reached ({reason}); no label was checked and the state file is unchanged.",
              file=sys.stderr)
        return code
    path = state_path(args.state)
    write_state(state, path)
    print(report(state))
    print(f"results written to {path}")
    return code
