from components.controls import knowledge_check, selection
from components.frame import notice, page

knowledge, _ = page.start("Check the key numbers", intro=knowledge_check.intro)  # what it is, under the title
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    knowledge_check.show(knowledge, chosen.treatments)
