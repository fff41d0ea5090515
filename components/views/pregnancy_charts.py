"""The pregnancy timeline of the chosen treatments and the relapse rates around pregnancy, each with its table."""
from __future__ import annotations

from typing import Callable

from dashboard.charts import pregnancy
from dashboard.knowledge import Knowledge, per_knowledge
from dashboard.safe_text import safe_text

from components.frame import elements
from components.views import chart_card, statement


@per_knowledge  # found without hashing the arguments on every run (st.cache_resource did)
def _timeline(knowledge: Knowledge, treatment_ids: tuple[str, ...]):
    found = pregnancy.windows(knowledge.pick(list(treatment_ids)))
    return (pregnancy.timeline_figure(knowledge, found), pregnancy.timeline_alt(found),
            pregnancy.timeline_table(knowledge, found)), found


@per_knowledge
def _relapses(knowledge: Knowledge):
    topic = knowledge.topics["pregnancy_relapses"]
    return pregnancy.relapse_figure(knowledge, topic), pregnancy.relapse_alt(knowledge, topic), pregnancy.relapse_table(knowledge, topic)


def timeline(knowledge: Knowledge, treatment_ids: tuple[str, ...], view: str) -> str:
    """The chart; returns its numbered sources (Markdown) for the caller to give with the treatments' details on
    demand, where each label's own words are (a section of their own cost every visitor's session as much as a
    widget)."""
    card, found = _timeline(knowledge, treatment_ids)
    chart_card.show(*card, key="pregnancy_timeline",
                    heading="Birth control after the last dose: how long each label asks for" if view == "patient"
                    else "Contraception after the last dose, by label region")
    return knowledge.recent(("timeline_sources", treatment_ids, view),
                            lambda: statement.Citations.sources_only(knowledge, [w.statement for w in found], view))


def relapses(knowledge: Knowledge, view: str, research: str = "", lead: str = "",
             details: tuple[str, Callable[[], str]] = ("", str)) -> None:
    """The relapse rates around pregnancy (`lead`: Markdown made by our code above its heading, in the same element),
    then one section on demand: `details` (its label's first part, and what makes its Markdown when the section is
    opened, from the caller), what the studies found and (the topic `research`, when the knowledge has it) what else
    is known. One section and one text element, where there were two of each: each is a message to every visitor."""
    topic = knowledge.topics.get("pregnancy_relapses")
    first, make = details
    if topic is not None:
        chart_card.show(*_relapses(knowledge), key="pregnancy_relapses", lead=lead,
                        heading=topic.patient_title if view == "patient" else topic.title)
    elif lead:
        elements.markdown(lead)
    if topic is None and not first:
        return
    more = knowledge.topics.get(research) if topic is not None else None
    studies = "what the relapse studies found, and their limits" if topic is not None else ""
    label = (f"{first}; {studies}" if first and studies else first or studies.capitalize()) + (
        f" · {(more.patient_title if view == 'patient' else more.title)}" if more else "")
    with elements.details(safe_text(label), key="pregnancy_details") as opened:
        if opened:  # drawn when opened
            text = make()
            found = "" if topic is None else knowledge.memo(("relapses_section", view, research), lambda: "\n\n".join(
                [f"#### {safe_text(topic.patient_title if view == 'patient' else topic.title)}" if text else "",
                 statement.group(knowledge, topic.statements, view)]
                + ([f"#### {safe_text(more.patient_title if view == 'patient' else more.title)}",
                    statement.group(knowledge, more.statements, view)] if more else [])))
            elements.markdown("\n\n".join(part for part in (text, found) if part))
