"""US labels the knowledge cites, and what openFDA says about them. No Streamlit and no network here.

`dashboard.labels_check` asks openFDA and writes the results to a small state file (JSON); the review and the
screens read that file. The recorded version of a label is what its source entry in data/sources says (`version`):
an SPL version number where one was printed, and the latest date that is not merely the day it was accessed.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .knowledge import Knowledge, statements_of
from .models import Source

STATE_ENV = "DASHBOARD_LABEL_STATE"
DEFAULT_STATE = Path(tempfile.gettempdir()) / "ms-dashboard-label-check.json"
ENDPOINT = "https://api.fda.gov/drug/label.json"

_UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I)
_MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NAMED = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(?:(\d{1,2}),\s+)?(\d{4})\b", re.I)
_MONTH_YEAR = re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{4})\b")
_SPL_VERSION = re.compile(r"\bSPL version (\d+)\b", re.I)

# Statuses of one check, worst news first.
NEWER, UNKNOWN, MALFORMED, UNREACHABLE, UNRECORDED, UNCHANGED = (
    "newer", "unknown", "malformed", "unreachable", "unrecorded", "unchanged")


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Recorded:
    """The version of a label as its source entry records it."""

    date: dt.date | None  # the latest date the version text names (a month-only date counts as its last day)
    spl_version: int | None

    @property
    def known(self) -> bool:
        return self.date is not None or self.spl_version is not None

    def words(self) -> str:
        parts = ([f"SPL version {self.spl_version}"] if self.spl_version is not None else []) + (
            [f"dated up to {self.date.isoformat()}"] if self.date else [])
        return ", ".join(parts) or "no version or date recorded"


def dates_in(text: str) -> list[dt.date]:
    """Every date a version text names: 2025-08-18, January 25, 2024, August 2025 and 8/2025."""
    found = []
    for y, m, d in _ISO.findall(text):
        found.append(dt.date(int(y), int(m), int(d)))
    for month, day, year in _NAMED.findall(text):
        number = _MONTHS[month.casefold()]
        found.append(dt.date(int(year), number, int(day)) if day else month_end(int(year), number))
    for month, year in _MONTH_YEAR.findall(text):
        if 1 <= int(month) <= 12:
            found.append(month_end(int(year), int(month)))
    return found


def recorded(source: Source) -> Recorded:
    """The recorded version of a label: the day it was accessed is not a version, so it is left out."""
    text = source.version or ""
    dates = [d for d in dates_in(text) if d != source.accessed]
    number = _SPL_VERSION.search(text)
    return Recorded(max(dates) if dates else None, int(number.group(1)) if number else None)


def is_us_label(source: Source) -> bool:
    return source.type == "label" and source.region == "US"


def cited_by(knowledge: Knowledge) -> dict[str, list[str]]:
    """For each source id, the ids of the treatments that cite it (anywhere: rows, benefits, statements, figures)."""
    return knowledge.memo(("cited_by",), lambda: _cited_by(knowledge))


def _cited_by(knowledge: Knowledge) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}

    def add(source_id: str, treatment_id: str) -> None:
        users = found.setdefault(source_id, [])
        if treatment_id not in users:
            users.append(treatment_id)

    for t in knowledge.treatments.values():
        for item in (*t.trials, *t.adverse_events, *t.benefits, *t.pml_risk, *statements_of(t)):
            add(item.source, t.id)
        for item, _ in figures_of(t):
            add(item.source, t.id)
    return found


def figures_of(treatment):
    """(figure or row, what it is) for every sourced number of one treatment."""
    for group, what in ((treatment.adverse_events, "adverse event"), (treatment.benefits, "benefit"),
                        (treatment.pml_risk, "PML estimate")):
        for item in group:
            yield item, what
    for statement in (*statements_of(treatment), *treatment.benefits):
        for figure in statement.figures:
            yield figure, "figure"


def query(source: Source, brands: tuple[str, ...]) -> str | None:
    """The openFDA search that finds this label: its set id, the search its address already makes, or the brand of
    the treatment citing it that the source names (a maker's page reproducing the label)."""
    parts = urlsplit(source.url)
    if parts.hostname == "api.fda.gov":
        search = parse_qs(parts.query).get("search")
        if search:
            return search[0]
    set_id = _set_id(source)
    if set_id:
        return f'set_id:"{set_id}"'
    words = f"{source.title} {source.copy_of or ''}".casefold()
    named = [b for b in brands if b.casefold() in words] or list(brands[:1])
    return f'openfda.brand_name:"{named[0]}"' if named else None


def _set_id(source: Source) -> str | None:
    """A set id in the address (DailyMed setid=, FDALabel set-ids/) or named as a set id in the version text."""
    parts = urlsplit(source.url)
    setid = parse_qs(parts.query).get("setid")
    if setid and _UUID.fullmatch(setid[0]):
        return setid[0].lower()
    match = re.search(r"/set-ids/(" + _UUID.pattern[2:-2] + ")", parts.path, re.I)
    if match:
        return match.group(1).lower()
    match = re.search(r"set id (" + _UUID.pattern[2:-2] + ")", source.version or "", re.I)
    return match.group(1).lower() if match else None


@dataclass(frozen=True)
class Cited:
    """One openFDA search and the US label sources it answers for that record the same version."""

    query: str
    sources: tuple[str, ...]
    recorded: Recorded


def cited_labels(knowledge: Knowledge) -> list[Cited]:
    """Every US label the knowledge cites, one entry per openFDA search and recorded version (sources that cite
    different versions of one label are compared each with its own)."""
    users = cited_by(knowledge)
    grouped: dict[tuple[str, Recorded], list[str]] = {}
    for source in knowledge.sources.values():
        if not is_us_label(source) or source.id not in users:
            continue
        brands = tuple(b for t in users[source.id] for b in knowledge.treatments[t].brands)
        found = query(source, brands)
        if found:
            grouped.setdefault((found, recorded(source)), []).append(source.id)
    return [Cited(q, tuple(ids), was) for (q, was), ids in grouped.items()]


@dataclass(frozen=True)
class Current:
    """The label openFDA returns for one search."""

    set_id: str
    version: int | None
    effective: dt.date
    brand: str
    changes: tuple[str, ...]  # the label's list of recent major changes, as it gives them


class Malformed(ValueError):
    """The response is not an openFDA label answer."""


def parse_response(body: bytes | str) -> Current | None:
    """The newest label in an openFDA answer; None where openFDA found none. Raises Malformed otherwise."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise Malformed(f"not JSON ({error.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise Malformed("not a JSON object")
    error = data.get("error")
    if isinstance(error, dict) and error.get("code") == "NOT_FOUND":
        return None
    results = data.get("results")
    if not isinstance(results, list) or not results:
        raise Malformed("no results list")
    labels = [_label(item) for item in results]
    return max(labels, key=lambda label: (label.effective, label.version or 0))


def _label(item: object) -> Current:
    if not isinstance(item, dict):
        raise Malformed("a result is not an object")
    try:
        effective = dt.datetime.strptime(str(item["effective_time"]), "%Y%m%d").date()
        set_id = str(item["set_id"])
    except (KeyError, ValueError):
        raise Malformed("a result has no set_id or no effective_time as YYYYMMDD") from None
    version = str(item.get("version", ""))
    openfda = item.get("openfda") if isinstance(item.get("openfda"), dict) else {}
    brand = openfda.get("brand_name") or [""]
    changes = item.get("recent_major_changes") or []
    if not isinstance(changes, list):
        raise Malformed("recent_major_changes is not a list")
    return Current(set_id, int(version) if version.isdigit() else None, effective, str(brand[0]),
                   tuple(" ".join(str(c).split()) for c in changes))


def compare(current: Current, was: Recorded) -> tuple[str, tuple[str, ...]]:
    """(status, the recent major changes dated after the recorded version) for one label."""
    if not was.known:
        return UNRECORDED, current.changes
    newer = ((was.date is not None and current.effective > was.date)
             or (was.spl_version is not None and current.version is not None and current.version > was.spl_version))
    if not newer:
        return UNCHANGED, ()
    dated = [(change, dates_in(change)) for change in current.changes]
    after = tuple(change for change, dates in dated if not dates or was.date is None or max(dates) > was.date)
    return NEWER, after


@dataclass(frozen=True)
class Result:
    """What one check found for one cited label (the state file holds a list of these)."""

    query: str
    sources: tuple[str, ...]
    status: str
    recorded: str
    set_id: str = ""
    version: int | None = None
    effective: str = ""  # ISO date
    brand: str = ""
    changes: tuple[str, ...] = ()
    detail: str = ""


@dataclass(frozen=True)
class State:
    checked_at: str  # ISO date and time (UTC) of the check
    results: tuple[Result, ...] = field(default=())

    @property
    def checked_on(self) -> dt.date:
        return dt.date.fromisoformat(self.checked_at[:10])

    def for_source(self, source_id: str) -> Result | None:
        return next((r for r in self.results if source_id in r.sources), None)

    def newer(self) -> list[Result]:
        return [r for r in self.results if r.status == NEWER]


def state_path(path: str | os.PathLike | None = None) -> Path:
    """The state file: the path given, else $DASHBOARD_LABEL_STATE, else one in the temporary folder."""
    return Path(path or os.environ.get(STATE_ENV) or DEFAULT_STATE)


def write_state(state: State, path: Path) -> None:
    """Written whole and then renamed, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(asdict(state), indent=1), encoding="utf-8")
    os.replace(partial, path)


def read_state(path: Path) -> State | None:
    """The last check's results, or None where there is no file or it cannot be understood."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        results = tuple(Result(**{**r, "sources": tuple(r["sources"]), "changes": tuple(r.get("changes", ()))})
                        for r in data["results"])
        state = State(str(data["checked_at"]), results)
        state.checked_on  # noqa: B018 - a date that cannot be read makes the file unusable
        return state
    except (OSError, ValueError, KeyError, TypeError):
        return None
