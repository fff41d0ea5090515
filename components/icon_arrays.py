"""Icon arrays for one side effect: each chosen treatment's trial arm beside its comparator arm, one denominator,
the trial's duration, and the plain sentence under them. A switch shows the numbers as absolute numbers (default),
the difference, or the relative risk."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.charts import icon_array
from dashboard.charts.adverse_events import comparator_words
from dashboard.knowledge import Knowledge, per_knowledge
from dashboard.knowledge.overview import event_name
from dashboard.safe_text import safe_text

from . import chart_card, elements


TABLE = "table"
SHOWN_AS = {**icon_array.MODES, TABLE: "Table"}


def mode() -> str:
    """How to show the numbers: absolute numbers (default), the difference, the relative risk, or as tables. "Table"
    is the chart pages' table switch, said here among the others (one control: each widget costs every visitor's
    session about 0.3 ms of server CPU); the other pages' switch shows what was chosen here, and the other way
    round. Mirrored in ?mode= so a link opens the same view."""
    if "mode" not in st.session_state:
        asked = st.query_params.get("mode", "").casefold()
        st.session_state["mode"] = asked if asked in SHOWN_AS else TABLE if st.session_state.get(chart_card.AS_TABLES) \
            else "absolute"

    def changed() -> None:
        st.session_state[chart_card.AS_TABLES] = st.session_state["mode"] == TABLE

    chosen = st.segmented_control("Show the numbers as", options=list(SHOWN_AS), format_func=SHOWN_AS.get,
                                  required=True, key="mode", on_change=changed,
                                  help="Absolute numbers first; the difference and the relative risk beside them; "
                                       "or the same numbers as tables, for screen readers, printing and copying.") \
        or "absolute"
    if st.query_params.get("mode", "absolute") != chosen:
        st.query_params["mode"] = chosen
    return chosen


def card(knowledge: Knowledge, treatment_id: str, trial_id: str, event_id: str, view: str, shown_as: str):
    """(figure, alt, table, heading, sentence) for one trial's arms."""
    t = knowledge.treatments[treatment_id]
    trial = t.trial(trial_id)
    row = next(r for r in t.adverse_events if r.trial == trial_id and r.event == event_id and r.charted)
    versus = comparator_words(knowledge, t, trial, view)
    n = lambda value: f"n = {value}" if value else "n not reported"  # noqa: E731
    panels = icon_array.arms(f"{t.name} ({n(trial.n_treatment)})", f"{versus} ({n(trial.n_comparator)})",
                             row.treatment_pct, row.comparator_pct)
    name = event_name(knowledge, event_id, view)
    text = icon_array.sentence(name, t.name, versus, row.treatment_pct, row.comparator_pct, trial.duration, shown_as)
    highlight = max(panels[0].filled - panels[1].filled, 0) if shown_as == "difference" else 0
    fig = icon_array.figure(tuple(
        icon_array.Panel(safe_text(p.name, "plotly"), p.per, p.filled, p.partial, p.colour) for p in panels), highlight)
    table = pd.DataFrame([{"Arm": safe_text(p.name, "plain"), "Had the event (%)": pct,
                           f"Out of {p.per:,}": icon_array.count(pct, p.per)}
                          for p, pct in zip(panels, (row.treatment_pct, row.comparator_pct))])
    heading = (f"{t.name}: {trial.name} ({trial.population}, {trial.duration})" if view == "clinician"
               else f"{t.name} in the {trial.name} trial, over {icon_array.lower_first(trial.duration)}")
    return fig, safe_text(icon_array.alt(panels, text), "plain"), table, heading, text


def show(knowledge: Knowledge, treatment_ids: tuple[str, ...], event_id: str, view: str, shown_as: str,
         lead: str = "") -> None:
    """`lead`: Markdown said above the cards (the not-head-to-head notice), in the first card's heading element."""
    as_tables = shown_as == TABLE
    shown_as = "absolute" if as_tables else shown_as  # a table says the absolute numbers
    cards, missing = _plan(knowledge, treatment_ids, event_id, view, shown_as)
    for key, (fig, alt, table, heading, text) in cards:
        chart_card.show(fig, alt, table, key=key, heading=heading, lead=lead, as_table=as_tables)
        elements.markdown(safe_text(text))
        lead = ""
    if lead:
        elements.markdown(lead)
    if missing:
        elements.info(missing, icon=":material/info:")


@per_knowledge
def _plan(knowledge: Knowledge, treatment_ids: tuple[str, ...], event_id: str, view: str, shown_as: str) -> tuple:
    """The cards (key, card) of this selection and the notice for treatments without a rate, made once and shared."""
    found = knowledge.trial_events(list(treatment_ids), [event_id])
    cards = tuple((f"icons_{te.treatment.id}_{te.trial.id}", card(knowledge, te.treatment.id, te.trial.id, event_id, view, shown_as))
                  for te in found)
    missing = [t.name for t in knowledge.pick(list(treatment_ids)) if not any(te.treatment.id == t.id for te in found)]
    return cards, (safe_text(f"No trial rate with both arms for this side effect: {', '.join(missing)}.") if missing else "")
