from components import chart_card, notice, page, selection, side_effects

knowledge, _ = page.start("Side effects seen in the trials")
chosen = selection.controls(knowledge)
events = selection.events(knowledge)
if notice.need_treatments(chosen.treatments):
    notice.not_head_to_head(knowledge, compact=True)
    chart_card.table_switch()
    side_effects.show(knowledge, chosen, events)
