"""Patient or clinician view, bound to ?view= so a link opens the same view."""
from __future__ import annotations

import streamlit as st

PATIENT, CLINICIAN = "Patient", "Clinician"


def show() -> str:
    """'patient' (plain language, fewer numbers at once) or 'clinician' (trial names, label sections, n per arm)."""
    choice = st.segmented_control(
        "View", options=[PATIENT, CLINICIAN], default=PATIENT, required=True, key="view", bind="query-params",
        help="Patient: plain language, fewer numbers at once. Clinician: trial names, label sections and patients per arm.",
    )
    return "clinician" if choice == CLINICIAN else "patient"
