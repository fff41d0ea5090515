"""The sources registry as a table, and where one source is cited, with the exact place."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.links import is_allowed

from . import url_notice
from .text import escape


def table(knowledge: Knowledge, view: str) -> pd.DataFrame:
    words = knowledge.site.evidence
    return pd.DataFrame([
        {"Title": s.title, "Publisher": s.publisher, "Year": s.year,
         "Evidence": words[s.type].plain if view == "patient" else words[s.type].name,
         "Region": s.region or "", "Link": s.url if is_allowed(s.url) else None, "Accessed": s.accessed.isoformat()}
        for s in sorted(knowledge.sources.values(), key=lambda s: (s.title.lower(), s.year))
    ])


def show(knowledge: Knowledge, view: str) -> None:
    st.dataframe(table(knowledge, view), hide_index=True, width="stretch",
                 column_config={"Link": st.column_config.LinkColumn("Link", display_text="Open source")})


def cited(knowledge: Knowledge) -> None:
    ids = sorted(knowledge.sources, key=lambda i: knowledge.sources[i].title.lower())
    label = {i: f"{knowledge.sources[i].title} ({knowledge.sources[i].year})" for i in ids}
    url_notice.unknown("source", list(label.values()), "sources")
    chosen = st.selectbox("Where is a source used?", options=ids, index=None, placeholder="Choose a source",
                          format_func=label.get,
                          key="source", bind="query-params")
    if chosen:
        st.dataframe(pd.DataFrame(knowledge.citations(chosen), columns=["Used for", "Place in the source"]),
                     hide_index=True, width="stretch")
