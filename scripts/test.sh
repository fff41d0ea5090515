#!/usr/bin/env bash
# Install everything the tests need and run the whole suite: knowledge, charts, AppTest pages and components,
# the nginx scale-out test and the real-browser tests. Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt

# System packages used by tests: Debian's chromium (browser tests), nginx (scale-out test),
# poppler-utils (handout rendered to an image), DejaVu fonts (handout text).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf ] || missing+=(fonts-dejavu-extra)  # handout
[ -f /usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf ] || missing+=(fonts-liberation)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  if command -v apt-get >/dev/null 2>&1; then
    echo "installing test-only system packages: ${missing[*]}"
    $sudo apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
      || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "${missing[@]}" >/dev/null; } \
      || echo "could not install ${missing[*]}: the tests that need them will say so and skip"
  else
    echo "no apt-get here: tests that need ${missing[*]} will say so and skip"
  fi
fi

.venv/bin/python -m dashboard validate
exec .venv/bin/python -m pytest "$@"
