"""What a trial showed as benefit, framed like the harms: both arms per 100 people, absolute first, the relative
figure beside it, the comparator always named (drawn by charts.arms)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Benefit, Treatment, Trial

from dashboard.safe_text import safe_text

from . import arms
from .adverse_events import comparator_words

SHOWN = lambda text: safe_text(text, "plotly")  # noqa: E731  data text in a Plotly label, hover or legend


@dataclass(frozen=True)
class TrialBenefits:
    treatment: Treatment
    trial: Trial
    rows: tuple[Benefit, ...]


def charted(b: Benefit) -> bool:
    return b.treatment_value is not None and b.comparator_value is not None


def per_100(b: Benefit, value: float) -> float:
    """Relapses per patient-year as relapses per 100 people a year; a percentage is already out of 100."""
    return round(value * 100, 2) if "patient-year" in b.unit or "per year" in b.unit else value


def measure(b: Benefit) -> str:
    if "patient-year" in b.unit or "per year" in b.unit:
        return "relapses per 100 people a year"
    return "out of 100 people" if b.unit.strip() == "%" else b.unit


def by_trial(treatment: Treatment) -> list[TrialBenefits]:
    """The treatment's benefit rows with both arms, one group per trial and kind of measure (never mixed units)."""
    groups: dict[tuple[str, str], list[Benefit]] = {}
    for b in treatment.benefits:
        if charted(b):
            groups.setdefault((b.trial, measure(b)), []).append(b)
    return [TrialBenefits(treatment, treatment.trial(trial), tuple(rows)) for (trial, _), rows in groups.items()]


def row_label(b: Benefit) -> str:
    relative = f"<br><i>{b.relative_reduction_pct:g}% lower (relative)</i>" if b.relative_reduction_pct is not None else ""
    difference = per_100(b, b.treatment_value) - per_100(b, b.comparator_value)
    return f"{arms.wrap(SHOWN(b.outcome), arms.LABEL_WIDTH)}<br><i>difference {difference:+.3g}</i>{relative}"


def ci(b: Benefit) -> str:
    if b.ci_low is not None and b.ci_high is not None:
        return f"{b.ci_of or 'relative figure'} 95% CI {b.ci_low:g} to {b.ci_high:g}"
    return "no interval reported"


def title(knowledge: Knowledge, tb: TrialBenefits, view: str) -> str:
    trial, versus = tb.trial, comparator_words(knowledge, tb.treatment, tb.trial, view)
    if view == "patient":
        return f"{tb.treatment.name} in the {trial.name} trial, compared with {versus}, over {trial.duration}"
    return f"{trial.name} ({trial.population}, {trial.duration}): {tb.treatment.name} vs {trial.comparator}"


def figure(knowledge: Knowledge, tb: TrialBenefits, view: str, x_range: float | None = None) -> go.Figure:
    trial, rows = tb.trial, tb.rows
    unit = measure(rows[0])

    def arm(name: str, n: int | None, values: list[float]) -> arms.Arm:
        hover = tuple(f"<b>{SHOWN(b.outcome)}</b><br>{SHOWN(name)}: {v:g} {SHOWN(unit)}<br>{SHOWN(ci(b))}"
                      f"<br>Source: {SHOWN(knowledge.source(b.source).title)}<br>{SHOWN(b.locator)}" for v, b in zip(values, rows))
        return arms.Arm(f"{SHOWN(name)} ({'n = ' + str(n) if n else 'n not reported'})", tuple(values), hover)

    treatment = arm(tb.treatment.name, trial.n_treatment, [per_100(b, b.treatment_value) for b in rows])
    comparator = arm(comparator_words(knowledge, tb.treatment, trial, view), trial.n_comparator,
                     [per_100(b, b.comparator_value) for b in rows])
    top = max(treatment.values + comparator.values)
    return arms.figure([row_label(b) for b in rows], treatment, comparator, x_range or arms.x_max([top]),
                       SHOWN(unit) + ", fewer is better")


def table(knowledge: Knowledge, tb: TrialBenefits, view: str) -> pd.DataFrame:
    plain = lambda text: safe_text(text, "plain")  # noqa: E731
    return pd.DataFrame([{
        "Outcome": plain(b.outcome), "Measure": plain(measure(b)),
        plain(tb.treatment.name): per_100(b, b.treatment_value), plain(tb.trial.comparator): per_100(b, b.comparator_value),
        "Relative reduction (%)": b.relative_reduction_pct, "Uncertainty": plain(ci(b)),
        "n per arm": f"{tb.trial.n_treatment or 'not reported'} vs {tb.trial.n_comparator or 'not reported'}",
        "Source": plain(f"{knowledge.source(b.source).title}: {b.locator}"),
    } for b in tb.rows])


def alt(knowledge: Knowledge, tb: TrialBenefits, view: str) -> str:
    versus = comparator_words(knowledge, tb.treatment, tb.trial, view)
    parts = [f"{b.outcome}: {per_100(b, b.treatment_value):g} with {tb.treatment.name}, {per_100(b, b.comparator_value):g} "
             f"with {versus} ({measure(b)})" for b in tb.rows]
    return safe_text(f"Bar chart. {title(knowledge, tb, view)}. " + "; ".join(parts) + ".", "plain")
