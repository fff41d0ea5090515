"""MS treatment explorer: a Streamlit dashboard drawn from the knowledge in data/."""
