"""Natalizumab PML risk by antibody status, prior immunosuppressant use and treatment duration."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import PmlStratum, Treatment

from dashboard.safe_text import safe_text

from .arms import wrap
from .palette import FONT, PATTERN, TEMPLATE, colour, pattern


def group(stratum: PmlStratum) -> str:
    prior = {True: "with prior immunosuppressant", False: "no prior immunosuppressant", None: ""}
    return ", ".join(p for p in (stratum.antibody, prior[stratum.prior_immunosuppressant]) if p)


def value(stratum: PmlStratum) -> str:
    return f"{'<' if stratum.less_than else ''}{stratum.per_1000:g}"


def strata(treatment: Treatment, region: str) -> list[PmlStratum]:
    return [s for s in treatment.pml_risk if s.region == region]


def figure(knowledge: Knowledge, treatment: Treatment, region: str) -> go.Figure:
    rows, shown = strata(treatment, region), lambda text: safe_text(text, "plotly")
    groups = list(dict.fromkeys(group(s) for s in rows))
    source = shown(knowledge.source(rows[0].source).title)
    fig = go.Figure()
    for index, name in enumerate(groups):
        mine = [s for s in rows if group(s) == name]
        fig.add_bar(
            name=wrap(shown(name), 34), x=[wrap(shown(s.exposure), 12) for s in mine], y=[s.per_1000 for s in mine],
            marker=dict(color=colour(index), line=dict(color="#000000", width=1), pattern=PATTERN | dict(shape=pattern(index))),
            text=[value(s) for s in mine], textposition="outside", cliponaxis=False,
            hovertext=[f"<b>{shown(name)}</b><br>{shown(s.exposure)}: {value(s)} per 1,000 patients<br>Source: {source}<br>{shown(s.locator)}"
                       for s in mine],
            hoverinfo="text",
        )
    legend_lines = sum(trace.name.count("<br>") + 1 for trace in fig.data)
    top = max(s.per_1000 for s in rows)
    fig.update_layout(
        barmode="group", font=FONT, template=TEMPLATE, height=380 + 22 * legend_lines,
        margin=dict(l=8, r=8, t=16 + 22 * legend_lines, b=90),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left"),
        xaxis=dict(title=dict(text="Time on treatment", font=dict(size=14)), fixedrange=True),
        yaxis=dict(title=dict(text="cases per 1,000", font=dict(size=14)), range=[0, top * 1.2 + 1], fixedrange=True),
    )
    return fig


def title(treatment: Treatment, region: str) -> str:
    return f"PML risk with {treatment.name} per 1,000 patients ({region} label)"


def table(knowledge: Knowledge, treatment: Treatment, region: str) -> pd.DataFrame:
    plain = lambda text: safe_text(text, "plain")  # noqa: E731
    return pd.DataFrame([
        {"Group": plain(group(s)), "Time on treatment": plain(s.exposure), "Cases per 1,000 patients": value(s),
         "Source": plain(f"{knowledge.source(s.source).title}: {s.locator}")}
        for s in strata(treatment, region)
    ])


def alt(knowledge: Knowledge, treatment: Treatment, region: str) -> str:
    parts = [f"{group(s)}, {s.exposure}: {value(s)} per 1,000" for s in strata(treatment, region)]
    return f"Bar chart of PML risk with {treatment.name} ({region} label). " + "; ".join(parts) + "."
