"""Entry point: `streamlit run dashboard/app.py`. Declares the pages; each page starts with components.page.start()."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

st.set_page_config(page_title="MS treatment explorer", page_icon=str(ROOT / "dashboard" / "icon.png"), layout="wide")
page = st.navigation([
    st.Page("pages/home.py", title="Start", icon=":material/home:", default=True),
    st.Page("pages/compare.py", title="Compare", icon=":material/view_column:", url_path="compare"),
    st.Page("pages/adverse_events.py", title="Side effects", icon=":material/bar_chart:", url_path="side-effects"),
    st.Page("pages/pml_infections.py", title="PML and infections", icon=":material/coronavirus:", url_path="pml-infections"),
    st.Page("pages/pregnancy.py", title="Pregnancy", icon=":material/pregnant_woman:", url_path="pregnancy"),
    st.Page("pages/sources.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
    st.Page("pages/about.py", title="About", icon=":material/info:", url_path="about"),
], position="top")
page.run()
