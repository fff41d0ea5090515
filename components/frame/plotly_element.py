"""A cached Plotly figure drawn with st.plotly_chart, the same options everywhere. Figures must not be changed after
they are first drawn (components.frame.figures shares them between sessions).

st.plotly_chart turns a Figure into its dict (Figure.to_dict: a deep copy of every trace, then a walk over every
value) on every run, which was a third of the PML page's server time. A figure is drawn through a copy of itself
made once, whose dict is made once too: every later draw of the same figure only encodes that dict as JSON."""
from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st


class _Drawn(go.Figure):
    """A copy of a figure whose dict (to_dict, to_plotly_json) is made once; shared, never changed."""

    def __init__(self, figure: go.Figure) -> None:
        super().__init__(figure)
        self._as_dict = figure.to_dict()  # the original's, so the chart's spec is the same text as before

    def to_dict(self) -> dict:
        return self._as_dict

    def to_plotly_json(self) -> dict:
        return self._as_dict


def drawn(figure: go.Figure) -> go.Figure:
    """The figure as st.plotly_chart is given it: its `_Drawn` copy, made on the first draw and kept with it."""
    if isinstance(figure, _Drawn):
        return figure
    copy = figure.__dict__.get("_ms_drawn")
    if copy is None:
        copy = figure._ms_drawn = _Drawn(figure)  # two sessions at once may both make it: the same copy either way
    return copy


def draw(figure: go.Figure, alt: str | None, config: dict, key: str | None = None) -> None:
    """st.plotly_chart(figure, config=config, alt=alt, key=key, width="stretch", theme=None)."""
    st.plotly_chart(drawn(figure), config=config, key=key, width="stretch", theme=None, alt=alt)
