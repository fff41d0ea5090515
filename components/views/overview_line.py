"""The overview's cells for one treatment, as short lines at the top of a detail page."""
from __future__ import annotations

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Treatment
from dashboard.knowledge.overview import rows

from dashboard.safe_text import safe_text
from components.frame import elements


def text(knowledge: Knowledge, treatment: Treatment, view: str, row_ids: tuple[str, ...], heading: bool = False) -> str:
    """The treatment's lines of the overview (Markdown); `heading`: its name as a section heading above them."""
    def build() -> str:
        found = {r.id: r for r in rows(knowledge, (treatment.id,), view)}
        lines = "\n".join(f"- **{safe_text(found[r].heading(view))}:** {safe_text(found[r].cells[0].text)}" for r in row_ids)
        return f"---\n\n### {safe_text(treatment.name)}\n\n{lines}" if heading else lines

    return knowledge.memo(("overview_line", treatment.id, view, row_ids, heading), build)


def show(knowledge: Knowledge, treatment: Treatment, view: str, row_ids: tuple[str, ...], heading: bool = False) -> None:
    """`heading`: the treatment's name as a section heading above the lines, in the same element (one message)."""
    elements.markdown(text(knowledge, treatment, view, row_ids, heading))
