"""Entry point: `streamlit run dashboard/app.py`. Declares the pages; each page starts with components.page.start()."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from components import url_notice  # noqa: E402

st.set_page_config(page_title="MS treatment explorer", page_icon=str(ROOT / "dashboard" / "icon.png"), layout="wide")
PAGES = (  # (file, title, icon, url path); the first is the landing page
    ("pages/home.py", "Start", ":material/home:", "start"),
    ("pages/compare.py", "Compare", ":material/view_column:", "compare"),
    ("pages/adverse_events.py", "Side effects", ":material/bar_chart:", "side-effects"),
    ("pages/pml_infections.py", "PML and infections", ":material/coronavirus:", "pml-infections"),
    ("pages/pregnancy.py", "Pregnancy", ":material/pregnant_woman:", "pregnancy"),
    ("pages/sources.py", "Sources", ":material/menu_book:", "sources"),
    ("pages/about.py", "About", ":material/info:", "about"),
)
# A shared link names its page in the query string (?page=side-effects): that page becomes this run's default, so
# Streamlit resolves it without a page-name lookup (the lookup by URL path works too, but can answer "page not
# found" when many sessions start at once).
requested = st.query_params.get("page", "")
landing = requested if requested in {p[3] for p in PAGES} else "start"
page = st.navigation(
    [st.Page(file, title=title, icon=icon, url_path=path, default=path == landing) for file, title, icon, path in PAGES],
    position="top",
)
url_notice.unknown("page", [p[3] for p in PAGES], "a page")
page.run()
