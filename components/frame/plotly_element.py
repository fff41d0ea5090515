"""A cached Plotly figure drawn with st.plotly_chart, the same options everywhere. Figures must not be changed after
they are first drawn (components.frame.figures shares them between sessions)."""
from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st


def draw(figure: go.Figure, alt: str | None, config: dict, key: str | None = None) -> None:
    """st.plotly_chart(figure, config=config, alt=alt, key=key, width="stretch", theme=None)."""
    st.plotly_chart(figure, config=config, key=key, width="stretch", theme=None, alt=alt)
