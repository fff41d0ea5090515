"""A chart with its alt text and a "show as table" alternative."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def show(figure: go.Figure, alt: str, table: pd.DataFrame, key: str) -> None:
    with st.container(border=True):
        if st.toggle("Show as table", key=f"table_{key}", help="The same numbers as a table, for screen readers and printing."):
            st.dataframe(table, hide_index=True, width="stretch")
        else:
            st.plotly_chart(figure, config=PLOTLY_CONFIG, alt=alt, key=f"chart_{key}", width="stretch", theme=None)
