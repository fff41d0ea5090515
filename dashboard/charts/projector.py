"""A chart for a projector: the same figure (same numbers, same traces) with every text at least 24 px and more
room, so it reads from the back of a room at 1920x1080."""
from __future__ import annotations

import plotly.graph_objects as go

SIZE = 24


def enlarged(fig: go.Figure, height: int = 640) -> go.Figure:
    """One screen of a 1920x1080 projector below the disclaimer and the step's title."""
    big = go.Figure(fig)  # a copy: the cached screen figure is never changed
    big.update_layout(font=dict(size=SIZE), height=height, legend=dict(font=dict(size=SIZE)))
    big.update_xaxes(title_font=dict(size=SIZE), tickfont=dict(size=SIZE))
    big.update_yaxes(title_font=dict(size=SIZE), tickfont=dict(size=SIZE))
    big.update_annotations(font=dict(size=SIZE))
    big.update_traces(textfont=dict(size=SIZE), selector=dict(type="bar"))
    big.update_traces(textfont=dict(size=SIZE), selector=lambda t: t.type == "scatter" and "text" in (t.mode or ""))
    big.update_traces(marker=dict(size=22), selector=lambda t: t.type == "scatter" and (t.marker.size or 0) >= 10)
    # Icons of an array of 1,000 (under 10 px) keep their size: each sits in a cell a little larger than itself
    # (charts/icon_array.py), so a larger icon would touch its neighbours.
    margin = big.layout.margin
    big.update_layout(margin=dict(t=(margin.t or 40) * 1.6, b=(margin.b or 60) * 1.6, l=margin.l, r=margin.r))
    return big
