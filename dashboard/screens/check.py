from components.controls import knowledge_check, selection
from components.frame import notice, page

knowledge, _ = page.start("Check the key numbers")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    knowledge_check.intro()
    knowledge_check.show(knowledge, chosen.treatments)
