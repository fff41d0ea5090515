"""What is due for review per treatment (About page), and the notice beside figures from a US label that openFDA
lists in a newer version than the one they come from (the state file of `python -m dashboard labels --check`)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow as pa

from dashboard.knowledge import Knowledge
from dashboard.knowledge.labels import NEWER, Result, State, read_state, state_path
from dashboard.knowledge.review import REVIEW_EVERY_MONTHS, TreatmentReview, review
from dashboard.safe_text import safe_text

from components.frame import elements


def current_state(path: Path | None = None) -> State | None:
    """The last label check, read again only when the file changes (the schedule rewrites it)."""
    path = state_path(path)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    return _read(path, stamp)


def checked(path: Path | None = None) -> str:
    """Which label check is on file ("" for none): part of the key of every kept text that may hold a label notice,
    so that a new check is said at once."""
    path = state_path(path)
    try:
        return f"{path}:{path.stat().st_mtime_ns}"
    except OSError:
        return ""


@lru_cache(maxsize=4)
def _read(path: Path, _stamp: int) -> State | None:
    return read_state(path)


def _row(r: TreatmentReview, today: dt.date) -> dict[str, str]:
    newer = "; ".join(f"{label.brand or 'US label'} effective {label.effective}" for label in r.newer_labels)
    return {
        "Treatment": safe_text(r.treatment.name, "plain"),
        "Last reviewed": r.treatment.last_reviewed.isoformat(),
        "Next review by": r.next_review.isoformat() + (" (due)" if r.next_review <= today else ""),
        f"Sources not checked for {REVIEW_EVERY_MONTHS} months": safe_text(
            "; ".join(f"{c.source.title}, checked {c.checked.isoformat()}" for c in r.overdue) or "none",
            "plain"),
        "Figures from a label without version or date": (
            f"{sum(u.figures for u in r.undated)} figures from {len(r.undated)} label sources" if r.undated else "none"),
        "Newer US label": safe_text(newer or "none found", "plain"),
    }


def table(knowledge: Knowledge, today: dt.date, state: State | None) -> pd.DataFrame:
    return pd.DataFrame([_row(r, today) for r in review(knowledge, today, state)])


def show(knowledge: Knowledge, today: dt.date | None = None, path: Path | None = None) -> None:
    """Per treatment: the next review date and what is due, under the update policy."""
    today, state = today or dt.date.today(), current_state(path)
    checked = (f"The US labels were last compared with openFDA on {state.checked_on.isoformat()}."
               if state else "No comparison of the US labels with openFDA has been recorded on this server.")
    elements.markdown(f"#### Review status per treatment\n\nEvery source is checked again at least every "
                      f"{REVIEW_EVERY_MONTHS} months. {checked}")
    key = ("review_status", today.isoformat(), state.checked_at if state else "")
    arrow = knowledge.recent(key, lambda: pa.Table.from_pandas(table(knowledge, today, state), preserve_index=False))
    elements.kept(knowledge, key, lambda dg: dg.dataframe(arrow, hide_index=True, width="stretch"))  # made once


def newer_label(source_id: str, path: Path | None = None) -> Result | None:
    """The last check's finding where it says the label this source reproduces is newer than recorded."""
    state = current_state(path)
    found = state.for_source(source_id) if state else None
    return found if found is not None and found.status == NEWER else None


def label_notice(knowledge: Knowledge, source_ids, view: str, path: Path | None = None) -> str:
    """Markdown for beside the figures from these sources: that a newer US label exists, what changed where the
    label lists it, and who can say more; "" when none is newer."""
    state = current_state(path)
    if state is None or not state.newer():  # the usual case: one look at the file's time
        return ""
    found = {r.query: r for r in (newer_label(s, path) for s in dict.fromkeys(source_ids)) if r is not None}
    lines = []
    for r in found.values():
        if view == "patient":
            lines.append(f"These numbers come from an earlier version of the US label of {safe_text(r.brand or 'this medicine')}. "
                         f"A newer version took effect on {r.effective}, and some numbers may have changed. Your "
                         "neurologist or pharmacist can check the current label.")
            continue
        changed = "; ".join(safe_text(change) for change in r.changes)
        lines.append(f"**Newer US label:** openFDA lists {safe_text(r.brand or 'this label')} effective {r.effective}"
                     + (f" (version {r.version})" if r.version is not None else "")
                     + f", newer than the version these figures come from ({safe_text(r.recorded)})."
                     + (f" Recent major changes: {changed}." if changed else "")
                     + " Check the current label before relying on these figures.")
    return "\n\n".join(lines)


def show_label_notice(knowledge: Knowledge, source_ids, view: str, path: Path | None = None) -> None:
    """The notice as a warning box, where a page draws figures from a US label (nothing when none is newer)."""
    text = label_notice(knowledge, source_ids, view, path)
    if text:
        elements.warning(text, icon=":material/update:")
