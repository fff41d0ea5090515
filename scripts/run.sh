#!/usr/bin/env bash
# Install the pinned dependencies into .venv, validate the knowledge it will serve ($MS_DASHBOARD_DATA, default
# data/) and start the dashboard with the hardened configuration in .streamlit/config.toml. Usage: bash scripts/run.sh [--server.port 8501]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
# The handout's chart images are drawn by Debian's chromium (Plotly's static export); without it the handout
# shows the same numbers as tables and says so.
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "installing Debian's chromium for the handout's chart images"
  { $sudo apt-get install -y -q chromium fonts-dejavu-core >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q chromium fonts-dejavu-core >/dev/null 2>&1; }; } \
    || echo "could not install chromium: handouts will show tables instead of chart images"
fi
.venv/bin/python -m dashboard validate "${MS_DASHBOARD_DATA:-data}"  # the data that will be served
exec .venv/bin/python -m streamlit run dashboard/server.py "$@"
