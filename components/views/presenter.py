"""Presenter mode for talks: one idea per screen, large type, previous/next, the disclaimer still on screen, and a QR
code of the step's own short link in a corner, so a slide can link straight to a step and the room can follow.

The steps come from the selection: the overview, each treatment's pivotal benefit and side-effect chart, one side
effect out of 100 people, the pregnancy timeline, the relapse rates around pregnancy."""
from __future__ import annotations

import functools
import io
import math
from dataclasses import dataclass, replace
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st

from dashboard.charts import adverse_events, benefits, pregnancy, projector
from dashboard.knowledge import Knowledge, per_knowledge
from dashboard.knowledge.overview import rows
from dashboard.knowledge.values import first_rows
from dashboard.safe_text import safe_text

from components.controls import values_form
from components.frame import elements, plotly_element
from components.views import icon_arrays, overview_table
from components.controls.link_values import link_number
from components.frame.notice import HEAD_TO_HEAD_SHORT
from components.controls.selection import Selection, link_params, treatments

# A projector at 1920x1080: every text at least 24 px (1.5rem), no page chrome, the menu and the picker hidden (the
# browser's Back leaves the talk), and the keyboard's extra buttons (PageDown, Space, PageUp) out of sight.
# Presenter mode's look on a projector (menu hidden, 24 px text) is part of the dashboard's stylesheet
# (components/frame/style.py, the rules under body:has(.st-key-presenter_top)).
QR_PX = 300  # at least a quarter of a 1080 px screen's height, so the back rows can scan it
KEYS = (("Right", 1), ("PageDown", 1), ("Space", 1), ("Left", -1), ("PageUp", -1))  # what presentation clickers send
# The overview on a projector: about this many pixels of table per screen, and how wide a treatment's column is.
TABLE_PX, LINE_PX, CHAR_PX, TABLE_WIDTH_PX, FIRST_COLUMN_PX = 560, 33, 12.5, 1480, 230


@dataclass(frozen=True)
class Step:
    kind: str  # overview, benefit, side_effects, out_of_100, timeline, relapses
    title: str
    treatment: str = ""
    index: int = 0
    rows: tuple[str, ...] = ()  # the overview's rows on this screen
    treatments: tuple[str, ...] = ()  # and its treatments (all, unless a row is split)


def _row_height(row, count: int) -> float:
    """The height a row's longest cell takes at 24 px in a column of one of `count` treatments' width."""
    per_line = max(int((TABLE_WIDTH_PX - FIRST_COLUMN_PX) / max(count, 1) / CHAR_PX), 8)
    lines = max([math.ceil(len(c.text) / per_line) + 0.6 for c in row.cells] + [math.ceil(len(row.title) / 16)])
    return lines * LINE_PX


