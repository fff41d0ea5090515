"""What is due for review, per treatment: sources and label versions not checked for more than 12 months, figures
whose label source records no version or date, newer US labels found by the last openFDA check, and the date of
the next review. No Streamlit here.

The interval is the update policy's "at least once a year" (data/site.yaml); a test holds the two together.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .knowledge import Knowledge
from .labels import NEWER, UNCHANGED, Result, State, cited_by, figures_of, is_us_label, recorded
from .models import Source, Treatment

REVIEW_EVERY_MONTHS = 12


def months_later(day: dt.date, months: int = REVIEW_EVERY_MONTHS) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    while True:
        try:
            return dt.date(year, month, day.day)
        except ValueError:  # 29-31 in a shorter month: its last day
            day = day.replace(day=day.day - 1)


@dataclass(frozen=True)
class Checked:
    """One source of a treatment and when it was last checked."""

    source: Source
    checked: dt.date  # read (accessed), or for a US label openFDA found unchanged, the day of that check
    what: str  # "source" or "label version"


@dataclass(frozen=True)
class Undated:
    """A label source without a recorded version or date, and how many of the treatment's figures rest on it."""

    source: Source
    figures: int


@dataclass(frozen=True)
class TreatmentReview:
    treatment: Treatment
    overdue: tuple[Checked, ...]  # not checked for more than 12 months
    undated: tuple[Undated, ...]
    newer_labels: tuple[Result, ...]
    next_review: dt.date

    @property
    def due(self) -> bool:
        return bool(self.overdue or self.newer_labels)


def last_checked(source: Source, state: State | None) -> Checked:
    if is_us_label(source) and state is not None:
        result = state.for_source(source.id)
        if result is not None and result.status == UNCHANGED and state.checked_on > source.accessed:
            return Checked(source, state.checked_on, "label version")
    return Checked(source, source.accessed, "label version" if source.type == "label" else "source")


def review_one(knowledge: Knowledge, treatment: Treatment, today: dt.date, state: State | None) -> TreatmentReview:
    users = cited_by(knowledge)
    sources = [s for s in knowledge.sources.values() if treatment.id in users.get(s.id, ())]
    checked = [last_checked(s, state) for s in sources]
    overdue = tuple(sorted((c for c in checked if months_later(c.checked) < today), key=lambda c: c.checked))
    counts: dict[str, int] = {}
    for item, _ in figures_of(treatment):
        counts[item.source] = counts.get(item.source, 0) + 1
    undated = tuple(Undated(s, counts[s.id]) for s in sources
                    if s.type == "label" and s.id in counts and not recorded(s).known)
    newer = tuple(r for r in (state.newer() if state else ()) if any(s.id in r.sources for s in sources))
    candidates = [months_later(treatment.last_reviewed), *(months_later(c.checked) for c in checked)]
    if newer and state:
        candidates.append(state.checked_on)
    return TreatmentReview(treatment, overdue, undated, newer, min(candidates))


def review(knowledge: Knowledge, today: dt.date, state: State | None = None) -> list[TreatmentReview]:
    """Every treatment's review, in the pickers' order."""
    return [review_one(knowledge, knowledge.treatments[i], today, state) for i in knowledge.treatment_ids()]


def report(reviews: list[TreatmentReview], today: dt.date, state: State | None) -> str:
    """The review as plain text for the command line."""
    lines = [f"Review on {today.isoformat()}: every source is checked at least every {REVIEW_EVERY_MONTHS} months "
             f"(update policy in data/site.yaml); "
             + (f"last openFDA label check {state.checked_at}." if state else "no openFDA label check recorded.")]
    for r in reviews:
        t = r.treatment
        lines += ["", f"{t.name}: last reviewed {t.last_reviewed.isoformat()}, next review by {r.next_review.isoformat()}"
                  + (" (due)" if r.next_review <= today else "")]
        lines.append(f"  not checked for more than {REVIEW_EVERY_MONTHS} months: "
                     + (f"{len(r.overdue)}" if r.overdue else "none"))
        lines += [f"    - {c.what} {c.source.id}, last checked {c.checked.isoformat()}" for c in r.overdue]
        lines.append("  figures whose label source has no version or date: "
                     + (f"{sum(u.figures for u in r.undated)} from {len(r.undated)} sources" if r.undated else "none"))
        lines += [f"    - {u.source.id}: {u.figures} figures" for u in r.undated]
        for label in r.newer_labels:
            lines.append(f"  newer US label on openFDA: {label.brand or label.query}, effective {label.effective} "
                         f"(recorded: {label.recorded}); sources {', '.join(label.sources)}")
            lines += [f"    changed: {change}" for change in label.changes]
    return "\n".join(lines)


__all__ = ["NEWER", "REVIEW_EVERY_MONTHS", "TreatmentReview", "months_later", "report", "review"]
