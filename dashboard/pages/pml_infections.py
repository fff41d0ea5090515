import streamlit as st

from components import chart_card, figures, notice, page, risk_notes, treatment_picker, view_switch
from dashboard.safe_text import safe_text

knowledge = page.start("PML and infection risks")
view = view_switch.show()
chosen = treatment_picker.show(knowledge)
if notice.need_treatments(chosen):
    for treatment in knowledge.pick(chosen):
        st.header(safe_text(treatment.name), anchor=treatment.id, divider="gray")
        for region in sorted({s.region for s in treatment.pml_risk}, reverse=True):
            chart_card.show(*figures.pml_card(treatment.id, region), key=f"pml_{treatment.id}_{region}")
        risk_notes.show(knowledge, treatment, view)
        risk_notes.monitoring(knowledge, treatment, view)
