"""Taking the knowledge away: open data (CSV, JSON), the handout (PDF, A4, up to three pages) and the static edition (HTML).

No Streamlit here: the command line (`python -m dashboard export`) and the download components both call it."""
