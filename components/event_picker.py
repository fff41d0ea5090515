"""Pick adverse events from those the chosen treatments' trials report; bound to ?events=."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.safe_text import safe_text

from . import url_notice

SHOWN_BY_DEFAULT = 6


def show(knowledge: Knowledge, treatment_ids: list[str]) -> list[str]:
    ids = knowledge.events_for(treatment_ids)
    events = knowledge.events
    name = lambda e: safe_text(events[e].patient_label, "plain")  # noqa: E731  plain words in both views, so links work in both
    url_notice.unknown("events", [name(e) for e in ids], "events")
    chosen = st.multiselect(
        "Side effects to show", options=ids, format_func=name, default=knowledge.default_events(treatment_ids, SHOWN_BY_DEFAULT),
        key="events", bind="query-params",
        help="Events reported in the pivotal trials of the treatments you chose.",
    )
    return list(chosen)
