"""The side-effect cards of the chosen treatments: one per trial, all on one x range; a gap said where it is. A card
that leaves out a side effect its treatment has figures for says so under it."""
from __future__ import annotations

from dashboard.charts import adverse_events
from dashboard.knowledge import Knowledge, per_knowledge

from dashboard.safe_text import safe_text

from components.frame import elements, figures
from components.views import chart_card, review_status
from components.controls.selection import Selection, comparator_link


def show(knowledge: Knowledge, chosen: Selection, events: tuple[str, ...], lead: str = "") -> None:
    """`lead`: Markdown said above the cards (the not-head-to-head notice), in the first card's heading element."""
    for kind, *args in _plan(knowledge, chosen, events):
        if kind == "info":
            if lead:
                elements.markdown(lead)
            elements.info(args[0], icon=args[1])
        else:
            card, key, heading, also, left_out, sources = args
            chart_card.show(*card, key=key, heading=heading, also=also, lead=lead)
            if left_out:
                elements.caption(left_out)
            review_status.show_label_notice(knowledge, sources, chosen.view)  # where a newer US label exists
        lead = ""
    if lead:
        elements.markdown(lead)


@per_knowledge
def _plan(knowledge: Knowledge, chosen: Selection, events: tuple[str, ...]) -> tuple:
    """What the page draws for this selection, made once and shared: notices, and cards with their figures."""
    treatment_ids, view = chosen.treatments, chosen.view
    cards = knowledge.trial_events(list(treatment_ids), list(events))
    x_range = round(adverse_events.x_max(cards), 1)
    plan = []
    for treatment in knowledge.pick(list(treatment_ids)):
        mine = [te for te in cards if te.treatment.id == treatment.id]
        if not any(r.charted for r in treatment.adverse_events):
            gap = next((g.text(view) for g in treatment.gaps if g.topic == "adverse_events"),
                       "No trial side-effect rates with both arms are recorded for this treatment.")
            plan.append(("info", f"**{safe_text(treatment.name)}:** {safe_text(gap)}", ":material/bar_chart_off:"))
        elif not mine:
            plan.append(("info", f"**{safe_text(treatment.name)}:** none of the side effects chosen above was reported in "
                         "its trials. Choose others to see its chart.", ":material/bar_chart:"))
        for te in mine:
            plan.append(("chart", figures.adverse_event_card(treatment.id, te.trial.id, events, view, x_range),
                         figures.adverse_event_key(te), adverse_events.title(te, knowledge, view),
                         comparator_link(knowledge, chosen, treatment.id, te.trial.id),
                         safe_text(adverse_events.left_out(knowledge, te, cards, list(events), view)),
                         tuple(dict.fromkeys(r.source for r in te.rows))))
    return tuple(plan)
