"""Entry point: `streamlit run dashboard/app.py`. The pages are declared in components.frame.navigation; each starts with components.frame.page.start()."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # runs on every rerun: no stat calls
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import streamlit as st  # noqa: E402

from components.frame import navigation, page as page_top

navigation.page_config()  # st.set_page_config(page_title=..., page_icon=..., layout="wide"), made once
# A shared link names its page in the query string (?page=side-effects): on the visit's first run that page becomes
# the visit's landing page, the one Streamlit serves at the bare address, so it is resolved without a page-name
# lookup (the lookup by URL path works too, but can answer "page not found" when many sessions start at once). A
# link that names treatments but no page opens the overview. The landing page stays the same for the whole visit:
# the browser's history holds the bare address for it, and Back must find the same page there.
requested = st.query_params.get("page", "")
if navigation.LANDING not in st.session_state:
    st.session_state[navigation.LANDING] = navigation.landing(requested, bool(st.query_params.get_all("treatments")))
page = navigation.open_page(st.session_state[navigation.LANDING])  # st.navigation(pages, position="hidden")
page_top.opened(page.url_path or st.session_state[navigation.LANDING], unknown_page=navigation.unknown(requested))
page.run()
