"""Pregnancy charts: the time from the last dose that the labels ask women to keep using contraception (US and EU
as separate bars where both are recorded), and MS relapse rates before, during and after pregnancy from cohort
studies, with their confidence intervals where the source gives them."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Figure, Statement, Topic, Treatment
from dashboard.knowledge.overview import contraception_window
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
                mine.append(Window(t, region, contraception_window(s), s))
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
    """The study's full title and year (tables, alt text): never cut."""
    source = knowledge.source(statement.source)
    return f"{source.title} ({source.year})"


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]{2,}$")
_AUTHOR = re.compile(r"\b([A-Z][A-Za-z'\u00C0-\u017F-]+) [A-Z]{1,3}\b")


def study_label(knowledge: Knowledge, statement: Statement, figures: list[Figure] = ()) -> str:
    """A legend's name for a study, short enough for a phone and never cut: its acronym and first author where the
    title gives them (in its last brackets, as "(PRIMS; Confavreux C et al.)" or "(Dobson R, ...)"), the year,
    the kind of study in the site's words, and n where the figures give it. Without an author, the full title."""
    source = knowledge.source(statement.source)
    bracket = source.title.rsplit("(", 1)[1].rstrip(")") if source.title.endswith(")") and "(" in source.title else ""
    first = bracket.split(";")[0].strip()
    acronym = first if _ACRONYM.match(first) else ""
    author = _AUTHOR.search(bracket)
    kind = knowledge.site.evidence[knowledge.evidence_of(statement)].name.lower()
    ns = {f.n for f in figures if f.n}
    size = f", n = {ns.pop():,}" if len(ns) == 1 else ""
    if author is None:
        return f"{source.title} ({source.year}): {kind}{size}"
    who = f"{author.group(1)} et al. {source.year}"
    return f"{acronym + ', ' if acronym else ''}{who}: {kind}{size}"


GROUP_WIDTH = 0.8  # of each period's slot, shared by the studies' bars
LABEL_GAP = 0.04  # of the y range, between the top of an error bar (or of a bar without one) and its value label


def relapse_positions(topic: Topic) -> tuple[list[str], list[list[float]], float]:
    """The periods shown (in time order), each study's bar centres on a numeric x axis (period i at x = i), and the
    bar width. Bars of one period sit side by side; a value label is drawn at its bar's centre."""
    series = relapse_series(topic)
    shown = [p for p in PERIODS if any(f.label == p for _, figures in series for f in figures)]
    width = GROUP_WIDTH / max(len(series), 1)
    centres = [[shown.index(f.label) + (index - (len(series) - 1) / 2) * width for f in figures]
               for index, (_, figures) in enumerate(series)]
    return shown, centres, width


def relapse_figure(knowledge: Knowledge, topic: Topic) -> go.Figure:
    """Bars with their 95% intervals; each value label sits above its bar's error bar (above the bar where the
    study gives no interval), so no label touches an error bar at any width. The legend names each study."""
    fig = go.Figure()
    series = relapse_series(topic)
    shown, centres, width = relapse_positions(topic)
    top = max((f.ci_high or f.value for _, figures in series for f in figures), default=1)
    y_top = top * 1.3
    for index, ((statement, figures), xs) in enumerate(zip(series, centres)):
        has_ci = [f.ci_low is not None and f.ci_high is not None for f in figures]
        name = wrap(SHOWN(study_label(knowledge, statement, figures)), 34)
        fig.add_bar(
            name=name, x=xs, y=[f.value for f in figures], width=width * 0.92, legendgroup=str(index),
            marker=dict(color=colour(index), line=dict(color="#000000", width=1), pattern=PATTERN | dict(shape=pattern(index))),
            error_y=dict(type="data", symmetric=False, visible=any(has_ci), color="#1A1A1A", thickness=1.5, width=5,
                         array=[(f.ci_high - f.value) if ok else 0 for f, ok in zip(figures, has_ci)],
                         arrayminus=[(f.value - f.ci_low) if ok else 0 for f, ok in zip(figures, has_ci)]),
            hovertext=[f"{SHOWN(study_label(knowledge, statement))}<br>{f.label}: {f.value:g} relapses per woman-year<br>"
                       + (f"95% CI {f.ci_low:g} to {f.ci_high:g}" if ok else "no interval reported") for f, ok in zip(figures, has_ci)],
            hoverinfo="text",
        )
        fig.add_scatter(  # the value labels, above the error bars
            x=xs, y=[(f.ci_high if ok else f.value) + LABEL_GAP * y_top for f, ok in zip(figures, has_ci)],
            text=[f"{f.value:g}" for f in figures], mode="text", textposition="top center", textfont=dict(size=14),
            cliponaxis=False, showlegend=False, hoverinfo="skip", legendgroup=str(index), name=f"{name}: values",
        )
    legend_lines = sum(trace.name.count("<br>") + 1 for trace in fig.data if trace.type == "bar")
    fig.update_layout(
        template=TEMPLATE, font=FONT, height=420 + 22 * legend_lines,
        margin=dict(l=8, r=8, t=16 + 22 * legend_lines, b=90), legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
        xaxis=dict(fixedrange=True, tickmode="array", tickvals=list(range(len(shown))),
                   ticktext=[wrap(p, 9) for p in shown], range=[-0.5, len(shown) - 0.5], showgrid=False,
                   tickangle=0, tickfont=dict(size=13)),  # level words, wrapped to fit a period's slot on a phone
        yaxis=dict(title=dict(text="relapses a year", font=dict(size=14)), range=[0, y_top], fixedrange=True,
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
        f"{study_label(knowledge, s, figures)}: " + ", ".join(
            f"{f.label} {f.value:g}" + (f" (95% CI {f.ci_low:g} to {f.ci_high:g})" if f.ci_low is not None
                                        and f.ci_high is not None else "") for f in figures) + "."
        for s, figures in relapse_series(topic)), "plain")
