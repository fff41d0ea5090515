"""Natalizumab PML risk by antibody status, prior immunosuppressant use and treatment duration."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import PmlStratum, Treatment
from dashboard.safe_text import safe_text

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
        name = shown(name)
        fig.add_bar(
            name=name, x=[shown(s.exposure) for s in mine], y=[s.per_1000 for s in mine],
            marker=dict(color=colour(index), line=dict(color="#000000", width=1), pattern=PATTERN | dict(shape=pattern(index))),
            text=[value(s) for s in mine], textposition="outside",
            hovertext=[f"<b>{name}</b><br>{shown(s.exposure)}: {value(s)} per 1,000 patients<br>Source: {source}<br>{shown(s.locator)}"
                       for s in mine],
            hoverinfo="text",
        )
    fig.update_layout(
        title=dict(text=shown(f"PML risk with {treatment.name} per 1,000 patients ({region} label)"), font=dict(size=17)),
        barmode="group", font=FONT, template=TEMPLATE, height=520, margin=dict(l=10, r=10, t=130, b=60),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0),
        xaxis=dict(title="Time on treatment"), yaxis=dict(title="Estimated cases per 1,000 patients"),
    )
    return fig


def table(knowledge: Knowledge, treatment: Treatment, region: str) -> pd.DataFrame:
    plain = lambda text: safe_text(text, "plain")  # noqa: E731
    return pd.DataFrame([
        {"Group": plain(group(s)), "Time on treatment": plain(s.exposure), "Cases per 1,000 patients": value(s),
         "Source": plain(f"{knowledge.source(s.source).title}: {s.locator}")}
        for s in strata(treatment, region)
    ])


def alt(knowledge: Knowledge, treatment: Treatment, region: str) -> str:
    parts = [f"{group(s)}, {s.exposure}: {value(s)} per 1,000" for s in strata(treatment, region)]
    return safe_text(f"Bar chart of PML risk with {treatment.name} ({region} label). " + "; ".join(parts) + ".", "plain")
