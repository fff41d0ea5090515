"""The sources registry as a table, and where one source is cited, with the exact place."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.links import is_allowed
from dashboard.safe_text import safe_text

from components.frame import elements


def table(knowledge: Knowledge, view: str) -> pd.DataFrame:
    words = knowledge.site.evidence
    return pd.DataFrame([
        {"Title": safe_text(s.title, "plain"), "Publisher": safe_text(s.publisher, "plain"), "Year": s.year,
         "Evidence": safe_text(words[s.type].plain if view == "patient" else words[s.type].name, "plain"),
         "Region": s.region or "", "Link": s.url if is_allowed(s.url) else None, "Accessed": s.accessed.isoformat()}
        for s in sorted(knowledge.sources.values(), key=lambda s: (s.title.lower(), s.year))
    ])


def show(knowledge: Knowledge, view: str) -> None:
    # The table and its Arrow conversion made once per view (they were most of this page's cost).
    arrow = knowledge.recent(("sources_arrow", view),
                             lambda: pa.Table.from_pandas(table(knowledge, view), preserve_index=False))
    elements.kept(knowledge, ("sources_table", view), lambda dg: dg.dataframe(
        arrow, hide_index=True, width="stretch",
        column_config={"Link": st.column_config.LinkColumn("Link", display_text="Open source")}))


def cited(knowledge: Knowledge) -> None:
    """Where one source is used, with the exact place: on demand (the picker lists every source, tens of kilobytes
    sent to every visitor of the page), or at once for a link that names a source (?source=...)."""
    if "source" not in st.query_params and not st.toggle("Look up where one source is used", key="w_find_source"):
        return
    label = knowledge.memo(("source_labels",), lambda: {
        i: safe_text(f"{s.title} ({s.year})", "plain") for i, s in sorted(knowledge.sources.items(), key=lambda item: item[1].title.lower())})
    ids = list(label)
    chosen = st.selectbox("Where is a source used?", options=ids, index=None, placeholder="Choose a source",
                          format_func=label.get,
                          key="source", bind="query-params")
    if chosen:
        st.dataframe(pd.DataFrame([[safe_text(cell, "plain") for cell in row] for row in knowledge.citations(chosen)], columns=["Used for", "Place in the source"]),
                     hide_index=True, width="stretch")
