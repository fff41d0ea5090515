"""The side-effect cards of the chosen treatments: one per trial, all on one x range; a gap said where it is."""
from __future__ import annotations

import streamlit as st

from dashboard.charts import adverse_events
from dashboard.knowledge import Knowledge

from . import chart_card, figures
from dashboard.safe_text import safe_text


def show(knowledge: Knowledge, treatment_ids: tuple[str, ...], events: tuple[str, ...], view: str) -> None:
    cards = knowledge.trial_events(list(treatment_ids), list(events))
    x_range = round(adverse_events.x_max(cards), 1)
    for treatment in knowledge.pick(list(treatment_ids)):
        mine = [te for te in cards if te.treatment.id == treatment.id]
        if not any(r.charted for r in treatment.adverse_events):
            gap = next((g.note for g in treatment.gaps if g.topic == "adverse_events"),
                       "No trial side-effect rates with both arms are recorded for this treatment.")
            st.info(f"**{safe_text(treatment.name)}:** {safe_text(gap)}", icon=":material/bar_chart_off:")
        elif not mine:
            st.info(f"**{safe_text(treatment.name)}:** none of the side effects chosen above was reported in its trials. "
                    "Choose others to see its chart.", icon=":material/bar_chart:")
        for te in mine:
            chart_card.show(*figures.adverse_event_card(treatment.id, te.trial.id, events, view, x_range),
                            key=figures.adverse_event_key(te), heading=adverse_events.title(te, knowledge, view))
