"""Pregnancy and breastfeeding for one treatment: the short answer first, each topic on demand, US beside EU."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Statement, Treatment
from dashboard.safe_text import safe_text

from . import statement

SECTIONS = (("Contraception and washout after the last dose", "contraception"),
            ("What is known about exposure in pregnancy", "exposure"),
            ("Effects on the baby", "infant"), ("Breastfeeding", "breastfeeding"))


def _section(knowledge: Knowledge, items: tuple[Statement, ...], view: str) -> None:
    """The statements for every region, then each region's own in a column of its own (US beside EU)."""
    shared = [s for s in items if s.region == "all"]
    regions = sorted({s.region for s in items if s.region != "all"}, reverse=True)
    if shared or not regions:
        st.markdown(statement.group(knowledge, shared, view))
    if regions:
        for column, region in zip(st.columns(len(regions)), regions):
            column.markdown(statement.group(knowledge, [s for s in items if s.region == region], view, heading=f"**{region}**"))


def show(knowledge: Knowledge, treatment: Treatment, view: str) -> None:
    p = treatment.pregnancy
    with st.expander("In short, with its source"):
        statement.show(knowledge, p.summary, view)
    for title, field in SECTIONS:
        items = getattr(p, field)
        gap = next((g.note for g in treatment.gaps if g.topic == field or (field == "contraception" and g.topic == "pregnancy")), None)
        with st.expander(f"{title} ({len(items)})" if items else f"{title}: nothing recorded"):
            if gap:
                st.caption(safe_text(gap))
            _section(knowledge, items, view)
