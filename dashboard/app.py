"""Entry point: `streamlit run dashboard/app.py`. The pages are declared in components.navigation; each starts with components.page.start()."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # runs on every rerun: no stat calls
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import streamlit as st  # noqa: E402

from components import navigation, url_notice  # noqa: E402

st.set_page_config(page_title="MS treatment explorer", page_icon=navigation.FAVICON, layout="wide")
# A shared link names its page in the query string (?page=side-effects): that page becomes this run's default, so
# Streamlit resolves it without a page-name lookup (the lookup by URL path works too, but can answer "page not
# found" when many sessions start at once).
requested = st.query_params.get("page", "")
page = st.navigation(navigation.pages(landing=requested if requested in navigation.PATHS else "start"), position="top")
url_notice.unknown("page", navigation.PATHS, "the page")
page.run()
