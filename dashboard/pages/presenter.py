from components import notice, page, presenter

knowledge, chosen = page.start("Presenter mode")
if notice.need_treatments(chosen.treatments):
    presenter.show(knowledge, chosen)
