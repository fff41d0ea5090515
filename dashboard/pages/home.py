import streamlit as st

from components import page, text

knowledge = page.start()
st.markdown(text.escape(knowledge.site.tagline))
st.page_link("pages/compare.py", label="Compare treatments side by side", icon=":material/view_column:")
st.page_link("pages/adverse_events.py", label="Side effects seen in the trials", icon=":material/bar_chart:")
st.page_link("pages/pml_infections.py", label="PML and infection risks", icon=":material/coronavirus:")
st.page_link("pages/pregnancy.py", label="Pregnancy and breastfeeding", icon=":material/pregnant_woman:")
st.page_link("pages/sources.py", label="All sources", icon=":material/menu_book:")
st.page_link("pages/about.py", label="About this dashboard and how to read trial numbers", icon=":material/info:")
