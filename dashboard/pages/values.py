from components import knowledge_check, notice, page, questions, selection, values_form

knowledge, _ = page.start("What matters to you")
chosen = selection.controls(knowledge)
chosen = values_form.form(knowledge)
if notice.need_treatments(chosen.treatments):
    values_form.what_the_sources_say(knowledge, chosen)
    questions.show(knowledge, chosen)
    knowledge_check.link(knowledge, chosen)
