"""The overview as one table (a real table for screen readers): a row per consideration, a column per treatment.

Each cell is a short phrase with its numbers and a superscript source marker; the sources are listed, numbered,
under the table, and each row's heading links to the page with its details, carrying the selection."""
from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from dashboard.knowledge import Knowledge
from dashboard.knowledge.overview import Row, rows, rows_for

from . import knowledge_store, source_link
from .selection import Selection, link_params
from dashboard.safe_text import safe_text

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
MARK = "★"


def marker(number: int) -> str:
    return f"⁽{str(number).translate(SUPERSCRIPT)}⁾"


def _cell(text: str) -> str:
    return safe_text(text).replace("\n", " ")


def markdown(knowledge: Knowledge, chosen: Selection) -> tuple[str, list[tuple[int, str, str]]]:
    """The table as Markdown, and the numbered sources it cites: (number, source id, locator)."""
    ids = chosen.treatments
    table_rows: tuple[Row, ...] = rows(knowledge, ids, chosen.view, rows_for(chosen.priorities))
    first = set(rows_for(chosen.priorities))
    numbers: dict[tuple[str, str], int] = {}
    names = [knowledge.treatments[t] for t in ids]
    head = "| | " + " | ".join(safe_text(t.name + (f" ({', '.join(t.brands[:2])})" if t.brands else "")) for t in names) + " |"
    lines = [head, "|---" * (len(names) + 1) + "|"]
    for row in table_rows:
        query = urlencode(link_params(knowledge, chosen, row.page), doseq=True)
        star = f"{MARK} " if row.id in first else ""
        cells = []
        for cell in row.cells:
            mark = ""
            if cell.source:
                number = numbers.setdefault((cell.source, cell.locator), len(numbers) + 1)
                mark = " " + marker(number)
            cells.append(_cell(cell.text) + mark)
        lines.append(f"| **{star}[{safe_text(row.heading(chosen.view))}](?{query})** | " + " | ".join(cells) + " |")
    cited = [(n, source, locator) for (source, locator), n in numbers.items()]
    return "\n".join(lines), cited


@st.cache_resource(max_entries=512, show_spinner=False)
def _built(root: str, treatments: tuple[str, ...], view: str, priorities: tuple[str, ...]) -> tuple[str, list]:
    """Built once per selection and data folder, and shared by every session (a bounded cache)."""
    return markdown(knowledge_store.load(root), Selection(treatments, view, None, priorities))


def show(knowledge: Knowledge, chosen: Selection) -> None:
    table, cited = _built(knowledge_store.root(), chosen.treatments, chosen.view, chosen.priorities)
    if chosen.priorities:
        st.caption(f"{MARK} = what you said matters to you. Those rows come first; nothing is ranked or recommended.")
    st.markdown(table)
    with st.expander(f"Sources for this table ({len(cited)})"):
        st.markdown("\n".join(f"{marker(n)} {source_link.markdown(knowledge, source, locator)}" + "  " for n, source, locator in cited))
