"""The cached chart element is the element st.plotly_chart sends for the same figure, and its JSON is made once."""
from __future__ import annotations

import gc

import plotly.graph_objects as go
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from components import plotly_element


def both(height: int | None) -> AppTest:
    def app(height):
        import plotly.graph_objects as go
        import streamlit as st

        from components import plotly_element

        figure = go.Figure(go.Bar(x=[40, 33], y=["Drug", "Placebo"], orientation="h", text=["40", "33"]))
        figure.update_layout(title="Headache, per 100 people", height=height)
        config = {"displaylogo": False, "responsive": True, "displayModeBar": False}
        st.plotly_chart(figure, config=config, alt="40 of 100 vs 33 of 100", key="chart", width="stretch", theme=None)
        with st.container():
            plotly_element.draw(figure, "40 of 100 vs 33 of 100", config, key="chart_fast")

    at = AppTest.from_function(app, args=(height,), default_timeout=30)
    at.run()
    assert not at.exception
    return at


def _element(at: AppTest, index: int) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 2
    return MessageToDict(charts[index].proto)


def test_same_element_as_streamlit_sends():
    for height in (None, 380):
        at = both(height)
        theirs, ours = _element(at, 0), _element(at, 1)
        assert theirs.pop("id") != ours.pop("id")  # a different key, so a different element id
        assert ours == theirs
        assert '"text":["40","33"]' in ours["spec"].replace(" ", "")


def test_json_made_once_per_figure_and_freed_with_it():
    figure = go.Figure(go.Bar(x=[1], y=["a"]))
    first = plotly_element.spec(figure)
    assert plotly_element.spec(figure) is first
    assert first[1] == plotly_element.DEFAULT_HEIGHT
    assert plotly_element.spec(go.Figure(layout={"height": 380}))[1] == 380  # the element's height, as Streamlit's
    key = id(figure)
    del figure
    gc.collect()
    assert key not in plotly_element._specs
