#!/usr/bin/env bash
# Several dashboard processes behind nginx with sticky sessions, on one machine.
# Usage: bash scripts/scale-out.sh [PROCESSES (default: number of cores)] ; listens on $PORT (default 8500).
# Needs nginx (Debian package "nginx"). Ctrl-C stops nginx and every dashboard process.
set -euo pipefail
cd "$(dirname "$0")/.."
processes="${1:-$(nproc)}"
port="${PORT:-8500}"
first="${FIRST_BACKEND_PORT:-8601}"
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx_bin" ] || { echo "nginx is not installed (apt-get install nginx)"; exit 1; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
.venv/bin/python -m dashboard validate

prefix="$(mktemp -d)"
chmod 755 "$prefix"  # nginx workers (not root) read the static copy below it
pids=()
cleanup() { [ -f "$prefix/nginx.pid" ] && kill "$(cat "$prefix/nginx.pid")" 2>/dev/null; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

upstreams=""
for i in $(seq 0 $((processes - 1))); do
  backend=$((first + i))
  .venv/bin/python -m streamlit run dashboard/app.py --server.port "$backend" --server.address 127.0.0.1 \
    > "$prefix/dashboard-$backend.log" 2>&1 &
  pids+=($!)
  upstreams+="        server 127.0.0.1:$backend max_fails=0;"$'\n'
done
for i in $(seq 0 $((processes - 1))); do
  .venv/bin/python - "$((first + i))" <<'PY'
import sys, time, urllib.request
deadline = time.monotonic() + 90
while time.monotonic() < deadline:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/_stcore/health", timeout=2); break
    except OSError:
        time.sleep(0.3)
else:
    sys.exit(f"dashboard on port {sys.argv[1]} did not start")
PY
done

mkdir -p "$prefix"/{body,proxy,fastcgi,uwsgi,scgi}
# Streamlit's frontend files (hashed names, never change) served by nginx itself, gzip-compressed once here:
# 200 browsers at once would otherwise pull several MB each through the Python processes, uncompressed.
static="$(.venv/bin/python -c 'import os, streamlit; print(os.path.join(os.path.dirname(streamlit.__file__), "static", "static"))')"
cp -r "$static" "$prefix/static"
find "$prefix/static" -type f \( -name '*.js' -o -name '*.css' -o -name '*.svg' -o -name '*.json' -o -name '*.ttf' \) \
  -size +1k -exec gzip -k -6 {} +
# The static edition beside the live app (/static-edition/), compressed once here like the frontend files.
.venv/bin/python -m dashboard export --site "$prefix/static-edition" >/dev/null
find "$prefix/static-edition" -type f \( -name '*.html' -o -name '*.js' \) -size +1k -exec gzip -k -6 {} +
.venv/bin/python - "$prefix" "$port" "$upstreams" <<'PY'
import sys
prefix, port, upstreams = sys.argv[1:]
text = open("deploy/nginx/nginx.conf.template").read()
open(f"{prefix}/nginx.conf", "w").write(
    text.replace("@PREFIX@", prefix).replace("@PORT@", port).replace("@UPSTREAMS@", upstreams.rstrip("\n")))
PY
"$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" -g "daemon off;" &
pids+=($!)
echo "dashboard: http://127.0.0.1:$port ($processes processes behind nginx; logs in $prefix)"
echo "$prefix" > "${SCALE_OUT_PREFIX_FILE:-/dev/null}"
wait
