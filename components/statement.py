"""One statement in the chosen view, with its evidence strength, limits, figures and source."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Statement

from . import source_link
from .text import escape

REGION = {"US": "US label (FDA)", "EU": "EU label (EMA)", "all": ""}


def show(knowledge: Knowledge, statement: Statement, view: str, title: str | None = None) -> None:
    region = REGION.get(statement.region, "")
    head = " · ".join(p for p in (title, region) if p)
    text = statement.patient if view == "patient" else statement.clinician
    st.markdown((f"**{escape(head)}:** " if head else "") + escape(text))
    if statement.limits:
        st.markdown(f"*Limits:* {escape(statement.limits)}")
    if view == "clinician":
        for figure in statement.figures:
            count = f" ({figure.count}/{figure.n})" if figure.count and figure.n else ""
            st.markdown(f"- {escape(figure.label)}: **{figure.value:g} {escape(figure.unit)}**{count}")
            source_link.show(knowledge, figure.source, figure.locator, view=view)
    source_link.show(knowledge, statement.source, statement.locator, statement.evidence, view)


def show_all(knowledge: Knowledge, statements, view: str, empty: str = "Nothing recorded in the sources we hold.") -> None:
    if not statements:
        st.caption(empty)
    for statement in statements:
        show(knowledge, statement, view)
