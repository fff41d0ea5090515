"""The public server: `streamlit run dashboard/server.py`. The dashboard (dashboard/app.py) with the security
headers of dashboard/headers.py on every response, the dashboard's stylesheet in the page's head
(dashboard/stylesheet.py), text responses gzip-compressed (dashboard/compression.py: the
frontend's files too, which Streamlit alone sends uncompressed), /_stcore/metrics closed to the public, and GET /ready,
which answers 200 only when the knowledge loads (dashboard/readiness.py)."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import streamlit as st  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402
from starlette.routing import Route  # noqa: E402

from dashboard.compression import Compression  # noqa: E402
from dashboard.headers import SecurityHeaders  # noqa: E402
from dashboard.readiness import ready  # noqa: E402
from dashboard.stylesheet import Stylesheet  # noqa: E402

app = st.App("app.py", routes=[Route("/ready", ready)],
             middleware=[Middleware(SecurityHeaders), Middleware(Compression), Middleware(Stylesheet)])
