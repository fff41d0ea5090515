import streamlit as st

from components import navigation, page
from dashboard.safe_text import safe_text

knowledge = page.start()
st.markdown(safe_text(knowledge.site.tagline))
navigation.link("compare", "Compare treatments side by side")
navigation.link("side-effects", "Side effects seen in the trials")
navigation.link("pml-infections", "PML and infection risks")
navigation.link("pregnancy", "Pregnancy and breastfeeding")
navigation.link("sources", "All sources")
navigation.link("about", "About this dashboard and how to read trial numbers")
