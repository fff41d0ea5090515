"""Okabe-Ito colours and the patterns that go with them, so no chart relies on colour alone."""
from __future__ import annotations

import plotly.graph_objects as go

OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
PATTERNS = ("", "/", "x", ".", "\\", "+", "-", "|")
TREATMENT_ARM = OKABE_ITO[0]
COMPARATOR_ARM = OKABE_ITO[1]
FONT = dict(size=16)
# The pattern is drawn over the arm's colour, so arms differ in texture as well as hue.
PATTERN = dict(fillmode="overlay", fgcolor="#000000", fgopacity=0.55, size=9, solidity=0.3)


def colour(index: int) -> str:
    return OKABE_ITO[index % len(OKABE_ITO)]


def pattern(index: int) -> str:
    return PATTERNS[index % len(PATTERNS)]

# A small template of our own instead of Plotly's default one: the default adds ~7 KB to every chart sent to every
# browser. White background, light grey grid, dark text (contrast), the Okabe-Ito colours in order.
TEMPLATE = go.layout.Template(layout=dict(
    paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF", colorway=list(OKABE_ITO), font=dict(color="#1A1A1A"),
    hoverlabel=dict(font=dict(size=15)),
    xaxis=dict(gridcolor="#D9D9D9", linecolor="#595959", zerolinecolor="#595959", ticks="outside", automargin=True),
    yaxis=dict(gridcolor="#D9D9D9", linecolor="#595959", zerolinecolor="#595959", automargin=True),
))
