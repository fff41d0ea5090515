"""A picture of rare risks: one dot per treatment on a log scale of "in 10,000", with the labels' frequency words
(very rare, rare, uncommon, common) written over each order of magnitude.

Built for a 390 px phone first: one row per treatment, its figure written beside its dot, the words of the scale
above the plot. How a figure was made is told by the dot's shape and fill as well as its colour (never colour alone):
a filled circle is calculated by us from cases ÷ exposure, a diamond from reported cases, a square is the study's own
figure converted, and an open triangle is the most that "no case among N" can rule out, drawn with a line from the
left edge ("somewhere up to here"). The alt text and the table say the same numbers."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.knowledge import Knowledge
from dashboard.knowledge import rare_risks
from dashboard.knowledge.rare_risks import BASE_WORDS, PLAIN_BASE_WORDS, Base, Scaled
from dashboard.safe_text import safe_text

from .arms import wrap
from .palette import FONT, OKABE_ITO, TEMPLATE

KINDS = {  # kind: (legend words, marker symbol, colour)
    "calculated": ("Calculated by us: cases ÷ exposure", "circle", OKABE_ITO[0]),
    "reported": ("Reported cases ÷ number treated (approximate)", "diamond", OKABE_ITO[5]),
    "own_rate": ("The study's own figure, converted", "square", OKABE_ITO[2]),
    "none_seen": ("No case seen: the most it can rule out", "triangle-left-open", "#000000"),
}
BANDS = ((1, "very rare"), (10, "rare"), (100, "uncommon"), (1_000, "common"))
LEFT, RIGHT = 0.05, 1_000  # the scale, per 10,000 (widened where a figure lies outside it)
BAND_FILL = ("#F2F2F2", "#FFFFFF")


def label(s: Scaled) -> str:
    """The number written beside a dot."""
    figure = rare_risks.number(s.per_10000)
    if s.kind == "none_seen":
        return f"none seen; ≤{figure}"
    return f"≤{figure}" if s.at_most else figure


def _name(s: Scaled) -> str:
    return wrap(safe_text(s.treatment.name, "plotly"), 14)


def figure(items: list[Scaled], base: Base, view: str = "patient") -> go.Figure:
    names = [_name(s) for s in items]
    left = min([LEFT] + [s.per_10000 / 2 for s in items] + [s.interval[0] / 2 for s in items if s.interval])
    right = max([RIGHT] + [s.per_10000 * 2 for s in items] + [s.interval[1] * 2 for s in items if s.interval])
    fig = go.Figure()
    for kind, (words, symbol, colour) in KINDS.items():
        mine = [s for s in items if s.kind == kind]
        if not mine:
            continue
        lows = [s.per_10000 - s.interval[0] if s.interval else 0 for s in mine]
        highs = [s.interval[1] - s.per_10000 if s.interval else 0 for s in mine]
        fig.add_scatter(
            name=words, x=[s.per_10000 for s in mine], y=[_name(s) for s in mine], mode="markers+text",
            marker=dict(symbol=symbol, size=16, color=colour, line=dict(color="#000000", width=1.5)),
            text=[label(s) for s in mine], textposition="top center", textfont=dict(size=15), cliponaxis=False,
            error_x=dict(type="data", array=highs, arrayminus=lows, visible=any(highs), color="#1A1A1A", thickness=1.5),
            hovertext=[safe_text(rare_risks.sentence(s, view), "plotly") for s in mine], hoverinfo="text",
        )
        for s in mine:
            if kind == "none_seen":  # somewhere between none and the bound: a line from the left edge to it
                fig.add_shape(type="line", x0=left, x1=s.per_10000, y0=_name(s), y1=_name(s),
                              line=dict(color="#000000", width=2, dash="dot"), layer="below")
    edges = [left] + [edge for edge, _ in BANDS]
    for index, (edge, word) in enumerate(BANDS):
        start = edges[index]
        if start >= right:
            break
        end = min(edge, right)
        fig.add_vrect(x0=start, x1=end, fillcolor=BAND_FILL[index % 2], line_width=0, layer="below")
        middle = (start * end) ** 0.5  # the middle of the band on a log scale
        # two lines of words, so neighbouring words never touch on a phone (a decade is about 60 px wide at 390 px)
        fig.add_annotation(x=_log(middle), y=1.0, yref="paper", yanchor="bottom", yshift=2 + 18 * (index % 2),
                           text=f"<b>{word}</b>", showarrow=False, font=dict(size=13, color="#1A1A1A"))
    words = (PLAIN_BASE_WORDS if view == "patient" else BASE_WORDS)[base]
    ticks = [v for v in (0.1, 1, 10, 100, 1_000, 10_000) if left <= v <= right]
    plot = 64 * len(items) + 24  # px of the plotting area: a row per treatment, its number above its dot
    kinds = len({s.kind for s in items})
    top, bottom = 48, 84 + 24 * kinds  # the words of the scale above; the axis, its title and the legend below
    fig.update_layout(
        font=FONT, template=TEMPLATE, height=plot + top + bottom, showlegend=True,
        margin=dict(l=8, r=24, t=top, b=bottom),
        legend=dict(orientation="h", yanchor="top", y=-84 / plot, x=0, xanchor="left", font=dict(size=13)),
        xaxis=dict(type="log", range=[_log(left), _log(right)], tickvals=ticks, ticktext=[f"{v:,g}" for v in ticks],
                   title=dict(text=wrap(f"PML cases {words} (log scale)", 40), font=dict(size=14)), fixedrange=True,
                   showgrid=True),
        yaxis=dict(autorange="reversed", categoryorder="array", categoryarray=names, fixedrange=True),
    )
    return fig


def _log(value: float) -> float:
    return math.log10(value)


def title(base: Base, view: str = "patient") -> str:
    words = (PLAIN_BASE_WORDS if view == "patient" else BASE_WORDS)[base]
    return f"PML on one scale: cases {words}"


def alt(items: list[Scaled], base: Base, view: str = "patient") -> str:
    parts = [f"{s.treatment.name}: {rare_risks.headline(s, view)}" for s in items]
    return (f"Dot chart on a log scale of PML {BASE_WORDS[base]}, with the words very rare (below 1), rare (1 to 10), "
            f"uncommon (10 to 100) and common (100 to 1,000) over the scale. " + "; ".join(parts) + ".")


def sentences(items: list[Scaled], view: str) -> list[str]:
    """The sentence under the chart, one per treatment, the same numbers as the dots."""
    return [f"{s.treatment.name}: {rare_risks.sentence(s, view)}" for s in items]


def table(knowledge: Knowledge, items: list[Scaled], base: Base, view: str = "patient") -> pd.DataFrame:
    plain = lambda text: safe_text(text, "plain")  # noqa: E731
    rows = []
    for s in items:
        sources = "; ".join(f"{what}: {knowledge.source(f.source).title}, {f.locator}" for what, f in s.citations)
        rows.append({
            "Treatment": plain(s.treatment.name),
            f"Cases {BASE_WORDS[base].removeprefix('in ').removeprefix('per ')}": label(s),
            "Frequency word": s.word if s.kind != "none_seen" else f"up to {s.word}",
            "How it was worked out": plain(rare_risks.calculation(s) if view != "patient" else rare_risks.plain(s)),
            "Data": plain(s.data_date),
            "Sources": plain(sources),
        })
    return pd.DataFrame(rows)
