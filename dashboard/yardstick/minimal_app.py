"""The yardstick for `python -m dashboard bench`: a minimal Streamlit page, a title and one widget.

It lives in a folder of its own on purpose. A script with a `pages/` folder beside it (as dashboard/app.py once had) is
run by Streamlit as a multipage app of the old kind: on every run it lists that folder, resolves every file into a
page and sends the page list, which nearly doubled this page's cost and made the dashboard look cheap beside it.
"""
import streamlit as st

st.title("Minimal page")
st.selectbox("One widget", ["a", "b", "c"])
