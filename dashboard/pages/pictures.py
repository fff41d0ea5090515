from components import icon_arrays, notice, page, selection

knowledge, _ = page.start("Side effects out of 100 people")
chosen = selection.controls(knowledge)
if notice.need_treatments(chosen.treatments):
    event = selection.one_event(knowledge)
    shown_as = icon_arrays.mode()  # numbers, difference, relative risk, or tables
    if event:
        icon_arrays.show(knowledge, chosen.treatments, event, chosen.view, shown_as, lead=notice.HEAD_TO_HEAD_LINE)
    else:
        notice.not_head_to_head(knowledge, compact=True)
