from components.controls import selection
from components.frame import notice, page
from components.views import icon_arrays

knowledge, _ = page.start("Side effects out of 100 people")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    # first: a side effect with figures of both groups for every chosen treatment (or the nearest, said so)
    event = selection.one_event(knowledge, default=icon_arrays.default_event(knowledge, chosen.treatments).event)
    shown_as = icon_arrays.mode() if event else "absolute"  # numbers, difference, relative risk, or tables
    icon_arrays.show(knowledge, chosen.treatments, event, chosen.view, shown_as, lead=notice.HEAD_TO_HEAD_LINE,
                     chosen=chosen)
