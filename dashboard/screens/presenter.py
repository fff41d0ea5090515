from components.frame import page
from components.views import presenter

knowledge, chosen = page.start("Presenter mode")
if presenter.choosing(chosen):
    presenter.choose(knowledge)
else:
    presenter.show(knowledge, chosen)
