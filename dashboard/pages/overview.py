from components import handout_button, notice, overview_table, page, selection, treatment_details

knowledge, _ = page.start("Overview")
chosen = selection.controls(knowledge, with_priorities=True)
if notice.need_treatments(chosen.treatments, at_least=1):
    notice.not_head_to_head(knowledge, compact=True)
    overview_table.show(knowledge, chosen)
    handout_button.show(knowledge, chosen)
    treatment_details.show(knowledge, chosen.treatments, chosen.view)
