from components import benefit_cards, chart_card, notice, page, selection

knowledge, _ = page.start("What the trials showed as benefit")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    chart_card.table_switch()
    benefit_cards.show(knowledge, chosen, lead=notice.HEAD_TO_HEAD_LINE)
