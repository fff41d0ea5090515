from components import chart_card, notice, overview_line, page, pregnancy_charts, pregnancy_notes, selection

knowledge, _ = page.start("Pregnancy and breastfeeding")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    chart_card.table_switch()
    sources = pregnancy_charts.timeline(knowledge, chosen.treatments, chosen.view)  # said under it, with what follows
    for treatment in knowledge.pick(list(chosen.treatments)):
        overview_line.show(knowledge, treatment, chosen.view, ("pregnancy",), heading=True, lead=sources)
        pregnancy_notes.show(knowledge, treatment, chosen.view)
        sources = ""
pregnancy_charts.relapses(knowledge, chosen.view, research="pregnancy_research")
