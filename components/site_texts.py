"""The About page's texts: what the dashboard is, how to read trial numbers, the update policy and dates."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.safe_text import safe_text

from . import statement


def about(knowledge: Knowledge) -> None:
    st.markdown("\n\n".join(safe_text(paragraph) for paragraph in knowledge.site.about))


def reading_trials(knowledge: Knowledge) -> None:
    st.header("How to read trial numbers", divider="gray")
    st.markdown("\n".join("- " + safe_text(paragraph) for paragraph in knowledge.site.reading_trials))


def topics(knowledge: Knowledge, ids: tuple[str, ...], view: str) -> None:
    for topic in (knowledge.topics[i] for i in ids if i in knowledge.topics):
        st.header(safe_text(topic.patient_title if view == "patient" else topic.title), divider="gray")
        statement.show_all(knowledge, topic.statements, view)


def review_dates(knowledge: Knowledge) -> None:
    st.header("Updates and review dates", divider="gray")
    st.markdown(safe_text(knowledge.site.update_policy))
    st.dataframe(knowledge.memo(("review_dates",), lambda: pa.Table.from_pandas(pd.DataFrame(
        [{"Treatment": safe_text(t.name, "plain"), "Last reviewed": t.last_reviewed.isoformat()} for t in knowledge.treatments.values()]
        + [{"Treatment": safe_text(f"Section: {t.title}", "plain"), "Last reviewed": t.last_reviewed.isoformat()} for t in knowledge.topics.values()]
    ), preserve_index=False)), hide_index=True, width="stretch")
