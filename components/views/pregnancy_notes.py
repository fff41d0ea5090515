"""Pregnancy and breastfeeding for one treatment: the short answer first, each topic on demand, US beside EU."""
from __future__ import annotations

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Statement, Treatment
from dashboard.safe_text import safe_text

from components.frame import elements
from components.views import overview_line, review_status, statement

SECTIONS = (("Contraception and washout after the last dose", "contraception"),
            ("What is known about exposure in pregnancy", "exposure"),
            ("Effects on the baby", "infant"), ("Breastfeeding", "breastfeeding"))


def _section(knowledge: Knowledge, items: tuple[Statement, ...], view: str) -> str:
    """The statements for every region, then each region's own under its name (US, then EU), as one Markdown
    element: each element is a message to every visitor's browser."""
    shared = [s for s in items if s.region == "all"]
    regions = sorted({s.region for s in items if s.region != "all"}, reverse=True)
    parts = [statement.group(knowledge, shared, view)] if shared or not regions else []
    parts += [statement.group(knowledge, [s for s in items if s.region == region], view, heading=f"**{region}**")
              for region in regions]
    return "\n\n".join(parts)


def _details(knowledge: Knowledge, treatment: Treatment, view: str) -> str:
    p = treatment.pregnancy
    parts = ["##### In short", statement.markdown(knowledge, p.summary, view)]
    for title, field in SECTIONS:
        items = getattr(p, field)
        gap = next((g.text(view) for g in treatment.gaps if g.topic == field or (field == "contraception" and g.topic == "pregnancy")), None)
        parts.append(f"##### {title}" + ("" if items else ": nothing recorded"))
        if gap:
            parts.append(f":small[{safe_text(gap)}]")
        if items:
            parts.append(_section(knowledge, items, view))
    return "\n\n".join(parts)


def lines(knowledge: Knowledge, treatments: list[Treatment], view: str) -> str:
    """Each treatment's short answer under its name (Markdown, for the caller to draw with the next heading)."""
    return knowledge.recent(("pregnancy_lines", tuple(t.id for t in treatments), view), lambda: "\n\n".join(
        overview_line.text(knowledge, t, view, ("pregnancy",), heading=True) for t in treatments))


DETAILS = "Contraception, exposure in pregnancy, the baby, breastfeeding: details and sources"


def details(knowledge: Knowledge, treatments: list[Treatment], view: str, chart_sources: str = "") -> str:
    """The sources of the timeline (`chart_sources`, Markdown made by our code), then everything on pregnancy for
    every treatment under its name: for the page's one section on demand (a section costs every visitor's session
    about as much as a widget: one, not one per treatment)."""
    several = len(treatments) > 1
    return knowledge.recent(("pregnancy", tuple(t.id for t in treatments), view, chart_sources, review_status.checked()),
                            lambda: "\n\n".join(
        [f"#### Sources of the birth-control chart\n\n{chart_sources}"] * bool(chart_sources)
        + [f"#### {safe_text(t.name)}\n\n{_details(knowledge, t, view)}" if several or chart_sources
           else _details(knowledge, t, view) for t in treatments]))
