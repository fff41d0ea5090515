"""Presenter mode for talks: one idea per screen, large type, previous/next, the disclaimer still on screen, and a QR
code of the step's own short link in a corner, so a slide can link straight to a step and the room can follow.

The steps come from the selection: the overview, each treatment's pivotal benefit and side-effect chart, one side
effect out of 100 people, the pregnancy timeline, the relapse rates around pregnancy."""
from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st

from dashboard.charts import adverse_events, benefits, pregnancy, projector
from dashboard.knowledge import Knowledge, per_knowledge
from dashboard.safe_text import safe_text

from . import elements, icon_arrays, overview_table, plotly_element
from .link_values import link_number
from .selection import Selection, link_params

CSS = """
<style>
header, [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] {display: none !important;}
.block-container {padding-top: 1rem !important; max-width: 100% !important;}
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {font-size: 1.6rem; line-height: 1.35;}
[data-testid="stMarkdownContainer"] table {font-size: 1.35rem !important;}
h1 {display: none;}
[data-testid="stMarkdownContainer"] h2 {font-size: 2.3rem !important; padding: 0;}
</style>
"""


@dataclass(frozen=True)
class Step:
    kind: str  # overview, benefit, side_effects, out_of_100, timeline, relapses
    title: str
    treatment: str = ""
    index: int = 0


def steps(knowledge: Knowledge, chosen: Selection) -> list[Step]:
    found = [Step("overview", "The treatments at a glance")]
    for t in knowledge.pick(list(chosen.treatments)):
        if benefits.by_trial(t):
            found.append(Step("benefit", f"What {t.name} did in its pivotal trial", t.id))
    events = chosen.events_or_default(knowledge)
    for te in knowledge.trial_events(list(chosen.treatments), list(events)):
        if te.treatment.id not in {s.treatment for s in found if s.kind == "side_effects"}:
            found.append(Step("side_effects", f"Side effects of {te.treatment.name} beside its comparator", te.treatment.id))
    if events and knowledge.trial_events(list(chosen.treatments), [events[0]]):
        found.append(Step("out_of_100", f"{knowledge.events[events[0]].label}, out of 100 people"))
    found.append(Step("timeline", "Contraception after the last dose, by label region"))
    if "pregnancy_relapses" in knowledge.topics:
        found.append(Step("relapses", knowledge.topics["pregnancy_relapses"].title))
    return found


def current_step(total: int) -> int:
    """The step (1-based) from the link's ?step=, kept in the session and mirrored back into the link."""
    if "presenter_step" not in st.session_state:
        asked = st.query_params.get("step", "1")
        st.session_state["presenter_step"] = link_number(asked, default=1, most=total)
    step = min(max(st.session_state["presenter_step"], 1), total)
    st.session_state["presenter_step"] = step
    if st.query_params.get("step", "1") != str(step):  # the first step needs no word in the link
        st.query_params["step"] = str(step)
    return step


def short_link(knowledge: Knowledge, chosen: Selection, step: int) -> str:
    """The absolute link to this step (the origin the browser used, then the selection's ids and the step)."""
    url = urlsplit(st.context.url or "http://localhost:8501/")
    query = urlencode(link_params(knowledge, chosen, "presenter") | {"step": str(step)}, doseq=True)
    return f"{url.scheme}://{url.netloc}/?{query}"


@functools.lru_cache(maxsize=512)
def qr_svg(link: str) -> str:
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="svg", scale=4, border=2, dark="#000000", light="#FFFFFF")
    return buffer.getvalue().decode()


def controls(step: int, total: int) -> None:
    """Previous, where we are, Next: in the current container."""
    def move(by: int) -> None:
        st.session_state["presenter_step"] = min(max(st.session_state["presenter_step"] + by, 1), total)

    st.button("Previous", on_click=move, args=(-1,), disabled=step == 1, icon=":material/arrow_back:", key="w_previous")
    elements.markdown(f"**Step {step} of {total}**", width="content")
    st.button("Next", on_click=move, args=(1,), disabled=step == total, icon=":material/arrow_forward:", key="w_next")


@per_knowledge
def _big(knowledge: Knowledge, kind: str, args: tuple):
    """The step's chart, enlarged for a projector, and its alt text; built once per selection."""
    if kind == "benefit":
        treatment_id, view = args
        tb = benefits.by_trial(knowledge.treatments[treatment_id])[0]
        fig, alt = benefits.figure(knowledge, tb, view), benefits.alt(knowledge, tb, view)
    elif kind == "side_effects":
        treatment_id, events, view = args
        te = knowledge.trial_events([treatment_id], list(events))[0]
        fig, alt = adverse_events.figure(knowledge, te, view), adverse_events.alt(knowledge, te, view)
    elif kind == "out_of_100":
        treatment_id, trial_id, event, view = args
        fig, alt = icon_arrays.card(knowledge, treatment_id, trial_id, event, view, "absolute")[:2]
    elif kind == "timeline":
        (treatments,) = args
        found = pregnancy.windows(knowledge.pick(list(treatments)))
        fig, alt = pregnancy.timeline_figure(knowledge, found), pregnancy.timeline_alt(found)
    else:
        topic = knowledge.topics["pregnancy_relapses"]
        fig, alt = pregnancy.relapse_figure(knowledge, topic), pregnancy.relapse_alt(knowledge, topic)
    return projector.enlarged(fig), alt


def show(knowledge: Knowledge, chosen: Selection) -> None:
    elements.stylesheet(CSS)
    all_steps = steps(knowledge, chosen)
    step = current_step(len(all_steps))
    this = all_steps[step - 1]
    # The title, then the step's controls and link, in one horizontal container that wraps on a narrow screen (five
    # columns were four messages more for every visitor; a second container to keep the controls together cost as
    # much as a widget).
    with st.container(horizontal=True, vertical_alignment="center", gap="medium", key="presenter_top"):
        elements.markdown(f"## {safe_text(this.title)}", width="stretch")
        controls(step, len(all_steps))
        elements.image(qr_svg(short_link(knowledge, chosen, step)), caption="This step's link", width=130)
    config = {"displayModeBar": False, "responsive": True, "staticPlot": False}
    if this.kind == "overview":
        overview_table.show(knowledge, chosen)
    elif this.kind == "benefit":
        plotly_element.draw(*_big(knowledge, "benefit", (this.treatment, chosen.view)), config)
    elif this.kind == "side_effects":
        plotly_element.draw(*_big(knowledge, "side_effects", (this.treatment, chosen.events_or_default(knowledge), chosen.view)),
                            config)
    elif this.kind == "out_of_100":
        event = chosen.events_or_default(knowledge)[0]
        te = knowledge.trial_events(list(chosen.treatments), [event])[0]
        plotly_element.draw(*_big(knowledge, "out_of_100", (te.treatment.id, te.trial.id, event, chosen.view)), config)
        elements.markdown(safe_text(icon_arrays.card(knowledge, te.treatment.id, te.trial.id, event, chosen.view, "absolute")[4]))
    elif this.kind == "timeline":
        plotly_element.draw(*_big(knowledge, "timeline", (chosen.treatments,)), config)
    else:
        plotly_element.draw(*_big(knowledge, "relapses", ()), config)

