from components import page, presenter

knowledge, chosen = page.start("Presenter mode")
if presenter.choosing(chosen):
    presenter.choose(knowledge)
else:
    presenter.show(knowledge, chosen)
