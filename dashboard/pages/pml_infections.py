import streamlit as st

from components import chart_card, figures, notice, overview_line, page, pml_estimator, risk_notes, selection

knowledge, _ = page.start("PML, infections and other serious risks")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    for treatment in knowledge.pick(list(chosen.treatments)):
        overview_line.show(knowledge, treatment, chosen.view, ("pml", "serious", "monitoring"), heading=True)
        pml_estimator.show(knowledge, treatment, chosen.view)
        if chosen.view == "clinician" and treatment.pml_risk:
            with st.expander("Every published stratum, side by side"):
                for region in sorted({s.region for s in treatment.pml_risk}, reverse=True):
                    chart_card.show(*figures.pml_card(treatment.id, region), key=f"pml_{treatment.id}_{region}",
                                    heading=figures.pml_title(treatment.id, region))
    risk_notes.show(knowledge, knowledge.pick(list(chosen.treatments)), chosen.view)  # in detail, on demand
