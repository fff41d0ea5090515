from components.controls import selection
from components.frame import notice, page
from components.views import benefit_cards, chart_card

knowledge, _ = page.start("What the trials showed as benefit")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    chart_card.table_switch()  # side by side on a wide screen (the stylesheet places them)
    more = benefit_cards.more_switch(knowledge, chosen)
    benefit_cards.show(knowledge, chosen, more, lead=notice.HEAD_TO_HEAD_LINE)
