from components import benefit_cards, notice, page, selection

knowledge, _ = page.start("What the trials showed as benefit")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    notice.not_head_to_head(knowledge, compact=True)
    benefit_cards.show(knowledge, chosen.treatments, chosen.view)
