"""Icon arrays for one side effect: each chosen treatment's trial arm beside its comparator arm, one denominator,
the trial's duration, and the plain sentence under them. A switch shows the numbers as absolute numbers (default),
the difference, or the relative risk.

The first side effect shown (`default_event`) is one with figures of both arms, from a trial's main results, for
every chosen treatment; where none exists the screen says so and shows the nearest. Figures from a later look at a
trial (post hoc, subgroup) are shown after the main results, said in plain words, and are never the default."""
from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard.charts import icon_array
from dashboard.charts.adverse_events import comparator_words, later_look, later_look_note
from dashboard.knowledge import Knowledge, per_knowledge
from dashboard.knowledge.overview import event_name
from dashboard.safe_text import safe_text

from components.frame import elements
from components.views import chart_card


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


@dataclass(frozen=True)
class DefaultEvent:
    event: str | None  # None: no chosen treatment has a figure of both arms for any side effect
    covered: tuple[str, ...]  # the chosen treatments with a main-results figure of both arms for it
    every: bool  # True when that is every chosen treatment


def main_results(knowledge: Knowledge, treatment_id: str) -> frozenset[str]:
    """The side effects a treatment has figures of both arms for, from a trial's main results (no later look)."""
    t = knowledge.treatments[treatment_id]
    return frozenset(r.event for r in t.adverse_events if r.charted and t.trial(r.trial).analysis is None)


@per_knowledge
def default_event(knowledge: Knowledge, treatment_ids: tuple[str, ...]) -> DefaultEvent:
    """The side effect the page opens with: among those with main-results figures of both arms for every chosen
    treatment, the first of the usual order (each treatment's best-known harms, then its most frequent ones, in
    turn); where none has them for all, the one that has them for the most (then figures from a later look count
    as a tie-break, then the usual order)."""
    ids = tuple(t.id for t in knowledge.pick(list(treatment_ids)))
    whole = {i: main_results(knowledge, i) for i in ids}
    any_figure = {i: {r.event for r in knowledge.treatments[i].adverse_events if r.charted} for i in ids}
    usual = list(dict.fromkeys([*knowledge.default_events(list(ids), 10_000), *knowledge.events_for(list(ids))]))
    if not usual:
        return DefaultEvent(None, (), False)
    rank = {e: i for i, e in enumerate(usual)}
    best = min(usual, key=lambda e: (-sum(e in whole[i] for i in ids), -sum(e in any_figure[i] for i in ids), rank[e]))
    covered = tuple(i for i in ids if best in whole[i])
    return DefaultEvent(best, covered, len(covered) == len(ids))


def offers(knowledge: Knowledge, treatment_ids: tuple[str, ...], event_id: str) -> tuple[str, ...]:
    """Side effects with main-results figures of both arms for every chosen treatment, the usual order, other than
    the one shown: what the screen offers when the one shown leaves a treatment out."""
    ids = [t.id for t in knowledge.pick(list(treatment_ids))]
    common = frozenset.intersection(*(main_results(knowledge, i) for i in ids)) if ids else frozenset()
    return tuple(e for e in knowledge.default_events(ids, 10_000) if e in common and e != event_id)


def card(knowledge: Knowledge, treatment_id: str, trial_id: str, event_id: str, view: str, shown_as: str):
    """(figure, alt, table, heading, sentence) for one trial's arms. The heading names the denominator drawn."""
    t = knowledge.treatments[treatment_id]
    trial = t.trial(trial_id)
    row = next(r for r in t.adverse_events if r.trial == trial_id and r.event == event_id and r.charted)
    versus = comparator_words(knowledge, t, trial, view)
    n = lambda value: f"n = {value}" if value else "n not reported"  # noqa: E731
    panels = icon_array.arms(f"{t.name} ({n(trial.n_treatment)})", f"{versus} ({n(trial.n_comparator)})",
                             row.treatment_pct, row.comparator_pct)
    name = event_name(knowledge, event_id, view)
    text = icon_array.sentence(name, t.name, versus, row.treatment_pct, row.comparator_pct, trial.duration, shown_as)
    if note := later_look_note(trial, view):
        text = f"{text} {note}"
    highlight = max(panels[0].filled - panels[1].filled, 0) if shown_as == "difference" else 0
    fig = icon_array.figure(tuple(
        icon_array.Panel(safe_text(p.name, "plotly"), p.per, p.filled, p.partial, p.colour) for p in panels), highlight)
    table = pd.DataFrame([{"Arm": safe_text(p.name, "plain"), "Had the event (%)": pct,
                           f"Out of {p.per:,}": icon_array.count(pct, p.per)}
                          for p, pct in zip(panels, (row.treatment_pct, row.comparator_pct))])
    later = later_look(trial, view)
    first = f"{later[:1].upper()}{later[1:]}: " if later else ""
    heading = (f"{first}{t.name}: {trial.name} ({trial.population}, {trial.duration})" if view == "clinician"
               else f"{first}{t.name} in the {trial.name.split(' (')[0]} trial, {icon_array.lower_first(icon_array.over(trial.duration))}")
    heading += f" · {icon_array.denominator_words(panels[0].per)}"
    return fig, safe_text(icon_array.alt(panels, text), "plain"), table, heading, text


