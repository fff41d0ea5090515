import streamlit as st

from components import page, sources_table, view_switch

knowledge = page.start("Sources")
view = view_switch.show()
st.markdown("Every number and note on this dashboard names one of these sources and the exact place in it.")
sources_table.show(knowledge, view)
sources_table.cited(knowledge)
