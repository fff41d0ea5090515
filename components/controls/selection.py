"""One selection for the whole visit: treatments, view, events and priorities follow the user from page to page.

The session holds the selection. Every page's URL mirrors it, so a link always reproduces the screen; a link opened
in a new session sets it. Names in a link are read in any case, by id, generic or brand name. Values the dashboard
does not know are counted in a visible notice and never echoed (a link must not put its words on our screen).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

import streamlit as st

from dashboard.charts import adverse_events
from dashboard.knowledge import GROUPS, Knowledge, per_knowledge
from dashboard.knowledge.overview import PRIORITY_WORDS
from dashboard.knowledge.values import read_answer, read_situation
from dashboard.safe_text import safe_text

STATE, PAGE, IGNORED, MIRRORED = "selection", "selection_page", "selection_ignored", "selection_in_url"
KEYS = ("treatments", "view", "events", "priorities", "matters", "situations")
VIEWS = {"patient": "Patient", "clinician": "Clinician"}
AT_MOST = 6
MOST_PRIORITIES = 3


@dataclass(frozen=True)
class Selection:
    treatments: tuple[str, ...] = ()
    view: str = "patient"
    events: tuple[str, ...] | None = None  # None: each chosen treatment's signature and most frequent events
    priorities: tuple[str, ...] = ()
    matters: tuple[str, ...] = ()  # "consideration.level", e.g. "pml.very" (dashboard.knowledge.values)
    situations: tuple[str, ...] = ()  # situation ids the person stated

    def events_or_default(self, knowledge: Knowledge) -> tuple[str, ...]:
        if self.events is None:
            return _default_events(knowledge, self.treatments)
        return self.events


@per_knowledge
def _default_events(knowledge: Knowledge, treatment_ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(knowledge.default_events(list(treatment_ids)))


def _read_link(knowledge: Knowledge, params: dict[str, list[str]]) -> tuple[Selection, dict[str, int]]:
    """The selection a link's parameters (`_in_link`) name, and how many values of each were not understood."""
    ignored: dict[str, int] = {}

    def known(name: str, find) -> tuple[str, ...]:
        found = [(value, find(value)) for value in params.get(name, ()) if value.strip()]
        if bad := sum(1 for _, ident in found if ident is None):
            ignored[name] = bad
        return tuple(dict.fromkeys(ident for _, ident in found if ident))

    treatments = known("treatments", knowledge.find_treatment)[:AT_MOST]
    views = known("view", lambda v: v.strip().casefold() if v.strip().casefold() in VIEWS else None)
    events = known("events", knowledge.find_event) if "events" in params else None
    words = {w.casefold(): pid for pid, w in PRIORITY_WORDS.items()}
    priorities = known("priorities", lambda v: v.strip().casefold() if v.strip().casefold() in PRIORITY_WORDS
                       else words.get(v.strip().casefold()))[:MOST_PRIORITIES]
    matters, situations = known("matters", read_answer), known("situations", read_situation)
    return Selection(treatments, views[0] if views else "patient", events, priorities, matters, situations), ignored


def link_params(knowledge: Knowledge, selection: Selection, page: str | None = None) -> dict[str, list[str] | str]:
    """The query string that reproduces `selection` on `page`. Ids, not names: they are readable, and no text from
    a data file ever travels in a link (a link may also name treatments by generic or brand name)."""
    params: dict[str, list[str] | str] = {}
    if page:
        params["page"] = page
    if selection.treatments:
        params["treatments"] = list(selection.treatments)
    params["view"] = VIEWS[selection.view]
    if selection.events is not None:
        params["events"] = list(selection.events)
    if selection.priorities:
        params["priorities"] = list(selection.priorities)
    if selection.matters:
        params["matters"] = list(selection.matters)
    if selection.situations:
        params["situations"] = list(selection.situations)
    return params


def _in_link() -> dict[str, list[str]]:
    params = st.query_params  # each question to it is a lookup in the session: asked only for the keys it has
    present = set(params)
    return {key: params.get_all(key) for key in KEYS if key in present}


@per_knowledge
def comparator_link(knowledge: Knowledge, chosen: Selection, treatment_id: str, trial_id: str) -> str:
    """A Markdown link that adds a trial's comparator to the overview, when the comparator is itself a treatment
    (ids only in the link; the name is escaped)."""
    comparator = knowledge.treatments[treatment_id].trial(trial_id).comparator_treatment
    if comparator not in knowledge.treatments or comparator in chosen.treatments:
        return ""
    with_it = replace(chosen, treatments=(*chosen.treatments, comparator)[:AT_MOST])
    query = urlencode(link_params(knowledge, with_it, "overview"), doseq=True)
    return f"[{safe_text(knowledge.treatments[comparator].name)} as a treatment ›](?{query})"


