import streamlit as st

from components.controls import pml_estimator, selection
from components.frame import figures, notice, page
from components.views import chart_card, overview_line, rare_risk_picture, risk_notes

knowledge, _ = page.start("PML, infections and other serious risks")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    treatments = knowledge.pick(list(chosen.treatments))
    chart_card.table_switch()
    rare_risk_picture.show(knowledge, treatments, chosen.view)  # PML on one scale, first
    for treatment in treatments:
        overview_line.show(knowledge, treatment, chosen.view, ("pml", "serious", "monitoring"), heading=True)
        pml_estimator.show(knowledge, treatment, chosen.view)
        if chosen.view == "clinician" and treatment.pml_risk:
            with st.expander("Every published stratum, side by side"):
                for region in sorted({s.region for s in treatment.pml_risk}, reverse=True):
                    chart_card.show(*figures.pml_card(treatment.id, region), key=f"pml_{treatment.id}_{region}",
                                    heading=figures.pml_title(treatment.id, region))
    risk_notes.show(knowledge, treatments, chosen.view)  # in detail, on demand
