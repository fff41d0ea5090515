"""Entry point: `streamlit run dashboard/app.py`. The pages are declared in components.navigation; each starts with components.page.start()."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # runs on every rerun: no stat calls
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import streamlit as st  # noqa: E402

from components import navigation, page as page_top  # noqa: E402

navigation.page_config()  # st.set_page_config(page_title=..., page_icon=..., layout="wide"), made once
# A shared link names its page in the query string (?page=side-effects): that page becomes this run's default, so
# Streamlit resolves it without a page-name lookup (the lookup by URL path works too, but can answer "page not
# found" when many sessions start at once). A link that names treatments but no page opens the overview.
requested = st.query_params.get("page", "")
landing = navigation.landing(requested, bool(st.query_params.get_all("treatments")))
page = navigation.open_page(landing)  # st.navigation(pages, position="top"), its menu made once
page_top.opened(page.url_path or landing, unknown_page=bool(requested) and requested != landing
                and navigation.ALIASES.get(requested) != landing)
page.run()
