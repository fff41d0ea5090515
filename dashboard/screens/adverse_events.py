from components.controls import selection
from components.frame import notice, page
from components.views import chart_card, side_effects

knowledge, _ = page.start("Side effects seen in the trials")
chosen = selection.controls(knowledge)
events = selection.events(knowledge)
if notice.need_treatments(chosen.treatments):
    chart_card.table_switch()
    side_effects.show(knowledge, chosen, events, lead=notice.HEAD_TO_HEAD_LINE)
