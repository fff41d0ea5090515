"""The yardstick as the dashboard is served (dashboard/server.py): the same st.App wrapper, middleware and routes
around the minimal page, so the two differ only in their page."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import streamlit as st  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402
from starlette.routing import Route  # noqa: E402

from dashboard.compression import Compression  # noqa: E402
from dashboard.headers import SecurityHeaders  # noqa: E402
from dashboard.readiness import ready  # noqa: E402

app = st.App("minimal_app.py", routes=[Route("/ready", ready)],
             middleware=[Middleware(SecurityHeaders), Middleware(Compression)])
