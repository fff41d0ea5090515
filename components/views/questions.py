"""Questions to ask your neurologist, made from the chosen treatments and the situations a person stated."""
from __future__ import annotations

from dashboard.knowledge import Knowledge
from dashboard.knowledge import values
from dashboard.safe_text import safe_text

from components.frame import elements
from components.views import source_link
from components.controls.selection import Selection
from components.views.statement import marker

HEADING = "Questions to ask your neurologist"


def texts(knowledge: Knowledge, chosen: Selection) -> tuple[str, ...]:
    """The questions as plain text (for the handout)."""
    situations = values.stated(chosen.situations, chosen.priorities)
    return tuple(q.text for q in values.questions(knowledge, chosen.treatments, situations))


def markdown(knowledge: Knowledge, chosen: Selection) -> str:
    """A numbered list; a question that carries a figure has a marker, and its source is listed under the list."""
    situations = values.stated(chosen.situations, chosen.priorities)
    found = values.questions(knowledge, chosen.treatments, situations)
    numbers: dict[tuple[str, str], int] = {}
    lines = []
    for i, q in enumerate(found, 1):
        mark = f" {marker(numbers.setdefault((q.source, q.locator), len(numbers) + 1))}" if q.source else ""
        lines.append(f"{i}. {safe_text(q.text)}{mark}")
    sources = "  \n".join(f"{marker(n)} {source_link.markdown(knowledge, s, loc)}" for (s, loc), n in numbers.items())
    intro = (":small[Made from the treatments you chose and what you said about yourself above. Print them with the "
             "handout on the overview, or write them down.]")
    return "\n\n".join(p for p in (f"## {HEADING}", intro, "\n".join(lines), f":small[{sources}]" if sources else "") if p)


def show(knowledge: Knowledge, chosen: Selection, then: str = "") -> None:
    """The questions, and `then` (Markdown made safe by the caller, e.g. the next section's heading) in the same
    element."""
    elements.markdown(markdown(knowledge, chosen) + (f"\n\n{then}" if then else ""))
