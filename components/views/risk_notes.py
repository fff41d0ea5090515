"""Serious risks of one treatment, the overview line first and each topic's details on demand."""
from __future__ import annotations

from dashboard.knowledge import Knowledge
from dashboard.knowledge.models import Treatment

from dashboard.safe_text import safe_text

from components.frame import elements
from components.views import review_status, statement

TOPICS = {
    "boxed_warning": "Boxed warning (the label's most serious warning)", "pml": "PML (a rare, serious brain infection)",
    "infections": "Infections", "hbv": "Hepatitis B reactivation", "herpes": "Herpes infections",
    "immunoglobulins": "Antibody (immunoglobulin) levels", "infusion_reactions": "Infusion reactions",
    "injection_reactions": "Injection reactions", "malignancy": "Cancer", "autoimmunity": "Autoimmune conditions",
    "liver": "Liver", "other": "Other risks",
}
GROUPS = (  # expander title, topics
    ("PML", ("pml",)),
    ("Infections", ("boxed_warning", "infections", "hbv", "herpes", "immunoglobulins")),
    ("Other serious risks", ("infusion_reactions", "injection_reactions", "malignancy", "autoimmunity", "liver", "other")),
)


def _risks(knowledge: Knowledge, treatment: Treatment, view: str, topics: tuple[str, ...]) -> str:
    return "\n\n".join(statement.group(knowledge, risks, view, heading=f"##### {TOPICS[topic]}")
                       for topic in topics if (risks := [r for r in treatment.risks if r.topic == topic]))


def _monitoring(knowledge: Knowledge, treatment: Treatment, view: str) -> str:
    m = treatment.monitoring
    return "\n\n".join(statement.group(knowledge, items, view, heading=f"##### {title}")
                       for title, items in (("How much monitoring", (m.burden,)), ("Before the first dose", m.screening),
                                            ("During and after each dose", m.administration), ("Ongoing checks", m.ongoing),
                                            ("Vaccines", m.vaccines), ("Who must not receive it", m.contraindications)) if items)


def _all_risks(knowledge: Knowledge, treatment: Treatment, view: str) -> str:
    return "\n\n".join(f"#### {title}\n\n{text}" for title, topics in GROUPS
                        if (text := _risks(knowledge, treatment, view, topics)))


def _section(knowledge: Knowledge, treatments: list[Treatment], view: str) -> tuple[str, str]:
    """(title, Markdown) of the section: each treatment's risks by topic, then its tests, under its name."""
    several = len(treatments) > 1
    parts, named, checked = [], [], False
    for treatment in treatments:
        risks = _all_risks(knowledge, treatment, view)
        checks = _monitoring(knowledge, treatment, view)
        named += [title for title, topics in GROUPS if title not in named and any(r.topic in topics for r in treatment.risks)]
        checked = checked or bool(checks)
        text = "\n\n".join([risks] * bool(risks) + [f"#### Tests and monitoring\n\n{checks}"] * bool(checks))
        if text:
            parts.append(f"### {safe_text(treatment.name)}\n\n{text}" if several else text)
    title = "Serious risks in detail: " + ", ".join(named + ["tests before, during and after"] * checked)
    return (title + (", for each treatment" if several else "")) if parts else "", "\n\n".join(parts)


def show(knowledge: Knowledge, treatments: list[Treatment], view: str) -> None:
    """The risks grouped by topic (PML, infections, others), then the tests before, during and after treatment, for
    every chosen treatment under its name, in one section opened on demand: one element for the browser (a section
    costs every visitor's session about as much as a widget: one, not one or two per treatment)."""
    title, text = knowledge.recent(("risks", tuple(t.id for t in treatments), view, review_status.checked()),
                                   lambda: _section(knowledge, treatments, view))
    if text:
        with elements.details(title, key="risk_details") as opened:  # drawn when opened
            if opened:
                elements.markdown(text)
