#!/usr/bin/env bash
# Install the pinned dependencies into .venv, validate the knowledge it will serve ($MS_DASHBOARD_DATA, default
# data/) and start the dashboard with the hardened configuration in .streamlit/config.toml. Usage: bash scripts/run.sh [--server.port 8501]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
# The handout's letters (dashboard/export/handout.py): DejaVu Sans Condensed, and Liberation Sans Narrow from five
# treatments. Without them the handout falls back to the PDF's core font, which shows only Latin-1 and takes more pages.
fonts=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf ] || fonts+=(fonts-dejavu-core fonts-dejavu-extra)
[ -f /usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf ] || fonts+=(fonts-liberation)
if [ ${#fonts[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "installing the handout's fonts: ${fonts[*]}"
  { $sudo apt-get install -y -q "${fonts[@]}" >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "${fonts[@]}" >/dev/null 2>&1; }; } \
    || echo "could not install ${fonts[*]}: handouts will use the PDF's core font"
fi
.venv/bin/python -m dashboard validate "${MS_DASHBOARD_DATA:-data}"  # the data that will be served
exec .venv/bin/python -m streamlit run dashboard/server.py "$@"
