"""A chart with its heading and alt text, or the same numbers as a table.

One switch per page ("Show charts as tables") serves every chart on it: a switch per chart was a message to the
browser per chart for every visitor, and a screen-reader user wants the tables on the whole page anyway."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.safe_text import safe_text

from components.frame import elements, plotly_element

# No toolbar: on a phone it covers the legend, on a projector it distracts; the table switch is the way to the numbers.
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "displayModeBar": False}
AS_TABLES = "as_tables"


def table_switch() -> bool:
    """The page's switch between charts and tables (drawn once, above the first chart)."""
    return st.toggle("Show charts as tables", key=AS_TABLES,
                     help="The same numbers as tables, for screen readers, printing and copying.")


def show(figure: go.Figure, alt: str, table: pd.DataFrame, key: str, heading: str = "", also: str = "",
         lead: str = "", as_table: bool | None = None) -> None:
    """`also`: Markdown built by our code (e.g. a link to the comparator as a treatment) after the heading; `lead`:
    Markdown built by our code above the heading, in the same element (e.g. the treatment's section heading);
    `as_table`: the page's own choice of chart or table (else the table switch's)."""
    title = f"**{safe_text(heading)}**" + (f" · {also}" if also else "") if heading else ""
    text = "\n\n".join(part for part in (lead, title) if part)
    if text:
        elements.markdown(text)
    if st.session_state.get(AS_TABLES) if as_table is None else as_table:
        st.dataframe(table, hide_index=True, width="stretch", key=f"table_{key}")
    else:
        plotly_element.draw(figure, alt, PLOTLY_CONFIG, key=f"chart_{key}")
