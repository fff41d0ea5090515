"""Adverse-event rates of one trial: the treatment arm beside its own comparator arm."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.knowledge import Knowledge, TrialEvents
from dashboard.safe_text import safe_text

from .palette import COMPARATOR_ARM, FONT, PATTERN, TEMPLATE, TREATMENT_ARM


def event_name(knowledge: Knowledge, event_id: str, view: str) -> str:
    event = knowledge.events[event_id]
    return safe_text(event.patient_label if view == "patient" else event.label, "plain")


def title(te: TrialEvents) -> str:
    trial = te.trial
    return safe_text(f"{trial.name} ({trial.population}, {trial.duration}): {te.treatment.name} vs {trial.comparator}", "plain")


def _arm(n: int | None) -> str:
    return f"n = {n}" if n else "n not given in the source"


def figure(knowledge: Knowledge, te: TrialEvents, view: str) -> go.Figure:
    # Every piece of data text is escaped for Plotly, which would draw <a href> and other tags in it.
    trial, rows, shown = te.trial, te.rows, lambda text: safe_text(text, "plotly")
    names = [shown(event_name(knowledge, row.event, view)) for row in rows]
    source = shown(knowledge.source(rows[0].source).title)
    arms = (
        (shown(te.treatment.name), trial.n_treatment, [r.treatment_pct for r in rows], TREATMENT_ARM, ""),
        (shown(trial.comparator), trial.n_comparator, [r.comparator_pct for r in rows], COMPARATOR_ARM, "/"),
    )
    fig = go.Figure()
    for arm, n, values, colour, shape in arms:
        hover = [
            f"<b>{name}</b><br>{arm}: {value:g}% ({_arm(n)})<br>Difference: {row.difference:+g} percentage points"
            f"<br>Trial: {shown(trial.name)}, {trial.population}<br>Source: {source}<br>{shown(row.locator)}"
            for name, value, row in zip(names, values, rows)
        ]
        fig.add_bar(
            name=f"{arm} ({_arm(n)})", y=names, x=values, orientation="h",
            marker=dict(color=colour, line=dict(color="#000000", width=1), pattern=PATTERN | dict(shape=shape)),
            text=[f"{v:g}%" for v in values], textposition="outside", hovertext=hover, hoverinfo="text",
        )
    top = max(max(r.treatment_pct, r.comparator_pct) for r in rows)
    fig.update_layout(
        title=dict(text=shown(title(te)), font=dict(size=17)), barmode="group", font=FONT, template=TEMPLATE,
        height=200 + 70 * len(rows), margin=dict(l=10, r=10, t=110, b=60),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0),
        xaxis=dict(title="% of people in each arm who had the event", range=[0, min(100, top * 1.25 + 5)]),
        yaxis=dict(autorange="reversed", automargin=True),
    )
    return fig


def table(knowledge: Knowledge, te: TrialEvents, view: str) -> pd.DataFrame:
    trial, plain = te.trial, lambda text: safe_text(text, "plain")
    return pd.DataFrame([
        {
            "Event": event_name(knowledge, row.event, view),
            plain(f"{te.treatment.name} (%)"): row.treatment_pct,
            plain(f"{trial.comparator} (%)"): row.comparator_pct,
            "Difference (percentage points)": row.difference,
            "n per arm": f"{trial.n_treatment or '?'} vs {trial.n_comparator or '?'}",
            "Source": plain(f"{knowledge.source(row.source).title}: {row.locator}"),
        }
        for row in te.rows
    ])


def alt(knowledge: Knowledge, te: TrialEvents, view: str) -> str:
    parts = [
        f"{event_name(knowledge, row.event, view)}: {row.treatment_pct:g}% with {te.treatment.name}, "
        f"{row.comparator_pct:g}% with {te.trial.comparator}"
        for row in te.rows
    ]
    return safe_text(f"Bar chart. {title(te)}. " + "; ".join(parts) + ".", "plain")
