from components import notice, page, selection, side_effects

knowledge, _ = page.start("Side effects seen in the trials")
chosen = selection.controls(knowledge)
events = selection.events(knowledge)
if notice.need_treatments(chosen.treatments):
    notice.not_head_to_head(knowledge, compact=True)
    side_effects.show(knowledge, chosen.treatments, events, chosen.view)
