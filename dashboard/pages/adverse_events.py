import streamlit as st

from components import chart_card, event_picker, figures, notice, page, treatment_picker, view_switch

knowledge = page.start("Side effects seen in the trials")
view = view_switch.show()
chosen = treatment_picker.show(knowledge)
events = event_picker.show(knowledge, chosen)
notice.not_head_to_head(knowledge)
if notice.need_treatments(chosen) and not events:
    st.info("Choose at least one side effect above.")
for te in knowledge.trial_events(chosen, events):
    chart_card.show(*figures.adverse_event_card(te.treatment.id, te.trial.id, tuple(events), view), key=figures.adverse_event_key(te))
