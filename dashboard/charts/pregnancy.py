"""Pregnancy charts: the time from the last dose that the labels ask women to keep using contraception (US and EU
as separate bars where both are recorded), and MS relapse rates before, during and after pregnancy from cohort
studies, with their confidence intervals where the source gives them."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Figure, Statement, Topic, Treatment
from dashboard.safe_text import safe_text

from .arms import wrap
from .palette import FONT, PATTERN, TEMPLATE, colour, pattern

MONTHS_PER = {"months": 1.0, "weeks": 7 / 30.44, "days": 1 / 30.44}  # drawn in months; the label keeps the source's unit
REGION_ORDER = ("US", "EU", "all")
PERIODS = ("Year before pregnancy", "Trimester 1", "Trimester 2", "Trimester 3", "Months 1-3 after birth",
           "Months 4-6 after birth", "Months 7-9 after birth", "Months 10-12 after birth", "Year after birth")
SHOWN = lambda text: safe_text(text, "plotly")  # noqa: E731


@dataclass(frozen=True)
class Window:
    treatment: Treatment
    region: str
    figure: Figure | None  # None: the statement gives no period
    statement: Statement

    @property
    def months(self) -> float:
        if self.figure is None:
            return 0.0
        top = self.figure.high if self.figure.high is not None else self.figure.value
        return round(top * MONTHS_PER[self.figure.unit], 2)

    @property
    def period(self) -> str:
        if self.figure is None:
            return "no set period"
        f = self.figure
        return f"{f.value:g}{'-' + format(f.high, 'g') if f.high is not None else ''} {f.unit}"

    @property
    def words(self) -> str:
        return f"{self.period} after the last dose" if self.figure else "no set waiting time given"


def windows(treatments: list[Treatment]) -> list[Window]:
    """One window per treatment and region that has a contraception statement (the first of each region); a
    treatment with none shows its pregnancy summary and no period, so it is not silently missing."""
    found = []
    for t in treatments:
        mine = []
        for region in REGION_ORDER:
            s = next((s for s in t.pregnancy.contraception if s.region == region), None)
            if s is not None:
                mine.append(Window(t, region, next((f for f in s.figures if f.unit in MONTHS_PER), None), s))
        found += mine or [Window(t, "all", None, t.pregnancy.summary)]
    return found


def _row(w: Window) -> str:
    region = "" if w.region == "all" else f" ({w.region})"
    return wrap(SHOWN(w.treatment.name) + region, 20)


def timeline_figure(knowledge: Knowledge, found: list[Window]) -> go.Figure:
    fig = go.Figure()
    for index, region in enumerate(REGION_ORDER):
        mine = [w for w in found if w.region == region]
        if not mine:
            continue
        fig.add_bar(
            name={"US": "US label", "EU": "EU label", "all": "Both regions or none set"}[region], orientation="h",
            y=[_row(w) for w in mine], x=[w.months for w in mine], text=[w.period for w in mine],
            textposition="outside", cliponaxis=False,
            marker=dict(color=colour(index), line=dict(color="#000000", width=1), pattern=PATTERN | dict(shape=pattern(index))),
            hovertext=[f"{SHOWN(w.words)}<br>Source: {SHOWN(knowledge.source(w.statement.source).title)}"
                       f"<br>{SHOWN(w.statement.locator)}" for w in mine], hoverinfo="text",
        )
    top = max((w.months for w in found), default=1)
    fig.update_layout(
        template=TEMPLATE, font=FONT, barmode="group", height=140 + 56 * len(found),
        margin=dict(l=8, r=8, t=40, b=70), legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
        xaxis=dict(title=dict(text=wrap("months after the last dose; planning a pregnancy can start after the bar", 30),
                              font=dict(size=14)), range=[0, top * 1.6 + 2], fixedrange=True),
        yaxis=dict(autorange="reversed", automargin=True, fixedrange=True, categoryorder="array",
                   categoryarray=[_row(w) for w in found]),
    )
    return fig


def timeline_table(knowledge: Knowledge, found: list[Window]) -> pd.DataFrame:
    return pd.DataFrame([{
        "Treatment": safe_text(w.treatment.name, "plain"), "Region": w.region, "Contraception after the last dose": w.words,
        "Source": safe_text(f"{knowledge.source(w.statement.source).title}: {w.statement.locator}", "plain"),
    } for w in found])


def timeline_alt(found: list[Window]) -> str:
    return safe_text("Bar chart of how long to keep using contraception after the last dose. "
                     + "; ".join(f"{w.treatment.name} ({w.region}): {w.words}" for w in found) + ".", "plain")


def relapse_series(topic: Topic) -> list[tuple[Statement, list[Figure]]]:
    """Each study's relapse rates per period, in time order."""
    return [(s, sorted((f for f in s.figures if f.label in PERIODS), key=lambda f: PERIODS.index(f.label)))
            for s in topic.statements if any(f.label in PERIODS for f in s.figures)]


