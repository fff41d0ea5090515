from components.frame import navigation, page
from components.views import site_texts

knowledge, chosen = page.start(intro=site_texts.start)  # the title, and what the tool does under it
site_texts.entry_points(knowledge, chosen)
site_texts.trust(knowledge)
