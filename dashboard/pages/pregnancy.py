from components import chart_card, notice, page, pregnancy_charts, pregnancy_notes, selection

knowledge, _ = page.start("Pregnancy and breastfeeding")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    chart_card.table_switch()
    sources = pregnancy_charts.timeline(knowledge, chosen.treatments, chosen.view)
    pregnancy_notes.show(knowledge, knowledge.pick(list(chosen.treatments)), chosen.view, chart_sources=sources)
pregnancy_charts.relapses(knowledge, chosen.view, research="pregnancy_research")
