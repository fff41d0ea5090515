"""The benefit cards of the chosen treatments: relapses (and disability progression) per 100 people, both arms."""
from __future__ import annotations

import streamlit as st

from dashboard.charts import arms, benefits
from dashboard.knowledge import Knowledge

from . import chart_card, figures, statement
from dashboard.safe_text import safe_text


def show(knowledge: Knowledge, treatment_ids: tuple[str, ...], view: str) -> None:
    chosen = knowledge.pick(list(treatment_ids))
    groups = {t.id: benefits.by_trial(t) for t in chosen}
    # One x range per kind of measure on the screen, so bars of different trials can be compared by eye.
    ranges = {}
    for tb in (tb for found in groups.values() for tb in found):
        unit = benefits.measure(tb.rows[0])
        values = [benefits.per_100(b, v) for b in tb.rows for v in (b.treatment_value, b.comparator_value)]
        ranges[unit] = max(ranges.get(unit, 0), *values)
    for t in chosen:
        st.subheader(safe_text(t.name), anchor=f"benefits-{t.id}", divider="gray")
        if not groups[t.id]:
            gap = next((g.note for g in t.gaps if g.topic == "benefits"), "No trial benefit figures with both arms are recorded.")
            st.info(safe_text(gap), icon=":material/info:")
        def card(index: int, tb) -> None:
            x_range = arms.x_max([ranges[benefits.measure(tb.rows[0])]], ceiling=10_000)
            chart_card.show(*figures.benefit_card(t.id, index, view, x_range), key=f"benefit_{t.id}_{index}",
                            heading=benefits.title(knowledge, tb, view))

        # The first (pivotal) trial at once; the others on demand, so three treatments still fit a few screens.
        for index, tb in enumerate(groups[t.id][:1]):
            card(index, tb)
        if len(groups[t.id]) > 1:
            with st.expander(f"Other trials and measures ({len(groups[t.id]) - 1})"):
                for index, tb in enumerate(groups[t.id][1:], start=1):
                    card(index, tb)
        other = [b for b in t.benefits if not benefits.charted(b)]
        if other or t.benefit_notes:
            with st.expander("More on what the trials showed, and what treatment does not do"):
                st.markdown("\n\n".join([safe_text(b.patient if view == "patient" else b.clinician) for b in other]
                                        + [statement.markdown(knowledge, n, view) for n in t.benefit_notes]))
