"""One PML estimate for one situation: the user answers with buttons (no sliders); the answer is the published
population estimate for that group, its source and data date, an icon array of 1,000, and what monitoring follows.
Where the sources here give no stratified table, it says so instead of guessing."""
from __future__ import annotations

from typing import Callable

import streamlit as st

from dashboard.charts import icon_array
from dashboard.charts.palette import TREATMENT_ARM
from dashboard.knowledge import Knowledge
from dashboard.knowledge import pml
from dashboard.knowledge.models import Treatment
from dashboard.safe_text import safe_text

from components.frame import elements
from components.views import chart_card, source_link, statement


def link_word(option) -> str:
    """How an answer reads in a link (?pml_prior_<id>=yes)."""
    return {True: "yes", False: "no", None: "not-asked"}[option] if option is None or isinstance(option, bool) else str(option)


def _choose(label: str, options: tuple, key: str, format_func=str):
    """Buttons for one question; a question the source does not split by is not asked. The answer is mirrored in
    the link (?<key>=...), so a shared link opens the same situation; an answer in a link that does not fit, or one
    that no longer fits (another antibody group chosen), falls back to the first option."""
    if len(options) == 1:
        return options[0]
    if st.session_state.get(key) not in options:
        asked = st.query_params.get(key)
        st.session_state[key] = next((o for o in options if link_word(o) == asked), options[0])
    picked = st.segmented_control(label, options=list(options), format_func=lambda o: safe_text(format_func(o)),
                                  required=True, key=key)  # the answers come from data; the buttons render Markdown
    picked = options[0] if picked is None else picked
    if st.query_params.get(key) != link_word(picked):
        st.query_params[key] = link_word(picked)
    return picked


def gap(treatment: Treatment, view: str) -> str:
    """What a treatment without an estimator says instead (Markdown), or ""."""
    found = next((g.text(view) for g in treatment.gaps if g.topic == "pml"), None)
    return f"**{safe_text(treatment.name)}:** {safe_text(found)}" if found else ""


def sections(knowledge: Knowledge, treatments: list[Treatment], view: str, lines: Callable[[Treatment], str],
             more: Callable[[Treatment], None]) -> None:
    """Each treatment's section: its `lines` (Markdown with its heading), then its estimator and `more` (drawn by the
    caller); treatments side by side in the order chosen without an estimator share one text element and one notice
    with what each says instead (each element is a message to every visitor)."""
    waiting: list[Treatment] = []

    def said() -> None:
        if waiting:
            elements.markdown("\n\n".join(lines(t) for t in waiting))
            gaps = [text for t in waiting if (text := gap(t, view))]
            if gaps:
                elements.info("\n\n".join(gaps), icon=":material/info:")
            waiting.clear()

    for treatment in treatments:
        if treatment.pml_risk:
            said()
            elements.markdown(lines(treatment))
            show(knowledge, treatment, view)
            more(treatment)
        else:
            waiting.append(treatment)
    said()


def show(knowledge: Knowledge, treatment: Treatment, view: str) -> None:
    if not treatment.pml_risk:
        if text := gap(treatment, view):
            elements.info(text, icon=":material/info:")
        return
    elements.markdown("**Estimate the PML risk for one situation**")
    region = _choose("Label", tuple(pml.regions(treatment)), f"pml_region_{treatment.id}")
    antibody = _choose("Anti-JCV antibody test", pml.antibodies(treatment, region), f"pml_antibody_{treatment.id}")
    prior = _choose("Earlier immunosuppressant treatment", pml.priors(treatment, region, antibody),
                    f"pml_prior_{treatment.id}", pml.PRIOR.get)
    exposure = _choose("Time on treatment", pml.exposures(treatment, region, antibody, prior), f"pml_time_{treatment.id}")
    found = pml.estimate(treatment, region, antibody, prior, exposure)
    if found is None:
        elements.info("The source gives no estimate for this combination, so none is shown.", icon=":material/info:")
        return
    source = knowledge.source(found.source)
    interval = (f" (95% CI {found.ci_low:g} to {found.ci_high:g})" if found.ci_low is not None and found.ci_high is not None
                else " (no interval reported)")
    elements.markdown(f"### {safe_text(pml.words(found))}{safe_text(interval)}\n\n"
                      f"This is a **population estimate** for people in this group, not your own risk. "
                      f"{source_link.full(knowledge, found.source, found.locator, view=view)} · data as published in {source.year}")
    panel = icon_array.estimate_panel(safe_text(f"{treatment.name}: {antibody}, {exposure}", "plotly"), found.per_1000,
                                      found.less_than, TREATMENT_ARM)
    text = f"Out of 1,000 people in this group, {pml.words(found)} developed PML."
    alt = f"Icon array of 1,000 people: {panel.filled} filled{' and one part-filled' if panel.partial else ''}. {text}"
    chart_card.show(icon_array.single_figure(panel), safe_text(alt, "plain"), icon_array.single_table(panel, found.per_1000),
                    key=f"pml_icons_{treatment.id}", heading=text)
    if treatment.monitoring.ongoing:
        with st.expander("What monitoring follows (MRI, antibody re-testing)"):
            elements.markdown(statement.group(knowledge, treatment.monitoring.ongoing, view))
