"""Pick treatments; bound to ?treatments= (repeated), so a link opens the same selection."""
from __future__ import annotations

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.safe_text import safe_text

from . import url_notice

DEFAULT = ["ocrelizumab", "natalizumab"]


def show(knowledge: Knowledge, at_most: int = 6, label: str = "Treatments to compare") -> list[str]:
    ids = knowledge.treatment_ids()
    names = {t.id: safe_text(t.name, "plain") for t in knowledge.treatments.values()}
    url_notice.unknown("treatments", [names[i] for i in ids], "treatments")
    chosen = st.multiselect(
        label, options=ids, format_func=names.get, default=[i for i in DEFAULT if i in ids][:at_most],
        max_selections=at_most, key="treatments", bind="query-params",
        help=f"Choose up to {at_most}. Type to search, or use the arrow keys.",
    )
    return list(chosen)
