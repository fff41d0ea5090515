"""Serious risks of one treatment, the overview line first and each topic's details on demand."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Treatment

from . import elements, statement

TOPICS = {
    "boxed_warning": "Boxed warning (the label's most serious warning)", "pml": "PML (a rare, serious brain infection)",
    "infections": "Infections", "hbv": "Hepatitis B reactivation", "herpes": "Herpes infections",
    "immunoglobulins": "Antibody (immunoglobulin) levels", "infusion_reactions": "Infusion reactions",
    "injection_reactions": "Injection reactions", "malignancy": "Cancer", "autoimmunity": "Autoimmune conditions",
    "liver": "Liver", "other": "Other risks",
}
GROUPS = (  # expander title, topics
    ("PML", ("pml",)),
    ("Infections", ("boxed_warning", "infections", "hbv", "herpes", "immunoglobulins")),
    ("Other serious risks", ("infusion_reactions", "injection_reactions", "malignancy", "autoimmunity", "liver", "other")),
)


def _risks(knowledge: Knowledge, treatment: Treatment, view: str, topics: tuple[str, ...]) -> str:
    return "\n\n".join(statement.group(knowledge, risks, view, heading=f"##### {TOPICS[topic]}")
                       for topic in topics if (risks := [r for r in treatment.risks if r.topic == topic]))


def _monitoring(knowledge: Knowledge, treatment: Treatment, view: str) -> str:
    m = treatment.monitoring
    return "\n\n".join(statement.group(knowledge, items, view, heading=f"##### {title}")
                       for title, items in (("How much monitoring", (m.burden,)), ("Before the first dose", m.screening),
                                            ("During and after each dose", m.administration), ("Ongoing checks", m.ongoing),
                                            ("Vaccines", m.vaccines), ("Who must not receive it", m.contraindications)) if items)


def _all_risks(knowledge: Knowledge, treatment: Treatment, view: str) -> str:
    return "\n\n".join(f"#### {title}\n\n{text}" for title, topics in GROUPS
                        if (text := _risks(knowledge, treatment, view, topics)))


def show(knowledge: Knowledge, treatment: Treatment, view: str) -> None:
    """The risks grouped by topic (PML, infections, others), then the tests before, during and after treatment, in
    one section opened on demand: one element for the browser (a section costs every visitor's session about as
    much as a widget)."""
    risks = knowledge.memo(("risks", treatment.id, view), lambda: _all_risks(knowledge, treatment, view))
    checks = knowledge.memo(("monitoring", treatment.id, view), lambda: _monitoring(knowledge, treatment, view))
    named = [title for title, topics in GROUPS if any(r.topic in topics for r in treatment.risks)]
    if checks:
        named.append("tests before, during and after")
    if named:
        with st.expander("Serious risks in detail: " + ", ".join(named)):
            elements.markdown(knowledge.memo(("risks_and_checks", treatment.id, view), lambda: "\n\n".join(
                [risks] * bool(risks) + [f"#### Tests and monitoring\n\n{checks}"] * bool(checks))))
