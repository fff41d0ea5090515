from components.controls import selection
from components.frame import notice, page
from components.views import chart_card, pregnancy_charts, pregnancy_notes

knowledge, _ = page.start("Pregnancy and breastfeeding")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    chart_card.table_switch()
    sources = pregnancy_charts.timeline(knowledge, chosen.treatments, chosen.view)
    pregnancy_notes.show(knowledge, knowledge.pick(list(chosen.treatments)), chosen.view, chart_sources=sources)
pregnancy_charts.relapses(knowledge, chosen.view, research="pregnancy_research")
