from components.controls import selection
from components.frame import page
from components.views import review_status, site_texts

knowledge, _ = page.start("About this dashboard")
view = selection.view(knowledge)
site_texts.about(knowledge)
site_texts.topics(knowledge, ("daily_function", "ms_background"), view)
site_texts.review_dates(knowledge)
review_status.show(knowledge)
