"""Figures built once per selection and shared by every session (keyed by ids, not objects).

The cache holds Plotly Figure objects, not dicts: st.plotly_chart re-validates a dict through a new Figure on
every run, while a Figure is only copied. Nothing changes a cached figure after it is built."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.charts import adverse_events, pml
from dashboard.knowledge import TrialEvents

from . import knowledge_store

Card = tuple[go.Figure, str, pd.DataFrame]


def adverse_event_card(treatment_id: str, trial_id: str, event_ids: tuple[str, ...], view: str) -> Card:
    return _adverse_event_card(knowledge_store.root(), treatment_id, trial_id, event_ids, view)


def pml_card(treatment_id: str, region: str) -> Card:
    return _pml_card(knowledge_store.root(), treatment_id, region)


# The data folder is part of each key: a process (or a test run) serving two folders never mixes their figures.
@st.cache_resource(max_entries=1024, show_spinner=False)
def _adverse_event_card(root: str, treatment_id: str, trial_id: str, event_ids: tuple[str, ...], view: str) -> Card:
    knowledge = knowledge_store.load(root)
    te = next(t for t in knowledge.trial_events([treatment_id], list(event_ids)) if t.trial.id == trial_id)
    return (adverse_events.figure(knowledge, te, view), adverse_events.alt(knowledge, te, view),
            adverse_events.table(knowledge, te, view))


def adverse_event_key(te: TrialEvents) -> str:
    return f"ae_{te.treatment.id}_{te.trial.id}"


@st.cache_resource(max_entries=64, show_spinner=False)
def _pml_card(root: str, treatment_id: str, region: str) -> Card:
    knowledge = knowledge_store.load(root)
    treatment = knowledge.treatments[treatment_id]
    return (pml.figure(knowledge, treatment, region), pml.alt(knowledge, treatment, region),
            pml.table(knowledge, treatment, region))
