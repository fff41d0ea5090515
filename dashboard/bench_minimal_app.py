"""The yardstick for `python -m dashboard bench`: a minimal Streamlit page, a title and one widget."""
import streamlit as st

st.title("Minimal page")
st.selectbox("One widget", ["a", "b", "c"])
