import streamlit as st

from components import comparison, notice, page, treatment_picker, view_switch

knowledge = page.start("Compare treatments")
view = view_switch.show()
chosen = treatment_picker.show(knowledge)
notice.not_head_to_head(knowledge)
if notice.need_treatments(chosen, at_least=2):
    comparison.show(knowledge, chosen, view)
