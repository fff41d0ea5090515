"""Statements in the chosen view, each with its evidence strength, limits, figures and source.

A group of statements is drawn as one Markdown element: every element is a message to the browser, and on pages
with many statements those messages were most of the cost of a new session.
"""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Statement
from dashboard.safe_text import safe_text

from . import source_link

REGION = {"US": "US label (FDA)", "EU": "EU label (EMA)", "all": ""}
NOTHING = "Nothing recorded in the sources we hold."


def markdown(knowledge: Knowledge, statement: Statement, view: str, title: str | None = None) -> str:
    head = " · ".join(p for p in (title, REGION.get(statement.region, "")) if p)
    text = statement.patient if view == "patient" else statement.clinician
    parts = [(f"**{safe_text(head)}:** " if head else "") + safe_text(text)]
    if statement.limits:
        parts.append(f"*Limits:* {safe_text(statement.limits)}")
    if view == "clinician":
        for figure in statement.figures:
            count = f" ({figure.count}/{figure.n})" if figure.count and figure.n else ""
            parts.append(f"- {safe_text(figure.label)}: **{figure.value:g} {safe_text(figure.unit)}**{count}  \n"
                         f"  {source_link.line(knowledge, figure.source, figure.locator, view=view)}")
    parts.append(source_link.line(knowledge, statement.source, statement.locator, statement.evidence, view))
    return "\n\n".join(parts)


def group(knowledge: Knowledge, statements, view: str, heading: str = "", empty: str = NOTHING) -> str:
    """Several statements (optionally titled by `statement.title`) under an optional Markdown heading."""
    parts = [heading] if heading else []
    parts += [markdown(knowledge, s, view, title=getattr(s, "title", None)) for s in statements] or [f":small[{empty}]"]
    return "\n\n".join(parts)


def show(knowledge: Knowledge, statement: Statement, view: str, title: str | None = None) -> None:
    st.markdown(markdown(knowledge, statement, view, title))


def show_all(knowledge: Knowledge, statements, view: str, heading: str = "", empty: str = NOTHING) -> None:
    st.markdown(group(knowledge, statements, view, heading, empty))
