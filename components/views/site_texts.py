"""The About page's texts: what the dashboard is, how to read trial numbers, the update policy and dates."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pyarrow as pa

from dashboard.knowledge import Knowledge

from components.controls import selection
from components.frame import elements, navigation
from components.views import statement
from dashboard.safe_text import safe_text

ENTRY_POINTS = (  # (label, page, view)
    ("With my clinician: the overview, with trial names and label sections", "overview", "clinician"),
    ("On my own: the overview in plain language", "overview", "patient"),
    ("For a talk: presenter mode, one idea per screen", "presenter", "clinician"),
)


def start(knowledge: Knowledge) -> str:
    """What the tool does, in three lines, the first in bold (Markdown, for page.start to say under the title)."""
    return knowledge.memo(("start",), lambda: "\n\n".join(
        f"**{safe_text(line)}**" if i == 0 else safe_text(line) for i, line in enumerate(knowledge.site.start)))


def entry_points(knowledge: Knowledge, chosen: selection.Selection) -> None:
    """Three ways in, as links that keep the treatments already chosen and set the view."""
    for label, path, view in ENTRY_POINTS:
        navigation.link(path, label, query=selection.link_params(knowledge, replace(chosen, view=view)),
                        icon=":material/arrow_forward:")


def _trust(knowledge: Knowledge) -> str:
    site = knowledge.site
    return (f"#### About this tool · knowledge version {safe_text(site.knowledge_version)} ({site.released.isoformat()})\n\n"
            + "\n\n".join(f"**{safe_text(item.title)}{'' if item.title.endswith(('.', '?', '!')) else '.'}** "
                          f"{safe_text(item.text)}" for item in site.trust))


def trust(knowledge: Knowledge) -> None:
    """Who made the tool, how it is kept, what it is not: one element under a rule (a bordered box was two)."""
    elements.markdown(knowledge.memo(("trust",), lambda: "---\n\n" + _trust(knowledge)))


def about(knowledge: Knowledge) -> None:
    """What the dashboard is, who made it and how it is kept, and how to read trial numbers: one element."""
    site = knowledge.site
    elements.markdown(knowledge.memo(("about",), lambda: "\n\n".join([
        *(safe_text(paragraph) for paragraph in site.about), "---", _trust(knowledge), "---",
        "#### How to read trial numbers", "\n".join("- " + safe_text(paragraph) for paragraph in site.reading_trials)])))


def topics(knowledge: Knowledge, ids: tuple[str, ...], view: str) -> None:
    for topic in (knowledge.topics[i] for i in ids if i in knowledge.topics):
        with elements.details(safe_text(topic.patient_title if view == "patient" else topic.title),
                              key=f"topic_{topic.id}") as opened:
            if opened:  # drawn when opened (the two topics were 17 KB sent to every visitor, closed)
                statement.show_all(knowledge, topic.statements, view)


def review_dates(knowledge: Knowledge) -> None:
    elements.markdown(knowledge.memo(("update_policy",), lambda: "---\n\n### Updates and review dates\n\n"
                                     + safe_text(knowledge.site.update_policy)))
    dates = knowledge.recent(("review_dates_arrow",), lambda: pa.Table.from_pandas(pd.DataFrame(
        [{"Treatment": t.name, "Last reviewed": t.last_reviewed.isoformat()} for t in knowledge.treatments.values()]
        + [{"Treatment": f"Section: {t.title}", "Last reviewed": t.last_reviewed.isoformat()} for t in knowledge.topics.values()]
    ), preserve_index=False))
    elements.kept(knowledge, ("review_dates",), lambda dg: dg.dataframe(dates, hide_index=True, width="stretch"))
