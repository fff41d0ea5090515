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


def test_same_element_as_streamlit_sends_first_and_when_kept():
    for height in (None, 380):
        at = both(height)
        for run in ("made", "kept"):
            theirs, ours = _element(at, 0), _element(at, 1)
            assert theirs.pop("id") != ours.pop("id"), run  # a different key, so a different element id
            assert ours == theirs, run
            assert '"text":["40","33"]' in ours["spec"].replace(" ", "")
            at.run()  # the same figure again: the kept message
            assert not at.exception


def test_a_kept_chart_still_registers_its_id(monkeypatch):
    """Streamlit refuses two elements with one key or id in a run; a kept chart takes part in that check."""
    registered = []
    monkeypatch.setattr(plotly_element, "_register_element_id", lambda ctx, kind, ident: registered.append((kind, ident)))

    def app():
        import plotly.graph_objects as go
        import streamlit as st

        from components import plotly_element

        figure = st.session_state.setdefault("figure", go.Figure(go.Bar(x=[1], y=["a"])))
        plotly_element.draw(figure, "one bar", {}, key="same")

    at = AppTest.from_function(app, default_timeout=30)
    at.run()
    assert not at.exception and registered == []  # the first run registers through Streamlit's own function
    at.run()
    assert not at.exception
    assert registered == [("plotly_chart", at.get("plotly_chart")[0].proto.id)]
    assert "same" in registered[0][1]


def test_json_made_once_per_figure_and_freed_with_it():
    figure = go.Figure(go.Bar(x=[1], y=["a"]))
    first = plotly_element.spec(figure)
    assert plotly_element._entry(figure)[0] is first[0]  # the JSON is made once
    assert first[1] == plotly_element.DEFAULT_HEIGHT
    assert plotly_element.spec(go.Figure(layout={"height": 380}))[1] == 380  # the element's height, as Streamlit's
    key = id(figure)
    del figure
    gc.collect()
    assert key not in plotly_element._specs
