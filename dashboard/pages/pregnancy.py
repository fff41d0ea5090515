from components import chart_card, notice, overview_line, page, pregnancy_charts, pregnancy_notes, selection

knowledge, _ = page.start("Pregnancy and breastfeeding")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    chart_card.table_switch()
    pregnancy_charts.timeline(knowledge, chosen.treatments, chosen.view)
    for treatment in knowledge.pick(list(chosen.treatments)):
        overview_line.show(knowledge, treatment, chosen.view, ("pregnancy",), heading=True)
        pregnancy_notes.show(knowledge, treatment, chosen.view)
pregnancy_charts.relapses(knowledge, chosen.view, research="pregnancy_research")
