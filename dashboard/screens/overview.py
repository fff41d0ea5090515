from components.controls import handout_button, selection, values_form
from components.frame import notice, page
from components.views import overview_table, questions, treatment_details

knowledge, _ = page.start("Overview")
chosen = selection.controls(knowledge)  # side by side on a wide screen: the overview fits one screen
values_form.summary(knowledge, chosen)  # what matters to me, and the link to say it (the values page)
if notice.need_treatments(chosen.treatments, at_least=1):
    overview_table.show(knowledge, chosen, details=treatment_details.markdown(knowledge, chosen.treatments, chosen.view))
    handout_button.show(knowledge, chosen, values_form.summary_lines(chosen), questions.texts(knowledge, chosen))
