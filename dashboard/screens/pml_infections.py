import streamlit as st

from components.controls import pml_estimator, selection
from components.frame import figures, notice, page
from components.views import chart_card, overview_line, rare_risk_picture, risk_notes

ROWS = ("pml", "serious", "monitoring")


def strata(treatment) -> None:
    """For a clinician, every published stratum of the treatment's PML estimates, side by side."""
    if chosen.view == "clinician" and treatment.pml_risk:
        with st.expander("Every published stratum, side by side"):
            for region in sorted({s.region for s in treatment.pml_risk}, reverse=True):
                chart_card.show(*figures.pml_card(treatment.id, region), key=f"pml_{treatment.id}_{region}",
                                heading=figures.pml_title(treatment.id, region))


knowledge, _ = page.start("PML, infections and other serious risks")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    treatments = knowledge.pick(list(chosen.treatments))
    chart_card.table_switch()
    rare_risk_picture.show(knowledge, treatments, chosen.view)  # PML on one scale, first
    # Each treatment's lines, its PML estimator (or what it says instead) and, for a clinician, every stratum.
    pml_estimator.sections(knowledge, treatments, chosen.view, more=strata,
                           lines=lambda t: overview_line.text(knowledge, t, chosen.view, ROWS, heading=True))
    risk_notes.show(knowledge, treatments, chosen.view)  # in detail, on demand
