"""How each chosen treatment is given and where it is approved: the detail behind the overview's first row."""
from __future__ import annotations

from dashboard.knowledge import Knowledge
from dashboard.knowledge.glossary import explain

from dashboard.safe_text import safe_text

from components.views import statement

STATUS = {"approved": "approved", "off_label": "not approved for MS (off-label use)",
          "not_approved": "not approved", "withdrawn": "withdrawn"}


def _markdown(knowledge: Knowledge, treatment_id: str, view: str) -> str:
    t = knowledge.treatments[treatment_id]
    i = t.identity
    lines = [f"#### {safe_text(t.name)}" + (f" ({safe_text(', '.join(t.brands))})" if t.brands else "")]
    if view == "clinician":
        lines.append(f"{safe_text(i.drug_class)}. {safe_text(i.mechanism)}")
    lines += [f"- **At home:** {safe_text(i.at_home)}" if i.at_home else "", f"- **In clinic:** {safe_text(i.in_clinic)}" if i.in_clinic else ""]
    lines.append(statement.markdown(knowledge, i, view, title="How it is given"))
    for a in t.approvals:
        use = f" for {', '.join(a.indications)}" if a.indications and a.status == "approved" else ""
        lines.append(statement.markdown(knowledge, a, view, title=f"{a.region}: {STATUS[a.status]}{use}"))
    if t.gaps:  # every gap is said on screen, here all together, and on its own page where the content would be
        lines.append("**What this dashboard cannot tell you (the label and your neurologist can):**\n" + "\n".join(
            f"- {GAP_TOPICS[g.topic]}: {safe_text(explain(knowledge, g.text(view)) if view == 'patient' else g.text(view))}"
            for g in t.gaps))
    return "\n\n".join(line for line in lines if line)


GAP_TOPICS = {"adverse_events": "Side effects", "benefits": "Benefits", "pml": "PML", "pregnancy": "Pregnancy",
              "breastfeeding": "Breastfeeding", "monitoring": "Monitoring", "vaccines": "Vaccines",
              "approvals": "Approvals", "other": "Other"}


def markdown(knowledge: Knowledge, treatment_ids: tuple[str, ...], view: str) -> str:
    """How each treatment is given and where it is approved, one block per treatment, its name heading it."""
    return "\n\n---\n\n".join(knowledge.memo(("details", t, view), lambda t=t: _markdown(knowledge, t, view))
                                for t in treatment_ids)