def current(knowledge: Knowledge) -> Selection:
    """This visit's selection, as the top of the page (`start`) settled it for this run."""
    if STATE not in st.session_state:
        st.session_state[STATE], st.session_state[IGNORED] = _read_link(knowledge, _in_link())
    return st.session_state[STATE]


def start(knowledge: Knowledge, page: str | None = None) -> Selection:
    """Once per run, at the top of the page. A link read at the start of a session sets the selection; so does a
    link followed inside the session (an in-app link that carries parameters). A page change through the menu
    clears the URL: the session keeps the selection and the URL is made to mirror it again."""
    state = st.session_state
    asked = _in_link()
    if STATE not in state:
        state[STATE], state[IGNORED] = _read_link(knowledge, asked)
    elif asked and asked != state.get(MIRRORED):
        followed, ignored = _read_link(knowledge, asked)
        given = {"treatments": followed.treatments, "view": followed.view, "events": followed.events,
                 "priorities": followed.priorities, "matters": followed.matters, "situations": followed.situations}
        state[STATE] = replace(state[STATE], **{key: given[key] for key in asked})
        state[IGNORED] = ignored
    if page:
        state[PAGE] = page
    chosen: Selection = state[STATE]
    if chosen == Selection() and not st.query_params:
        return chosen  # a first visit with nothing chosen: the bare address already reproduces it (no URL update)
    _mirror(link_params(knowledge, chosen, state.get(PAGE)))
    return chosen


def _mirror(wanted: dict[str, list[str] | str]) -> None:
    """Make the URL say `wanted`, in one update (each update is a message to the browser); a page's own
    parameters (e.g. ?source=, ?step=) are kept."""
    params = st.query_params
    current = {key: params.get_all(key) for key in params}
    if "view" not in current and wanted.get("view") == VIEWS["patient"]:
        wanted = {key: value for key, value in wanted.items() if key != "view"}  # the default needs no word in the URL
    target = {key: values for key, values in current.items() if key not in ("page", *KEYS)}
    target |= {key: value if isinstance(value, list) else [value] for key, value in wanted.items()}
    if current != target:
        params.from_dict(target)
    st.session_state[MIRRORED] = {key: target[key] for key in KEYS if key in target}


def notice() -> None:
    """Once per visit: how many values in the link were not understood (never the values themselves)."""
    ignored = st.session_state.pop(IGNORED, None)
    if ignored:
        what = ", ".join(f"{count} in '{name}'" for name, count in sorted(ignored.items()))
        st.info(f"The link held {sum(ignored.values())} value(s) this dashboard does not know ({what}); "
                "they were ignored. Check the selection below.", icon=":material/info:")


def set_view(view: str) -> None:
    st.session_state.pop("w_view", None)
    _update(view=view)


def _update(**changes) -> None:
    state = st.session_state
    state[STATE] = replace(state[STATE], **changes)


def _seed(key: str, value) -> None:
    """The widget shows the selection. Set before the widget is drawn, on every run: a widget of the same key on
    another page is another widget, and would otherwise start empty. (A change by the user reaches the selection
    first, through the widget's callback, so this never undoes it.)"""
    st.session_state[key] = value


def treatment_label(knowledge: Knowledge, treatment_id: str) -> str:
    """How a treatment reads in pickers: generic name, brands and class, so typing any of them finds it."""
    t = knowledge.treatments[treatment_id]
    brands = f" ({', '.join(t.brands)})" if t.brands else ""
    return safe_text(f"{t.name}{brands} · {GROUPS[t.group]}", "plain")


def controls(knowledge: Knowledge) -> Selection:
    """The view switch and the treatment picker, then the selection: side by side on a wide screen (the stylesheet
    places them, so no row container is sent for every visitor), one under the other on a phone."""
    view(knowledge)
    treatments(knowledge)
    return current(knowledge)


def treatments(knowledge: Knowledge, label: str = "Treatments to compare") -> tuple[str, ...]:
    """The treatment picker, grouped by class; search by generic or brand name."""
    def changed() -> None:
        st.session_state.pop("w_events", None)
        _update(treatments=tuple(st.session_state["w_treatments"]), events=None)

    _seed("w_treatments", list(current(knowledge).treatments))
    labels = knowledge.memo(("treatment_labels",), lambda: {i: treatment_label(knowledge, i) for i in knowledge.treatment_ids()})
    st.multiselect(label, options=list(labels), format_func=labels.__getitem__,
                   max_selections=AT_MOST, key="w_treatments", on_change=changed,
                   filter_mode="contains", select_all=False,  # what was typed, in a name; Enter adds one
                   wrap=True,  # every chosen treatment in sight, also on a phone
                   placeholder="Type a generic or brand name, e.g. Kesimpta",
                   help=f"Choose up to {AT_MOST}, grouped by class. Your choice stays as you move between pages.")
    return current(knowledge).treatments


