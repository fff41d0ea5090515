"""Adverse-event rates of one trial: the treatment arm beside its own comparator arm (drawn by charts.arms).
Every card on a screen shares one x range, so bars can be compared by eye."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.knowledge import Knowledge, TrialEvents
from dashboard.knowledge.models import Trial, Treatment
from dashboard.knowledge.overview import comparator_name, event_name
from dashboard.safe_text import safe_text

from . import arms

CHOOSE_EVENTS = "Side effects shown: choose others"  # the page's button that opens the side-effect picker

# A trial record marked as a later analysis (data: trials[].analysis), in plain words for every view.
LATER_LOOK = {"post_hoc": "a later look at the trial's results", "post_hoc_subgroup": "a later look at part of the trial"}
LATER_LOOK_CLINICIAN = {"post_hoc": "post hoc analysis", "post_hoc_subgroup": "post hoc subgroup analysis"}


def later_look(trial: Trial, view: str = "patient") -> str:
    """"" for a trial's main results; for a later analysis, what it is in plain words (the clinician view also
    names it): "a later look at part of the trial (post hoc subgroup analysis)"."""
    if trial.analysis is None:
        return ""
    words = LATER_LOOK[trial.analysis]
    return f"{words} ({LATER_LOOK_CLINICIAN[trial.analysis]})" if view == "clinician" else words


def later_look_note(trial: Trial, view: str = "patient") -> str:
    """The sentence said with a later analysis's figures; "" for a trial's main results."""
    if trial.analysis is None:
        return ""
    if trial.analysis == "post_hoc":
        return f"These figures come from {later_look(trial, view)}, published after the trial's main report."
    return (f"These figures come from {later_look(trial, view)}: a group of its patients chosen after the results "
            "were known. They are less certain than the results of the whole trial.")


def whole_trial(te: TrialEvents) -> bool:
    """The trial's main results (not a later look at them): only these can be a page's default."""
    return te.trial.analysis is None


def left_out(knowledge: Knowledge, te: TrialEvents, cards: list[TrialEvents], events: list[str], view: str) -> str:
    """What a card leaves out that its treatment has figures for, in the reader's words ("" when nothing): chosen
    side effects that are in another of its trials' charts, and (under the treatment's last card) how many other
    side effects it has figures for."""
    treatment, mine = te.treatment, [c for c in cards if c.treatment.id == te.treatment.id]
    here = {r.event for r in te.rows}
    parts = []
    for other in mine:
        moved = [e for e in events if e not in here and any(r.event == e for r in other.rows)]
        if other is not te and moved:
            names = ", ".join(event_name(knowledge, e, view) for e in moved)
            later = f" ({later_look(other.trial, view)})" if other.trial.analysis else ""
            parts.append(f"{names}, in the chart of {other.trial.name}{later}")
    charted = {r.event for r in treatment.adverse_events if r.charted}
    shown = {r.event for c in mine for r in c.rows}
    if mine and te is mine[-1] and (more := len(charted - shown)):
        parts.append(f"{more} more side effect{'s' if more > 1 else ''} with trial figures for {treatment.name}: "
                     f"add {'them' if more > 1 else 'it'} with '{CHOOSE_EVENTS}' above")
    return ("Not in this chart: " + "; ".join(parts) + ".") if parts else ""


def comparator_words(knowledge: Knowledge, treatment: Treatment, trial: Trial, view: str) -> str:
    """The comparator arm: the trial's words for a clinician, described in plain words for a patient."""
    if view == "clinician":
        return trial.comparator
    name = comparator_name(knowledge, treatment, trial.id)
    if name.casefold().startswith("placebo"):
        return "Placebo (a dummy treatment)"
    return f"{name} (another MS medicine)"


def title(te: TrialEvents, knowledge: Knowledge | None = None, view: str = "clinician") -> str:
    """The card's heading; a later analysis says so first, in plain words."""
    trial = te.trial
    later = later_look(trial, view)
    first = f"{later[:1].upper()}{later[1:]}: " if later else ""
    if view == "patient" and knowledge is not None:
        versus = comparator_words(knowledge, te.treatment, trial, view)
        return f"{first}{te.treatment.name} in the {trial.name} trial, compared with {versus}, over {trial.duration}"
    return f"{first}{trial.name} ({trial.population}, {trial.duration}): {te.treatment.name} vs {trial.comparator}"


def _arm(n: int | None) -> str:
    return f"n = {n}" if n else "n not reported"


def x_max(cards: list[TrialEvents]) -> float:
    """One x range for every card on a screen."""
    return arms.x_max([max(r.treatment_pct, r.comparator_pct) for te in cards for r in te.rows])


def row_label(knowledge: Knowledge, row, view: str) -> str:
    """The event name with the difference between the arms, so it is read without hovering."""
    points = "point" if abs(row.difference) == 1 else "points"
    name = safe_text(event_name(knowledge, row.event, view), "plotly")
    return f"{arms.wrap(name, arms.LABEL_WIDTH)}<br><i>difference {row.difference:+g} {points}</i>"


def figure(knowledge: Knowledge, te: TrialEvents, view: str, x_range: float | None = None) -> go.Figure:
    # Every piece of data text is escaped for Plotly, which would draw <a href> and other tags in it.
    trial, rows, shown = te.trial, te.rows, lambda text: safe_text(text, "plotly")
    source = shown(knowledge.source(rows[0].source).title)

    def arm(name: str, n: int | None, values: list[float]) -> arms.Arm:
        name = shown(name)
        hover = tuple(
            f"<b>{shown(event_name(knowledge, row.event, view))}</b><br>{name}: {value:g}% ({_arm(n)})"
            f"<br>Difference: {row.difference:+g} percentage points"
            f"<br>Trial: {shown(trial.name)}, {trial.population}<br>Source: {source}<br>{shown(row.locator)}"
            for value, row in zip(values, rows))
        return arms.Arm(f"{name} ({_arm(n)})", tuple(values), hover)

    return arms.figure(
        [row_label(knowledge, row, view) for row in rows],
        arm(te.treatment.name, trial.n_treatment, [r.treatment_pct for r in rows]),
        arm(comparator_words(knowledge, te.treatment, trial, view), trial.n_comparator, [r.comparator_pct for r in rows]),
        x_range or x_max([te]), "out of 100 people in each arm", unit="%")


def table(knowledge: Knowledge, te: TrialEvents, view: str) -> pd.DataFrame:
    trial, plain = te.trial, lambda text: safe_text(text, "plain")
    return pd.DataFrame([
        {
            "Event": plain(event_name(knowledge, row.event, view)),
            plain(f"{te.treatment.name} (%)"): row.treatment_pct,
            plain(f"{trial.comparator} (%)"): row.comparator_pct,
            "Difference (percentage points)": row.difference,
            "n per arm": f"{trial.n_treatment or 'not reported'} vs {trial.n_comparator or 'not reported'}",
            "Source": plain(f"{knowledge.source(row.source).title}: {row.locator}"),
        }
        for row in te.rows
    ])


def alt(knowledge: Knowledge, te: TrialEvents, view: str) -> str:
    versus = comparator_words(knowledge, te.treatment, te.trial, view)
    parts = [
        f"{event_name(knowledge, row.event, view)}: {row.treatment_pct:g} in 100 with {te.treatment.name}, "
        f"{row.comparator_pct:g} in 100 with {versus} (difference {row.difference:+g} points)"
        for row in te.rows
    ]
    return safe_text(f"Bar chart. {title(te, knowledge, view)}. " + "; ".join(parts) + ".", "plain")
