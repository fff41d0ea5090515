from components import navigation, page, site_texts

knowledge, chosen = page.start()
site_texts.start(knowledge)
site_texts.entry_points(knowledge, chosen)
site_texts.trust(knowledge)
