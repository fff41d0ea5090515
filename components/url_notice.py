"""A visible notice for values in the link that the page does not know; they are ignored.

The notice never repeats what the link says: a crafted link could otherwise put its own sentence (and address)
into the dashboard's own info box. It says how many values were ignored."""
from __future__ import annotations

import streamlit as st


def unknown(param: str, known: list[str], what: str) -> None:
    ignored = sum(1 for value in st.query_params.get_all(param) if value and value not in known)
    if ignored:
        values = "1 value" if ignored == 1 else f"{ignored} values"
        st.info(f"The link holds {values} for {what} that this dashboard does not know, so "
                f"{'it is' if ignored == 1 else 'they are'} ignored.", icon=":material/info:")