def overview_screens(knowledge: Knowledge, chosen: Selection) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The overview in screens that each fit a 1920x1080 projector, as (rows, treatments): rows packed in order by
    the height their longest cell takes; a row taller than a screen is split into groups of its treatments."""
    table = rows(knowledge, chosen.treatments, chosen.view, first_rows(chosen.matters, chosen.priorities))
    everyone = chosen.treatments
    screens: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    packed: list[str] = []
    used = 0.0
    for row in table:
        height = _row_height(row, len(everyone))
        if height > TABLE_PX:  # alone it does not fit: its treatments in groups that do
            if packed:
                screens.append((tuple(packed), everyone))
                packed, used = [], 0.0
            groups = next(g for g in range(2, len(everyone) + 1)
                          if _row_height(row, math.ceil(len(everyone) / g)) <= TABLE_PX or g == len(everyone))
            size = math.ceil(len(everyone) / groups)
            screens += [((row.id,), everyone[i:i + size]) for i in range(0, len(everyone), size)]
            continue
        if packed and used + height > TABLE_PX:
            screens.append((tuple(packed), everyone))
            packed, used = [], 0.0
        packed.append(row.id)
        used += height
    if packed:
        screens.append((tuple(packed), everyone))
    return screens


def steps(knowledge: Knowledge, chosen: Selection) -> list[Step]:
    screens = overview_screens(knowledge, chosen)
    found = [Step("overview", "The treatments at a glance" + (f" ({i} of {len(screens)})" if len(screens) > 1 else ""),
                  rows=shown, treatments=who) for i, (shown, who) in enumerate(screens, 1)]
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
    """Previous, where we are, Next: in the current container. The arrow keys, PageDown, Space and PageUp move too
    (keyboard shortcuts of buttons kept out of sight), so a presentation clicker drives the talk."""
    def move(by: int) -> None:
        st.session_state["presenter_step"] = min(max(st.session_state["presenter_step"] + by, 1), total)

    st.button("Previous", on_click=move, args=(-1,), disabled=step == 1, icon=":material/arrow_back:", key="w_previous",
              shortcut="Left")
    elements.markdown(f"**Step {step} of {total}**", width="content")
    st.button("Next", on_click=move, args=(1,), disabled=step == total, icon=":material/arrow_forward:", key="w_next",
              shortcut="Right")
    for key, by in KEYS:
        if key not in ("Left", "Right"):
            st.button(f"{'Next' if by > 0 else 'Previous'} ({key})", on_click=move, args=(by,), shortcut=key,
                      key=f"w_key_{key.lower()}", disabled=step == (total if by > 0 else 1))


CHOOSING = "presenter_choosing"  # session state: the talk's treatments are being chosen


def choosing(chosen: Selection) -> bool:
    """Whether the screen for choosing the talk's treatments comes first: on arriving without treatments, until the
    talk is started (a link that names treatments starts at once)."""
    if not chosen.treatments:
        st.session_state[CHOOSING] = True
    return st.session_state.get(CHOOSING, False)


def choose(knowledge: Knowledge) -> None:
    """Before the talk: which treatments it shows (the steps follow from them), then Start."""
    elements.markdown("**Choose the treatments for your talk,** then start. The steps follow from them: the overview, "
                      "each treatment's main trial and side effects, one side effect out of 100 people, pregnancy. "
                      "Each step has a short link and a QR code for the room; the arrow keys, PageDown, Space and "
                      "PageUp (what presentation clickers send) move between steps.")
    chosen = treatments(knowledge, "Treatments for the talk")

    def start() -> None:
        st.session_state[CHOOSING] = False
        st.session_state["presenter_step"] = 1

    st.button("Start the talk", on_click=start, disabled=not chosen, type="primary", icon=":material/slideshow:",
              key="w_start_talk")


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
    all_steps = steps(knowledge, chosen)
    step = current_step(len(all_steps))
    this = all_steps[step - 1]
    with st.container(horizontal=True, vertical_alignment="center", gap="medium", key="presenter_top"):
        elements.markdown(f"## {safe_text(this.title)}", width="stretch")
        controls(step, len(all_steps))
    with st.container(horizontal=True, gap="medium", key="presenter_body"):
        with st.container(width="stretch"):
            _content(knowledge, chosen, this, first=step == 1)
        elements.image(qr_svg(short_link(knowledge, chosen, step)), caption="This step's link", width=QR_PX,
                       alt="QR code that opens this step on a phone")  # beside the content, its own width


def _content(knowledge: Knowledge, chosen: Selection, this: Step, first: bool) -> None:
    config = {"displayModeBar": False, "responsive": True, "staticPlot": False}
    if this.kind != "overview":
        elements.markdown(f":material/compare_arrows: {HEAD_TO_HEAD_SHORT}")
    if this.kind == "overview":
        if first:
            values_form.summary(knowledge, chosen, link=False)  # what matters to this person, when said
        table, _ = overview_table.markdown(knowledge, replace(chosen, treatments=this.treatments), only=this.rows)
        elements.markdown(f":material/compare_arrows: {HEAD_TO_HEAD_SHORT}\n\n{table}")
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