def study_name(knowledge: Knowledge, statement: Statement) -> str:
    source = knowledge.source(statement.source)
    return f"{textwrap.shorten(source.title, 56, placeholder='…')} ({source.year})"


def relapse_figure(knowledge: Knowledge, topic: Topic) -> go.Figure:
    fig = go.Figure()
    for index, (statement, figures) in enumerate(relapse_series(topic)):
        has_ci = [f.ci_low is not None and f.ci_high is not None for f in figures]
        fig.add_bar(
            name=wrap(SHOWN(study_name(knowledge, statement)), 40), x=[wrap(f.label, 12) for f in figures],
            y=[f.value for f in figures], text=[f"{f.value:g}" for f in figures], textposition="outside", cliponaxis=False,
            marker=dict(color=colour(index), line=dict(color="#000000", width=1), pattern=PATTERN | dict(shape=pattern(index))),
            error_y=dict(type="data", symmetric=False, visible=any(has_ci),
                         array=[(f.ci_high - f.value) if ok else 0 for f, ok in zip(figures, has_ci)],
                         arrayminus=[(f.value - f.ci_low) if ok else 0 for f, ok in zip(figures, has_ci)]),
            hovertext=[f"{f.label}: {f.value:g} relapses per woman-year<br>"
                       + (f"95% CI {f.ci_low:g} to {f.ci_high:g}" if ok else "no interval reported") for f, ok in zip(figures, has_ci)],
            hoverinfo="text",
        )
    top = max((f.ci_high or f.value for _, figures in relapse_series(topic) for f in figures), default=1)
    legend_lines = sum(trace.name.count("<br>") + 1 for trace in fig.data)
    fig.update_layout(
        template=TEMPLATE, font=FONT, barmode="group", height=420 + 22 * legend_lines,
        margin=dict(l=8, r=8, t=16 + 22 * legend_lines, b=90), legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
        xaxis=dict(fixedrange=True, categoryorder="array", categoryarray=[wrap(p, 12) for p in PERIODS]),
        yaxis=dict(title=dict(text="relapses a year", font=dict(size=14)), range=[0, top * 1.25], fixedrange=True,
                   automargin=True),
    )
    return fig


def relapse_table(knowledge: Knowledge, topic: Topic) -> pd.DataFrame:
    return pd.DataFrame([{
        "Study": safe_text(study_name(knowledge, s), "plain"), "Period": f.label, "Relapses per woman-year": f.value,
        "95% CI": f"{f.ci_low:g} to {f.ci_high:g}" if f.ci_low is not None and f.ci_high is not None else "no interval reported",
        "n": f.n or "see the study", "Source": safe_text(f"{knowledge.source(f.source).title}: {f.locator}", "plain"),
    } for s, figures in relapse_series(topic) for f in figures])


def relapse_alt(knowledge: Knowledge, topic: Topic) -> str:
    return safe_text("Bar chart of relapse rates around pregnancy. " + " ".join(
        f"{study_name(knowledge, s)}: " + ", ".join(f"{f.label} {f.value:g}" for f in figures) + "."
        for s, figures in relapse_series(topic)), "plain")
