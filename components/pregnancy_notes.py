"""Pregnancy and breastfeeding for one treatment, US and EU labels side by side where they differ."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Statement, Treatment

from . import statement


def _section(knowledge: Knowledge, title: str, items: tuple[Statement, ...], view: str) -> None:
    """The statements for every region, then each region's own in a column of its own (US beside EU)."""
    shared = [s for s in items if s.region == "all"]
    regions = sorted({s.region for s in items if s.region != "all"}, reverse=True)
    st.markdown(statement.group(knowledge, shared, view, heading=f"##### {title}") if shared or not regions
                else f"##### {title}")
    if regions:
        for column, region in zip(st.columns(len(regions)), regions):
            column.markdown(statement.group(knowledge, [s for s in items if s.region == region], view))


def show(knowledge: Knowledge, treatment: Treatment, view: str) -> None:
    p = treatment.pregnancy
    statement.show(knowledge, p.summary, view, title="In short")
    for title, items in (("Contraception and washout after the last dose", p.contraception),
                         ("What is known about exposure in pregnancy", p.exposure),
                         ("Effects on the baby", p.infant), ("Breastfeeding", p.breastfeeding)):
        _section(knowledge, title, items, view)
