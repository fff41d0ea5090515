import streamlit as st

from components import notice, page, pregnancy_notes, statement, treatment_picker, view_switch
from dashboard.safe_text import safe_text

knowledge = page.start("Pregnancy and breastfeeding")
view = view_switch.show()
chosen = treatment_picker.show(knowledge)
if notice.need_treatments(chosen):
    for treatment in knowledge.pick(chosen):
        st.header(safe_text(treatment.name), anchor=treatment.id, divider="gray")
        pregnancy_notes.show(knowledge, treatment, view)
research = knowledge.topics.get("pregnancy_research")
if research:
    st.header(safe_text(research.patient_title if view == "patient" else research.title), divider="gray")
    statement.show_all(knowledge, research.statements, view)
