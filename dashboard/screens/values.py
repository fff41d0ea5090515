from components.controls import knowledge_check, selection, values_form
from components.frame import notice, page
from components.views import questions

knowledge, _ = page.start("What matters to you")
chosen = selection.controls(knowledge)
chosen = values_form.form(knowledge)
if notice.need_treatments(chosen.treatments):
    values_form.what_the_sources_say(knowledge, chosen)
    questions.show(knowledge, chosen, then=knowledge_check.HEADING)
    knowledge_check.link(knowledge, chosen)
