from components import benefit_cards, chart_card, notice, page, selection

knowledge, _ = page.start("What the trials showed as benefit")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    notice.not_head_to_head(knowledge, compact=True)
    chart_card.table_switch()
    benefit_cards.show(knowledge, chosen)
