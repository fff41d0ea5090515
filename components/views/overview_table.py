"""The overview as one table (a real table for screen readers): a row per consideration, a column per treatment.

Each cell is a short phrase with its numbers and a superscript source marker; the sources are listed, numbered,
under the table, and each row's heading links to the page with its details, carrying the selection."""
from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from dashboard.knowledge import Knowledge, per_knowledge
from dashboard.knowledge.overview import Row, rows
from dashboard.knowledge.values import first_rows
from dashboard.safe_text import safe_text

from components.frame import elements, notice
from components.views import source_link
from components.controls.selection import Selection, link_params
from components.views.statement import marker

MARK = "★"


def _cell(text: str) -> str:
    return safe_text(text).replace("\n", " ")


def markdown(knowledge: Knowledge, chosen: Selection, only: tuple[str, ...] | None = None) -> tuple[str, list[tuple[int, str, str]]]:
    """The table as Markdown, and the numbered sources it cites: (number, source id, locator). `only`: these rows
    (ids), e.g. one projector screen's share."""
    ids = chosen.treatments
    table_rows: tuple[Row, ...] = rows(knowledge, ids, chosen.view, first_rows(chosen.matters, chosen.priorities))
    if only is not None:
        table_rows = tuple(r for r in table_rows if r.id in only)
    first = set(first_rows(chosen.matters, chosen.priorities))
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


def css_string(text: str) -> str:
    """`text` as a CSS string whose every character but letters, digits and spaces is a CSS escape: no data text
    can end the string or the rule."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


# The overview table on a phone: the one Markdown table of its page outside the sections on demand (a container with
# a key to aim at cost every visitor's session as much as a widget).
TABLE = ':is([data-testid="stMarkdownContainer"]:not([data-testid="stExpander"] *))'


def phone_css(knowledge: Knowledge, treatment_ids: tuple[str, ...]) -> str:
    """On a phone the table's rows stack, and every cell says which treatment it belongs to."""
    cells = "\n".join(f"{TABLE} td:nth-child({i + 2})::before {{content: {css_string(knowledge.treatments[t].name + ': ')};"
                      " font-weight: 600;}" for i, t in enumerate(treatment_ids))
    return ("<style>@media (max-width: 640px) {"
            f"{TABLE} table, {TABLE} tbody, {TABLE} tr, {TABLE} td {{display: block; width: 100%; border: none;}}"
            f"{TABLE} thead {{display: none;}}"
            f"{TABLE} tr {{border-top: 1px solid #ccc; padding: .3rem 0;}}"
            f"{TABLE} td:first-child {{background: #F0F2F6;}}" + cells + "}</style>")


def show(knowledge: Knowledge, chosen: Selection, details: str = "") -> None:
    """The notes above the table, the table, then one section on demand with its numbered sources and `details`
    (Markdown built by the caller): few elements, since each is a message to every visitor's browser."""
    phone, table, title, sources = _parts(knowledge, chosen.treatments, chosen.view, chosen.priorities, chosen.matters)
    elements.stylesheet(phone)
    elements.markdown(table)
    with st.expander(title):
        elements.markdown(sources + ("\n\n---\n\n" + details if details else ""))


@per_knowledge
def _parts(knowledge: Knowledge, treatments: tuple[str, ...], view: str, priorities: tuple[str, ...],
           matters: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The phone stylesheet, the notes and table, the sources' title and list: made once per selection, shared."""
    table, cited = markdown(knowledge, Selection(treatments, view, None, priorities, matters))
    notes = [f":small[:material/compare_arrows: {notice.HEAD_TO_HEAD_SHORT}]"]
    if first_rows(matters, priorities):
        notes.append(f":small[{MARK} = very important to you. Those rows come first; the treatments stay in the order you chose.]")
    sources = "\n".join(f"{marker(n)} {source_link.markdown(knowledge, source, locator)}  " for n, source, locator in cited)
    return (phone_css(knowledge, treatments), "\n\n".join([*notes, table]),
            f"Sources for this table ({len(cited)}), and how each treatment is given and approved", sources)
