"""The About page's texts: what the dashboard is, how to read trial numbers, the update policy and dates."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.knowledge import Knowledge

from . import navigation, selection, statement
from dashboard.safe_text import safe_text

ENTRY_POINTS = (  # (label, what it opens, view, help)
    ("With my clinician", "overview", "clinician", "The overview with trial names, label sections and patients per arm."),
    ("On my own", "overview", "patient", "The overview in plain language."),
    ("For a talk", "presenter", "clinician", "Presenter mode: large type, one idea per screen, a QR code of the link."),
)


def start(knowledge: Knowledge) -> None:
    st.markdown("\n\n".join(f"**{safe_text(line)}**" if i == 0 else safe_text(line) for i, line in enumerate(knowledge.site.start)))


def entry_points(knowledge: Knowledge, chosen: selection.Selection) -> None:
    """Three ways in; each keeps the treatments already chosen and sets the view."""
    for column, (label, path, view, help_text) in zip(st.columns(len(ENTRY_POINTS)), ENTRY_POINTS):
        if path in navigation.PATHS and column.button(label, help=help_text, width="stretch", type="primary" if view == "patient" else "secondary"):
            selection.set_view(view)
            navigation.switch(path)


def trust(knowledge: Knowledge) -> None:
    site = knowledge.site
    with st.container(border=True):
        st.markdown(f"#### About this tool · knowledge version {safe_text(site.knowledge_version)} ({site.released.isoformat()})\n\n"
                    + "\n\n".join(f"**{safe_text(item.title)}.** {safe_text(item.text)}" for item in site.trust))


def about(knowledge: Knowledge) -> None:
    st.markdown("\n\n".join(safe_text(paragraph) for paragraph in knowledge.site.about))


def reading_trials(knowledge: Knowledge) -> None:
    with st.expander("How to read trial numbers", expanded=True):
        st.markdown("\n".join("- " + safe_text(paragraph) for paragraph in knowledge.site.reading_trials))


def topics(knowledge: Knowledge, ids: tuple[str, ...], view: str) -> None:
    for topic in (knowledge.topics[i] for i in ids if i in knowledge.topics):
        with st.expander(safe_text(topic.patient_title if view == "patient" else topic.title)):
            statement.show_all(knowledge, topic.statements, view)


def review_dates(knowledge: Knowledge) -> None:
    st.header("Updates and review dates", divider="gray")
    st.markdown(safe_text(knowledge.site.update_policy))
    st.dataframe(knowledge.memo(("review_dates",), lambda: pa.Table.from_pandas(pd.DataFrame(
        [{"Treatment": t.name, "Last reviewed": t.last_reviewed.isoformat()} for t in knowledge.treatments.values()]
        + [{"Treatment": f"Section: {t.title}", "Last reviewed": t.last_reviewed.isoformat()} for t in knowledge.topics.values()]
    ), preserve_index=False)), hide_index=True, width="stretch")
