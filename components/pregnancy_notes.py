"""Pregnancy and breastfeeding for one treatment, US and EU labels side by side where they differ."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Statement, Treatment

from . import statement


def _by_region(knowledge: Knowledge, items: tuple[Statement, ...], view: str) -> None:
    regional = [s for s in items if s.region != "all"]
    for s in items:
        if s.region == "all":
            statement.show(knowledge, s, view)
    if regional:
        regions = sorted({s.region for s in regional}, reverse=True)
        for column, region in zip(st.columns(len(regions)), regions):
            with column:
                for s in regional:
                    if s.region == region:
                        statement.show(knowledge, s, view)


def show(knowledge: Knowledge, treatment: Treatment, view: str) -> None:
    p = treatment.pregnancy
    statement.show(knowledge, p.summary, view, title="In short")
    for title, items in (("Contraception and washout after the last dose", p.contraception),
                         ("What is known about exposure in pregnancy", p.exposure),
                         ("Effects on the baby", p.infant), ("Breastfeeding", p.breastfeeding)):
        st.markdown(f"##### {title}")
        if items:
            _by_region(knowledge, items, view)
        else:
            st.caption("Nothing recorded in the sources we hold.")
