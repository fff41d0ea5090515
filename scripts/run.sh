#!/usr/bin/env bash
# Install the pinned dependencies into .venv and start the dashboard on the bundled knowledge, with the
# hardened configuration in .streamlit/config.toml. Usage: bash scripts/run.sh [--server.port 8501]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
.venv/bin/python -m dashboard validate
exec .venv/bin/python -m streamlit run dashboard/app.py "$@"
