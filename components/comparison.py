"""The side-by-side comparison: one row per aspect, one column per treatment, a source under each cell.

Each cell is built as Markdown text and drawn as one element."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Treatment
from dashboard.safe_text import safe_text

from . import source_link, statement

STATUS = {"approved": "approved", "off_label": "not approved for MS (off-label use)",
          "not_approved": "not approved", "withdrawn": "withdrawn"}
BURDEN = {"low": "Low", "moderate": "Moderate", "high": "High"}


def _given(knowledge: Knowledge, t: Treatment, view: str) -> list[str]:
    i = t.identity
    text = (f"**{safe_text(i.route)}**  \n{safe_text(i.schedule)}  \n{safe_text(i.drug_class)}: {safe_text(i.mechanism)}"
            if view == "clinician" else safe_text(i.patient))
    return [text, source_link.line(knowledge, i.source, i.locator, i.evidence, view)]


def _approvals(knowledge: Knowledge, t: Treatment, view: str) -> list[str]:
    parts = ["**Off-label in MS:** not approved for MS by the regulators listed."] if t.off_label else []
    for a in t.approvals:
        use = f" for {', '.join(a.indications)}" if a.indications and a.status == "approved" else ""
        parts.append(f"**{a.region}:** {STATUS[a.status]}{safe_text(use)}")
        if view == "clinician":
            parts.append(safe_text(a.clinician))
        parts.append(source_link.line(knowledge, a.source, a.locator, a.evidence, view))
    return parts


def _benefit(knowledge: Knowledge, t: Treatment, view: str) -> list[str]:
    parts = [] if t.benefits else [":small[No trial benefit figures recorded.]"]
    for b in t.benefits[: 1 if view == "patient" else 3]:
        parts += [safe_text(b.patient if view == "patient" else b.clinician), source_link.line(knowledge, b.source, b.locator, view=view)]
    return parts + [statement.markdown(knowledge, note, view) for note in t.benefit_notes[:1]]


def _burden(knowledge: Knowledge, t: Treatment, view: str) -> list[str]:
    return [statement.markdown(knowledge, t.monitoring.burden, view, title=BURDEN[t.monitoring.burden.level])]


def _risks(knowledge: Knowledge, t: Treatment, view: str) -> list[str]:
    return [statement.markdown(knowledge, risk, view, title=risk.title)
            for risk in [r for r in t.risks if r.headline] or t.risks[:3]]


def _pregnancy(knowledge: Knowledge, t: Treatment, view: str) -> list[str]:
    return [statement.markdown(knowledge, t.pregnancy.summary, view)]


ASPECTS = (
    ("How it is given", _given), ("Approval", _approvals), ("What the trials showed", _benefit),
    ("Monitoring burden", _burden), ("Key risks", _risks), ("Pregnancy", _pregnancy),
)


def show(knowledge: Knowledge, treatment_ids: list[str], view: str) -> None:
    chosen = knowledge.pick(treatment_ids)
    for column, t in zip(st.columns(len(chosen)), chosen):
        brands = f" ({', '.join(t.brands)})" if t.brands else ""
        column.markdown(f"### {safe_text(t.name + brands)}\n\n:small[Last reviewed {t.last_reviewed.isoformat()}]")
    for aspect, draw in ASPECTS:
        # Each cell carries its aspect's name, so the row still reads right when the columns stack on a phone.
        for column, t in zip(st.columns(len(chosen), border=True), chosen):
            column.markdown(knowledge.memo(("compare", aspect, t.id, view),
                                           lambda: "\n\n".join([f"#### {aspect}", *draw(knowledge, t, view)])))
