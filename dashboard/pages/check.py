from components import knowledge_check, notice, page, selection

knowledge, _ = page.start("Check the key numbers")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    knowledge_check.intro()
    knowledge_check.show(knowledge, chosen.treatments)
