"""The glossary page's list: every word from data/glossary.yaml with its plain meaning and, where the definition
states a fact, its numbered source. One Markdown element, made once per knowledge."""
from __future__ import annotations

from dashboard.knowledge import Knowledge
from dashboard.safe_text import safe_text

from components.frame import elements
from components.views.statement import Citations

HEADINGS = {"learn": "Words you will hear from your MS team", "jargon": "Words from labels and trial reports"}


def markdown(knowledge: Knowledge) -> str:
    def build() -> str:
        cite, parts = Citations(), []
        for kind, heading in HEADINGS.items():
            parts.append(f"### {heading}")
            for entry in (e for e in knowledge.glossary.values() if e.kind == kind):
                also = f" (also: {', '.join(entry.also)})" if entry.also else ""
                mark = f" {cite.mark(entry.source, entry.locator)}" if entry.source else ""
                parts.append(f"**{safe_text(entry.term)}** ({safe_text(entry.plain)}){safe_text(also)}: "
                             f"{safe_text(entry.definition)}{mark}")
        parts.append(cite.markdown(knowledge, "patient"))
        return "\n\n".join(p for p in parts if p)

    return knowledge.memo(("glossary_page",), build)


def show(knowledge: Knowledge) -> None:
    elements.markdown(markdown(knowledge))
