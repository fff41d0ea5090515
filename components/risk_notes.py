"""Serious-risk notes of one treatment, grouped by topic, with the monitoring that follows."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Treatment

from . import statement

TOPICS = {
    "boxed_warning": "Boxed warning (the label's most serious warning)", "pml": "PML (a rare, serious brain infection)",
    "infections": "Infections", "hbv": "Hepatitis B reactivation", "herpes": "Herpes infections",
    "immunoglobulins": "Antibody (immunoglobulin) levels", "infusion_reactions": "Infusion reactions",
    "injection_reactions": "Injection reactions", "malignancy": "Cancer", "autoimmunity": "Autoimmune conditions",
    "liver": "Liver", "other": "Other risks",
}
SHOWN = ("boxed_warning", "pml", "infections", "hbv", "herpes", "immunoglobulins")


def _risks(knowledge: Knowledge, treatment: Treatment, view: str, topics: tuple[str, ...]) -> str:
    return "\n\n".join(statement.group(knowledge, risks, view, heading=f"##### {TOPICS[topic]}")
                       for topic in topics if (risks := [r for r in treatment.risks if r.topic == topic]))


def _monitoring(knowledge: Knowledge, treatment: Treatment, view: str) -> str:
    m = treatment.monitoring
    return "\n\n".join(statement.group(knowledge, items, view, heading=f"##### {title}")
                       for title, items in (("Before the first dose", m.screening),
                                            ("During and after each dose", m.administration), ("Ongoing checks", m.ongoing),
                                            ("Vaccines", m.vaccines), ("Who must not receive it", m.contraindications)) if items)


def show(knowledge: Knowledge, treatment: Treatment, view: str, topics: tuple[str, ...] = SHOWN) -> None:
    text = knowledge.memo(("risks", treatment.id, view, topics), lambda: _risks(knowledge, treatment, view, topics))
    if text:
        st.markdown(text)


def monitoring(knowledge: Knowledge, treatment: Treatment, view: str) -> None:
    text = knowledge.memo(("monitoring", treatment.id, view), lambda: _monitoring(knowledge, treatment, view))
    if text:
        st.markdown(text)
