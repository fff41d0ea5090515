"""A visible notice for values in the link that the page does not know; they are ignored."""
from __future__ import annotations

import streamlit as st

from .text import escape


def unknown(param: str, known: list[str], what: str) -> None:
    given = st.query_params.get_all(param)
    strange = [value for value in given if value and value not in known]
    if strange:
        st.info(f"The link asked for {what} this dashboard does not have, so they are ignored: "
                + ", ".join(escape(s) for s in strange), icon=":material/info:")
