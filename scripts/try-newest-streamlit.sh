#!/usr/bin/env bash
# Try the newest Streamlit release (or the one given) before upgrading: a temporary venv with the test requirements
# and that Streamlit, then the knowledge, component and page tests (AppTest) and, with --browser, the browser tests.
# The app uses Streamlit's public API only, so what breaks here is what an upgrade breaks.
# Usage: bash scripts/try-newest-streamlit.sh [--version X.Y.Z] [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."
version="" browser=""
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --browser) browser=1; shift ;;
    *) echo "usage: $0 [--version X.Y.Z] [--browser]" >&2; exit 2 ;;
  esac
done
venv="$(mktemp -d)/venv"
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
pinned="$("$venv/bin/python" -c 'import streamlit; print(streamlit.__version__)')"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "streamlit${version:+==$version}"
tried="$("$venv/bin/python" -c 'import streamlit; print(streamlit.__version__)')"
echo "Streamlit pinned: $pinned; tried: $tried"
suites=(tests/knowledge tests/charts tests/components tests/pages tests/export)
[ -n "$browser" ] && suites+=(tests/e2e)
status=0
"$venv/bin/python" -m pytest -q -p no:cacheprovider "${suites[@]}" || status=$?
echo "Streamlit $tried: pytest exit code $status (0: every test passed)"
exit $status
