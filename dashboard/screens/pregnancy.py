from components.controls import selection
from components.frame import notice, page
from components.views import chart_card, pregnancy_charts, pregnancy_notes

knowledge, _ = page.start("Pregnancy and breastfeeding")
chosen = selection.controls(knowledge)
lead, details = "", ("", str)
if notice.need_treatments(chosen.treatments):
    treatments = knowledge.pick(list(chosen.treatments))
    chart_card.table_switch()
    sources = pregnancy_charts.timeline(knowledge, chosen.treatments, chosen.view)
    lead = pregnancy_notes.lines(knowledge, treatments, chosen.view) + "\n\n---"  # each one's short answer, a rule
    details = (pregnancy_notes.DETAILS + (", for each treatment" if len(treatments) > 1 else ""),
               lambda: pregnancy_notes.details(knowledge, treatments, chosen.view, chart_sources=sources))
# The relapse rates around pregnancy, under the short answers; then one section on demand with every detail.
pregnancy_charts.relapses(knowledge, chosen.view, research="pregnancy_research", lead=lead, details=details)
