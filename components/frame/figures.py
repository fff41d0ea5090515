"""Figures built once per selection and shared by every session (keyed by ids, not objects).

The cache holds Plotly Figure objects, not dicts: st.plotly_chart re-validates a dict through a new Figure on
every run, while a Figure is only copied. Nothing changes a cached figure after it is built. The data folder is part
of each key: a process (or a test run) serving two folders never mixes their figures."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.charts import adverse_events, benefits, pml
from dashboard.knowledge import TrialEvents

from components.frame import knowledge_store

Card = tuple[go.Figure, str, pd.DataFrame]


def adverse_event_card(treatment_id: str, trial_id: str, event_ids: tuple[str, ...], view: str, x_range: float) -> Card:
    return _adverse_event_card(knowledge_store.root(), treatment_id, trial_id, event_ids, view, x_range)


def adverse_event_key(te: TrialEvents) -> str:
    return f"ae_{te.treatment.id}_{te.trial.id}"


def pml_card(treatment_id: str, region: str) -> Card:
    return _pml_card(knowledge_store.root(), treatment_id, region)


def benefit_card(treatment_id: str, index: int, view: str, x_range: float) -> Card:
    """The `index`-th trial group of a treatment's benefits (charts.benefits.by_trial)."""
    return _benefit_card(knowledge_store.root(), treatment_id, index, view, x_range)


def pml_title(treatment_id: str, region: str) -> str:
    return pml.title(knowledge_store.get().treatments[treatment_id], region)


@st.cache_resource(max_entries=1024, show_spinner=False)
def _adverse_event_card(root: str, treatment_id: str, trial_id: str, event_ids: tuple[str, ...], view: str,
                        x_range: float) -> Card:
    knowledge = knowledge_store.load(root)
    te = next(t for t in knowledge.trial_events([treatment_id], list(event_ids)) if t.trial.id == trial_id)
    return (adverse_events.figure(knowledge, te, view, x_range), adverse_events.alt(knowledge, te, view),
            adverse_events.table(knowledge, te, view))


@st.cache_resource(max_entries=64, show_spinner=False)
def _pml_card(root: str, treatment_id: str, region: str) -> Card:
    knowledge = knowledge_store.load(root)
    treatment = knowledge.treatments[treatment_id]
    return pml.figure(knowledge, treatment, region), pml.alt(knowledge, treatment, region), pml.table(knowledge, treatment, region)


@st.cache_resource(max_entries=512, show_spinner=False)
def _benefit_card(root: str, treatment_id: str, index: int, view: str, x_range: float) -> Card:
    knowledge = knowledge_store.load(root)
    tb = benefits.by_trial(knowledge.treatments[treatment_id])[index]
    return benefits.figure(knowledge, tb, view, x_range), benefits.alt(knowledge, tb, view), benefits.table(knowledge, tb, view)
