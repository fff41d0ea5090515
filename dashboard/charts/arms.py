"""Two arms of one trial as horizontal bars, built for a 390 px phone first.

The title is drawn by the page above the chart (it wraps like any text); legend entries and row names are wrapped
here; values sit inside the plot area; the difference between the arms is in each row's name, so it is read without
hovering (touch screens and projectors have no hover)."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from .palette import COMPARATOR_ARM, FONT, PATTERN, TEMPLATE, TREATMENT_ARM

LABEL_WIDTH = 22  # characters per line of a row name
LEGEND_WIDTH = 34


def wrap(text: str, width: int) -> str:
    """Plotly does not wrap text: break it into lines of at most `width` characters."""
    return "<br>".join(textwrap.wrap(text, width)) or text


@dataclass(frozen=True)
class Arm:
    name: str  # with its n
    values: tuple[float, ...]
    hover: tuple[str, ...]


def figure(rows: list[str], treatment: Arm, comparator: Arm, x_range: float, x_title: str, unit: str = "") -> go.Figure:
    fig = go.Figure()
    for arm, colour, shape in ((treatment, TREATMENT_ARM, ""), (comparator, COMPARATOR_ARM, "/")):
        fig.add_bar(
            name=wrap(arm.name, LEGEND_WIDTH), y=rows, x=list(arm.values), orientation="h",
            marker=dict(color=colour, line=dict(color="#000000", width=1), pattern=PATTERN | dict(shape=shape)),
            text=[f"{v:g}{unit}" for v in arm.values], textposition="outside", cliponaxis=False,
            hovertext=list(arm.hover), hoverinfo="text",
        )
    legend_lines = sum(trace.name.count("<br>") + 1 for trace in fig.data)
    row_lines = sum(row.count("<br>") + 1 for row in rows)
    fig.update_layout(
        barmode="group", font=FONT, template=TEMPLATE, bargap=0.25,
        height=110 + 22 * legend_lines + max(60 * len(rows), 22 * row_lines + 20 * len(rows)),
        margin=dict(l=8, r=8, t=16 + 22 * legend_lines, b=52 + 20 * (wrap(x_title, 18).count("<br>") + 1)),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left", traceorder="normal"),
        xaxis=dict(title=dict(text=wrap(x_title, 18), font=dict(size=14)), range=[0, x_range], fixedrange=True),
        yaxis=dict(autorange="reversed", automargin=True, fixedrange=True),
    )
    return fig


def x_max(values: list[float], ceiling: float = 100.0) -> float:
    """One x range for every card on a screen, with room for the value labels inside the plot."""
    return round(min(ceiling, max(values, default=10)) * 1.22 + 8, 1)