def show(knowledge: Knowledge, treatment_ids: tuple[str, ...], event_id: str | None, view: str, shown_as: str,
         lead: str = "", chosen=None) -> None:
    """`lead`: Markdown said above the cards (the not-head-to-head notice), in the first card's heading element.
    `chosen` (the page's Selection): with it, the notice for a treatment left out links to a side effect that has
    figures for every chosen treatment. `event_id` None: no chosen treatment has figures; the notice says so."""
    as_tables = shown_as == TABLE
    shown_as = "absolute" if as_tables else shown_as  # a table says the absolute numbers
    cards, missing = _plan(knowledge, treatment_ids, event_id, view, shown_as)
    if missing and chosen is not None:
        missing += _offer(knowledge, chosen, event_id)
    for key, (fig, alt, table, heading, text) in cards:
        chart_card.show(fig, alt, table, key=key, heading=heading, lead=lead, as_table=as_tables)
        elements.markdown(safe_text(text))
        lead = ""
    if lead:
        elements.markdown(lead)
    if missing:
        elements.info(missing, icon=":material/info:")


def _offer(knowledge: Knowledge, chosen, event_id: str) -> str:
    """A link to the first side effect with figures for every chosen treatment, or "" when there is none."""
    from components.controls.selection import link_params

    other = offers(knowledge, chosen.treatments, event_id)
    if not other:
        return ""
    query = urlencode(link_params(knowledge, replace(chosen, events=(other[0],)), "pictures"), doseq=True)
    return (f"\n\nWith figures for every treatment chosen: {safe_text(lower(event_name(knowledge, other[0], chosen.view)))} "
            f"[show it ›](?{query})")


@per_knowledge
def _plan(knowledge: Knowledge, treatment_ids: tuple[str, ...], event_id: str, view: str, shown_as: str) -> tuple:
    """The cards (key, card) of this selection and the notice for treatments left out, made once and shared. A
    treatment's main results come before a later look at its trial."""
    found = sorted(knowledge.trial_events(list(treatment_ids), [event_id] if event_id else []),
                   key=lambda te: (list(treatment_ids).index(te.treatment.id), te.trial.analysis is not None))
    cards = tuple((f"icons_{te.treatment.id}_{te.trial.id}", card(knowledge, te.treatment.id, te.trial.id, event_id, view, shown_as))
                  for te in found)
    return cards, _missing(knowledge, treatment_ids, event_id, view)


def _missing(knowledge: Knowledge, treatment_ids: tuple[str, ...], event_id: str | None, view: str) -> str:
    """What the screen cannot show for this side effect, treatment by treatment, in the reader's words ("" when
    every chosen treatment has main-results figures of both arms for it)."""
    chosen = knowledge.pick(list(treatment_ids))
    name = event_name(knowledge, event_id, view) if event_id else ""
    lines = []
    for t in chosen:
        if event_id in main_results(knowledge, t.id):
            continue
        if not any(r.charted for r in t.adverse_events):
            lines.append((t.name, "no side effect here has trial figures for both groups (the treatment and its "
                          "comparison). Its label and your neurologist can tell you about its side effects."))
        elif any(r.event == event_id and r.charted for r in t.adverse_events):
            lines.append((t.name, f"{lower(name)} has figures only from a later look at its trial, shown above and "
                          "said so; the trial's main results give none."))
        else:
            has = [lower(event_name(knowledge, e, view)) for e in knowledge.default_events([t.id], 2)
                   if e in main_results(knowledge, t.id)]
            lines.append((t.name, f"no trial figures for both groups for {lower(name)}"
                          + (f"; it has them for {' and '.join(has)}, for example." if has else ".")))
    if not lines:
        return ""
    default = default_event(knowledge, tuple(t.id for t in chosen))
    said = [f"**{safe_text(who)}:** {safe_text(what)}" for who, what in lines]
    if len(chosen) > 1 and not default.every:
        nearest = (f" The first one shown is the nearest: {lower(event_name(knowledge, default.event, view))}, with "
                   f"figures for {len(default.covered)} of the {len(chosen)}." if event_id and default.event == event_id else "")
        said.insert(0, safe_text("No side effect has trial figures for both groups for every treatment chosen here."
                                 + nearest))
    return "\n\n".join(said)


def lower(text: str) -> str:
    return icon_array.lower_first(text)
