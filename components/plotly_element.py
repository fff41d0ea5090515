"""A cached Plotly figure drawn without encoding it again on every run.

st.plotly_chart turns its figure into a dict and then into JSON each time it is called: for a figure that is cached
and never changes (components.figures) that is the same string every time, and it was the largest single cost of
a page with charts (about a quarter of a chart page's server time). Here the JSON is made once per figure object
and kept while the figure lives; the element sent is the one st.plotly_chart sends for the same figure, options and
key (tests/components/test_plotly_element.py compares the two, so a Streamlit upgrade that changes the element
fails there, not on screen). Figures must not be changed after they are first drawn.
"""
from __future__ import annotations

import json
import threading
import weakref

import plotly.graph_objects as go
import plotly.io
from streamlit.delta_generator_singletons import get_dg_singleton_instance
from streamlit.elements.lib.form_utils import current_form_id
from streamlit.elements.lib.layout_utils import LayoutConfig
from streamlit.elements.lib.utils import compute_and_register_element_id, normalize_alt
from streamlit.proto.PlotlyChart_pb2 import PlotlyChart as PlotlyChartProto

DEFAULT_HEIGHT = 450  # Streamlit's (and plotly.js's) height for a figure without one
_specs: dict[int, tuple[str, int]] = {}
_lock = threading.Lock()


def spec(figure: go.Figure) -> tuple[str, int]:
    """The figure's JSON (as st.plotly_chart makes it) and its height, made once per figure object."""
    found = _specs.get(id(figure))
    if found is None:
        found = (plotly.io.to_json(figure.to_dict(), validate=False), figure.layout.height or DEFAULT_HEIGHT)
        with _lock:
            if id(figure) not in _specs:
                _specs[id(figure)] = found
                weakref.finalize(figure, _specs.pop, id(figure), None)  # an evicted figure frees its JSON
    return found


def draw(figure: go.Figure, alt: str | None, config: dict, key: str | None = None) -> None:
    """What st.plotly_chart(figure, config=config, alt=alt, key=key, width="stretch", theme=None) draws."""
    dg = get_dg_singleton_instance().main_dg
    text, height = spec(figure)
    proto = PlotlyChartProto()
    proto.theme = ""
    proto.form_id = current_form_id(dg)
    proto.spec = text
    proto.config = json.dumps(config)
    alt = normalize_alt(alt)
    if alt is not None:
        proto.alt = alt
    proto.id = compute_and_register_element_id(
        "plotly_chart", user_key=key, key_as_main_identity=False, dg=dg, plotly_spec=proto.spec,
        plotly_config=proto.config, selection_mode=("points", "box", "lasso"), is_selection_activated=False, theme=None,
        width="stretch", height="content", alt=alt)
    dg._enqueue("plotly_chart", proto, layout_config=LayoutConfig(width="stretch", height=height))
