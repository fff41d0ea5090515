#!/usr/bin/env bash
# Several dashboard processes behind nginx with sticky sessions, on one machine.
# Usage: bash scripts/scale-out.sh [PROCESSES (default: number of cores)] ; listens on $PORT (default 8500).
# Needs nginx (Debian package "nginx"). Ctrl-C stops nginx and every dashboard process.
# A dashboard process that exits is started again (supervise below). SCALE_OUT_UNLIMITED_LOOPBACK=1 exempts
# loopback clients from the per-client limits, for load tests on this machine only (off by default).
set -euo pipefail
cd "$(dirname "$0")/.."
processes="${1:-$(nproc)}"
port="${PORT:-8500}"
first="${FIRST_BACKEND_PORT:-8601}"
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx_bin" ] || { echo "nginx is not installed (apt-get install nginx)"; exit 1; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
.venv/bin/python -m dashboard validate "${MS_DASHBOARD_DATA:-data}"  # the data that will be served

# Open files: each held-open session is a socket in nginx (two: browser and process) and one in a dashboard
# process. Raise this shell's soft limit to the hard limit (the processes inherit it); nginx asks for at most 16,384.
hard="$(ulimit -Hn)"; [ "$hard" = unlimited ] && hard=65536
ulimit -n "$hard"
nofile=$(( hard < 16384 ? hard : 16384 ))

prefix="$(mktemp -d)"
chmod 755 "$prefix"  # nginx workers (not root) read the static copy below it
pids=()
cleanup() {
  [ -f "$prefix/nginx.pid" ] && kill "$(cat "$prefix/nginx.pid")" 2>/dev/null || true
  kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true
  rm -rf "$prefix"  # the logs live only as long as this setup (README, Public instance)
}
trap cleanup EXIT INT TERM

supervise() {  # one dashboard process on port $1, started again whenever it exits; its pid in dashboard-$1.pid
  local backend=$1 child=""
  trap '[ -n "$child" ] && kill "$child" 2>/dev/null; exit 0' TERM INT
  while :; do
    .venv/bin/python -m streamlit run dashboard/server.py --server.port "$backend" --server.address 127.0.0.1 \
      >> "$prefix/dashboard-$backend.log" 2>&1 &
    child=$!
    echo "$child" > "$prefix/dashboard-$backend.pid"
    wait "$child" || true
    echo "$(date -u +%FT%TZ) dashboard on port $backend exited; starting it again" >> "$prefix/supervisor.log"
    sleep 1
  done
}

upstreams=""
for i in $(seq 0 $((processes - 1))); do
  backend=$((first + i))
  supervise "$backend" &
  pids+=($!)
  upstreams+="        server 127.0.0.1:$backend max_fails=1 fail_timeout=30s;"$'\n'
done
for i in $(seq 0 $((processes - 1))); do
  .venv/bin/python - "$((first + i))" <<'PY'
import sys, time, urllib.request
deadline = time.monotonic() + 90
while time.monotonic() < deadline:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/ready", timeout=2); break
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
unlimited=""
[ "${SCALE_OUT_UNLIMITED_LOOPBACK:-0}" = 1 ] && unlimited="        127.0.0.0/8 0;  # SCALE_OUT_UNLIMITED_LOOPBACK=1: load tests only"
.venv/bin/python - "$prefix" "$port" "$upstreams" "$nofile" "$unlimited" <<'PY'
import sys
from dashboard.headers import nginx_directives
prefix, port, upstreams, nofile, unlimited = sys.argv[1:]
values = {"@PREFIX@": prefix, "@PORT@": port, "@UPSTREAMS@": upstreams.rstrip("\n"), "@NOFILE@": nofile,
          "@WORKER_CONNECTIONS@": str(int(nofile) // 2), "@UNLIMITED@": unlimited, **nginx_directives()}
text = open("deploy/nginx/nginx.conf.template").read()
for placeholder, value in values.items():
    text = text.replace(placeholder, value)
open(f"{prefix}/nginx.conf", "w").write(text)
PY
"$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" -g "daemon off;" &
pids+=($!)
echo "dashboard: http://127.0.0.1:$port ($processes processes behind nginx; logs in $prefix, deleted when it stops)"
echo "$prefix" > "${SCALE_OUT_PREFIX_FILE:-/dev/null}"
wait
