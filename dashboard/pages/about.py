from components import page, review_status, selection, site_texts

knowledge, _ = page.start("About this dashboard")
view = selection.view(knowledge)
site_texts.about(knowledge)
site_texts.topics(knowledge, ("daily_function", "ms_background"), view)
site_texts.review_dates(knowledge)
review_status.show(knowledge)
