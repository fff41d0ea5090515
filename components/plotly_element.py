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
from streamlit.elements.lib.utils import _register_element_id, compute_and_register_element_id, normalize_alt
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.PlotlyChart_pb2 import PlotlyChart as PlotlyChartProto
from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState, get_script_run_ctx

from . import elements

DEFAULT_HEIGHT = 450  # Streamlit's (and plotly.js's) height for a figure without one
_specs: dict[int, tuple[str, int, dict[tuple, ForwardMsg]]] = {}
_lock = threading.Lock()


def _entry(figure: go.Figure) -> tuple[str, int, dict[tuple, ForwardMsg]]:
    found = _specs.get(id(figure))
    if found is None:
        made = (plotly.io.to_json(figure.to_dict(), validate=False), figure.layout.height or DEFAULT_HEIGHT, {})
        with _lock:
            if id(figure) not in _specs:
                _specs[id(figure)] = made
                weakref.finalize(figure, _specs.pop, id(figure), None)  # an evicted figure frees its JSON
            found = _specs[id(figure)]
    return found


def spec(figure: go.Figure) -> tuple[str, int]:
    """The figure's JSON (as st.plotly_chart makes it) and its height, made once per figure object."""
    text, height, _ = _entry(figure)
    return text, height


def draw(figure: go.Figure, alt: str | None, config: dict, key: str | None = None) -> None:
    """What st.plotly_chart(figure, config=config, alt=alt, key=key, width="stretch", theme=None) draws. The message
    is kept with the figure per alt text, options, key, page and form (the element's id depends on them): later runs
    only register the id, as Streamlit does, and send the kept message (components.elements.send)."""
    dg = get_dg_singleton_instance().main_dg
    text, height, messages = _entry(figure)
    wanted = (alt, json.dumps(config), key, ThreadState.get().active_script_hash, current_form_id(dg),
              dg._active_dg._root_container)
    kept = messages.get(wanted)
    if kept is not None:
        if (ctx := get_script_run_ctx()) is not None:
            _register_element_id(ctx, "plotly_chart", kept.delta.new_element.plotly_chart.id)
        elements.send(kept)
        return
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
    kept = elements.message("plotly_chart", proto, LayoutConfig(width="stretch", height=height))
    messages.setdefault(wanted, kept)
    elements.send(kept)
