"""A chart with its heading, alt text and a "show as table" alternative."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.safe_text import safe_text

# No toolbar: on a phone it covers the legend, on a projector it distracts; the table toggle is the way to the numbers.
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "displayModeBar": False}


def show(figure: go.Figure, alt: str, table: pd.DataFrame, key: str, heading: str = "") -> None:
    with st.container(border=True):
        if heading:
            st.markdown(f"**{safe_text(heading)}**")
        if st.toggle("Show as table", key=f"table_{key}", help="The same numbers as a table, for screen readers and printing."):
            st.dataframe(table, hide_index=True, width="stretch")
        else:
            st.plotly_chart(figure, config=PLOTLY_CONFIG, alt=alt, key=f"chart_{key}", width="stretch", theme=None)
