import streamlit as st

from components import page, site_texts, view_switch

knowledge = page.start("About this dashboard")
view = view_switch.show()
site_texts.about(knowledge)
site_texts.reading_trials(knowledge)
site_texts.topics(knowledge, ("daily_function", "ms_background"), view)
site_texts.review_dates(knowledge)