def view(knowledge: Knowledge) -> str:
    """'patient' (plain language) or 'clinician' (trial names, label sections, n per arm)."""
    def changed() -> None:
        value = st.session_state["w_view"] or VIEWS["patient"]
        _update(view=next(k for k, v in VIEWS.items() if v == value))

    _seed("w_view", VIEWS[current(knowledge).view])
    st.segmented_control("View", options=list(VIEWS.values()), key="w_view", on_change=changed, required=True,
                         help="Patient: plain language. Clinician: trial names, label sections and patients per arm.")
    return current(knowledge).view


def event_label(knowledge: Knowledge, event_id: str, view: str) -> str:
    event = knowledge.events[event_id]
    name = event.patient_label if view == "patient" else event.label
    same = f" (overlaps with {knowledge.events[event.same_as].label})" if event.same_as in knowledge.events else ""
    return safe_text(f"{KINDS[event.kind]} · {name}{same}", "plain")


KINDS = {"infection": "Infections", "reaction": "Infusion or injection reactions", "autoimmune": "Autoimmune",
         "cancer": "Cancers", "laboratory": "Blood tests", "heart_and_vessels": "Heart and blood vessels", "other": "Other"}


def _event_options(knowledge: Knowledge, chosen: Selection) -> list[str]:
    """The events the chosen treatments' trials report, grouped by kind, then by name."""
    return list(_events_of(knowledge, chosen.treatments))


@per_knowledge
def _events_of(knowledge: Knowledge, treatment_ids: tuple[str, ...]) -> tuple[str, ...]:
    order = list(KINDS)
    return tuple(sorted(knowledge.events_for(list(treatment_ids)),
                        key=lambda e: (order.index(knowledge.events[e].kind), knowledge.events[e].label)))


@per_knowledge
def _event_labels(knowledge: Knowledge, view: str) -> dict[str, str]:
    return {e: event_label(knowledge, e, view) for e in knowledge.events}


def events(knowledge: Knowledge) -> tuple[str, ...]:
    """The side-effect picker, grouped by kind; defaults show each treatment's signature harms."""
    chosen = current(knowledge)
    options = _event_options(knowledge, chosen)

    def changed() -> None:
        _update(events=tuple(st.session_state["w_events"]))

    # In a popover: five long names one under the other pushed a phone's first chart off its first screen. Drawn
    # when opened (a rerun): the picker of every side effect was the page's costliest widget for every visitor,
    # most of whom keep the first choice. Its label never changes: a count in it made each choice a new popover,
    # closed under the reader's finger.
    with st.popover(adverse_events.CHOOSE_EVENTS, icon=":material/tune:", key="w_events_open",
                    on_change="rerun") as picker:
        if picker.open:
            _seed("w_events", [e for e in chosen.events_or_default(knowledge) if e in options])
            _events_picker(knowledge, chosen, options, changed)
    return tuple(e for e in current(knowledge).events_or_default(knowledge) if e in options)


def _events_picker(knowledge: Knowledge, chosen: Selection, options: list[str], changed) -> None:
    st.multiselect("Side effects to show", options=options, key="w_events", on_change=changed,
                   filter_mode="contains", select_all=False, wrap=True,
                   format_func=_event_labels(knowledge, chosen.view).__getitem__,
                   help="Grouped by kind. The first choice shows each treatment's best-known harms and its most frequent ones.")


def one_event(knowledge: Knowledge, default: str | None = None) -> str | None:
    """One side effect to picture: the first of the selection's events; choosing another puts it first. `default`:
    the page's first choice while no side effects are chosen."""
    chosen = current(knowledge)
    options = _event_options(knowledge, chosen)
    if not options:
        return None
    first = default if chosen.events is None and default in options else \
        next((e for e in chosen.events_or_default(knowledge) if e in options), options[0])

    def changed() -> None:
        picked = st.session_state["w_event"]
        _update(events=(picked, *(e for e in current(knowledge).events_or_default(knowledge) if e != picked)))

    _seed("w_event", first)
    st.selectbox("Side effect", options=options, key="w_event", on_change=changed,
                 format_func=_event_labels(knowledge, chosen.view).__getitem__)
    return current(knowledge).events_or_default(knowledge)[0] if current(knowledge).events else first
