"""The benefit cards of the chosen treatments: relapses (and disability progression) per 100 people, both arms."""
from __future__ import annotations

import streamlit as st

from dashboard.charts import arms, benefits
from dashboard.knowledge import Knowledge, per_knowledge

from dashboard.safe_text import safe_text

from components.frame import elements, figures
from components.views import chart_card, review_status, statement
from components.controls.selection import Selection, comparator_link


def more_switch(knowledge: Knowledge, selected: Selection) -> bool:
    """The first (pivotal) trial of each treatment at once; the others on demand (drawn only when asked for, so they
    cost nothing until then), with one switch for the page: a switch per treatment was a widget per treatment for
    every visitor. Three treatments still fit a few screens."""
    hidden = sum(len(t["cards"]) - 1 for t in _plan(knowledge, selected))
    return bool(hidden) and st.toggle(f"Also show the other trials and measures ({hidden})", key="more_benefits")


def show(knowledge: Knowledge, selected: Selection, more: bool, lead: str = "") -> None:
    """`more`: the other trials too (more_switch); `lead`: Markdown said above the cards (the not-head-to-head
    notice), in the first treatment's first element."""
    plan = _plan(knowledge, selected)
    for t in plan:
        section = "\n\n".join(p for p in (lead, f"---\n\n### {t['name']}") if p)  # with the first chart's heading
        lead = ""
        if t["gap"]:
            elements.markdown(section)
            elements.info(t["gap"], icon=":material/info:")
        for index, (card, key, heading, also) in enumerate(t["cards"] if more else t["cards"][:1]):
            chart_card.show(*card, key=key, heading=heading, also=also, lead="" if index else section)
    # What else the trials showed, for every treatment in one section on demand (a section costs every visitor's
    # session about as much as a widget: one, not one per treatment).
    noted = [t for t in plan if t["more"]]
    if noted:
        with elements.details("More on what the trials showed, and what treatment does not do"
                              + (": " + ", ".join(t["name"] for t in noted) if len(plan) > 1 else ""),
                              key="benefit_notes") as opened:
            if opened:  # drawn when opened
                key = ("more_benefits", tuple(t["id"] for t in noted), selected.view, len(plan) > 1,
                       review_status.checked())
                elements.markdown(knowledge.recent(key, lambda: "\n\n".join(
                    f"#### {t['name']}\n\n{t['more']}" if len(plan) > 1 else t["more"] for t in noted)))


@per_knowledge
def _plan(knowledge: Knowledge, selected: Selection) -> tuple[dict, ...]:
    """Per chosen treatment: its heading, gap, cards (figures with key, heading and comparator link) and the notes
    on demand; made once per selection and shared by every session."""
    view, chosen = selected.view, knowledge.pick(list(selected.treatments))
    groups = {t.id: benefits.by_trial(t) for t in chosen}
    # One x range per kind of measure on the screen, so bars of different trials can be compared by eye.
    ranges = {}
    for tb in (tb for found in groups.values() for tb in found):
        unit = benefits.measure(tb.rows[0])
        values = [benefits.per_100(b, v) for b in tb.rows for v in (b.treatment_value, b.comparator_value)]
        ranges[unit] = max(ranges.get(unit, 0), *values)
    plan = []
    for t in chosen:
        gap = "" if groups[t.id] else safe_text(next((g.text(view) for g in t.gaps if g.topic == "benefits"),
                                                     "No trial benefit figures with both arms are recorded."))
        cards = tuple((figures.benefit_card(t.id, index, view, arms.x_max([ranges[benefits.measure(tb.rows[0])]], ceiling=10_000)),
                       f"benefit_{t.id}_{index}", benefits.title(knowledge, tb, view),
                       comparator_link(knowledge, selected, t.id, tb.trial.id))
                      for index, tb in enumerate(groups[t.id]))
        other = [b for b in t.benefits if not benefits.charted(b)]
        more = "\n\n".join([safe_text(b.patient if view == "patient" else b.clinician) for b in other]
                            + [statement.markdown(knowledge, n, view) for n in t.benefit_notes])
        plan.append({"id": t.id, "name": safe_text(t.name), "gap": gap, "cards": cards, "more": more})
    return tuple(plan)
