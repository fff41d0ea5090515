"""The side-by-side comparison: one row per aspect, one column per treatment, a source under each cell."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Treatment

from . import source_link, statement
from .text import escape

STATUS = {"approved": "approved", "off_label": "not approved for MS (off-label use)",
          "not_approved": "not approved", "withdrawn": "withdrawn"}
BURDEN = {"low": "Low", "moderate": "Moderate", "high": "High"}


def _given(knowledge: Knowledge, t: Treatment, view: str) -> None:
    i = t.identity
    if view == "clinician":
        st.markdown(f"**{escape(i.route)}**  \n{escape(i.schedule)}  \n{escape(i.drug_class)}: {escape(i.mechanism)}")
    else:
        st.markdown(escape(i.patient))
    source_link.show(knowledge, i.source, i.locator, i.evidence, view)


def _approvals(knowledge: Knowledge, t: Treatment, view: str) -> None:
    if t.off_label:
        st.markdown("**Off-label in MS:** not approved for MS by the regulators listed.")
    for a in t.approvals:
        use = f" for {', '.join(a.indications)}" if a.indications and a.status == "approved" else ""
        st.markdown(f"**{a.region}:** {STATUS[a.status]}{escape(use)}")
        if view == "clinician":
            st.markdown(escape(a.clinician))
        source_link.show(knowledge, a.source, a.locator, a.evidence, view)


def _benefit(knowledge: Knowledge, t: Treatment, view: str) -> None:
    if not t.benefits:
        st.caption("No trial benefit figures recorded.")
    for b in t.benefits[: 1 if view == "patient" else 3]:
        st.markdown(escape(b.patient if view == "patient" else b.clinician))
        source_link.show(knowledge, b.source, b.locator, view=view)
    for note in t.benefit_notes[:1]:
        statement.show(knowledge, note, view)


def _burden(knowledge: Knowledge, t: Treatment, view: str) -> None:
    statement.show(knowledge, t.monitoring.burden, view, title=BURDEN[t.monitoring.burden.level])


def _risks(knowledge: Knowledge, t: Treatment, view: str) -> None:
    for risk in [r for r in t.risks if r.headline] or t.risks[:3]:
        statement.show(knowledge, risk, view, title=risk.title)


def _pregnancy(knowledge: Knowledge, t: Treatment, view: str) -> None:
    statement.show(knowledge, t.pregnancy.summary, view)


ASPECTS = (
    ("How it is given", _given), ("Approval", _approvals), ("What the trials showed", _benefit),
    ("Monitoring burden", _burden), ("Key risks", _risks), ("Pregnancy", _pregnancy),
)


def show(knowledge: Knowledge, treatment_ids: list[str], view: str) -> None:
    chosen = knowledge.pick(treatment_ids)
    header = st.columns(len(chosen))
    for column, t in zip(header, chosen):
        brands = f" ({', '.join(t.brands)})" if t.brands else ""
        column.subheader(escape(t.name + brands), anchor=False)
        column.caption(f"Last reviewed {t.last_reviewed.isoformat()}")
    for aspect, draw in ASPECTS:
        st.markdown(f"#### {aspect}")
        for column, t in zip(st.columns(len(chosen), border=True), chosen):
            with column:
                draw(knowledge, t, view)
