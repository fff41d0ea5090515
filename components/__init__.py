"""Small Streamlit pieces; each module's `show(...)` draws one thing and returns what the user chose."""
