#!/usr/bin/env bash
# Install the pinned dependencies into .venv, validate the knowledge it will serve ($MS_DASHBOARD_DATA, default
# data/) and start the dashboard with the hardened configuration in .streamlit/config.toml. Usage: bash scripts/run.sh [--server.port 8501]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
.venv/bin/python -m dashboard validate "${MS_DASHBOARD_DATA:-data}"  # the data that will be served
exec .venv/bin/python -m streamlit run dashboard/server.py "$@"
