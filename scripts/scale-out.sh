#!/usr/bin/env bash
# Several dashboard processes behind nginx with sticky sessions, on one machine.
# Usage: bash scripts/scale-out.sh [PROCESSES (default: number of cores)] ; listens on $PORT (default 8500).
# Needs nginx (Debian package "nginx"). Ctrl-C stops nginx and every dashboard process.
# A dashboard process that exits is started again (supervise below); it gets new sessions only while its /ready
# answers 200. Settings (environment):
#   PORT=8500  LISTEN_ADDRESS=127.0.0.1   where nginx listens (a proxy on another machine needs a non-loopback one)
#   TRUSTED_PROXIES="10.0.0.5 10.1.0.0/16"  the proxies or load balancers in front whose X-Forwarded-For names the
#                  client (per-client limits and logs use it); default none: the connection's address is the client
#   SCALE_OUT_UNLIMITED_LOOPBACK=1  exempts loopback clients from the per-client limits, for load tests on this
#                  machine only (off by default)
set -euo pipefail
cd "$(dirname "$0")/.."
processes="${1:-$(nproc)}"
port="${PORT:-8500}"
listen="${LISTEN_ADDRESS:-127.0.0.1}:$port"
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

backends=()
for i in $(seq 0 $((processes - 1))); do backends+=($((first + i))); done

ready_status() {  # the HTTP status of GET /ready on port $1 ("000": no answer within 2 s); plain bash, no process
  local fd status=000
  if exec {fd}<>"/dev/tcp/127.0.0.1/$1"; then
    printf 'GET /ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&"$fd"
    IFS=' ' read -r -t 2 _ status _ <&"$fd" || status=000
    exec {fd}>&-
  fi 2>/dev/null
  echo "$status"
}

cpu_ticks() {  # the CPU time process $1 has used so far (user + system, in clock ticks)
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo gone; return; }
  set -- ${stat##*) }  # the fields after the command name: state is $1, utime $12, stime $13
  echo $(( ${12} + ${13} ))
}

upstreams() {  # nginx's upstream servers: a process is "down" (no new sessions) unless ready-PORT exists; reload
  (
    flock 9
    for b in "${backends[@]}"; do
      echo "        server 127.0.0.1:$b max_fails=0$([ -e "$prefix/ready-$b" ] || echo " down");"
    done > "$prefix/upstreams.conf.new"
    mv "$prefix/upstreams.conf.new" "$prefix/upstreams.conf"
    [ -s "$prefix/nginx.pid" ] && kill -HUP "$(cat "$prefix/nginx.pid")" 2>/dev/null
  ) 9>"$prefix/upstreams.lock" || true
}

mark() {  # mark PORT ready|down [WHY], when that changes: the upstream list follows, and supervisor.log says so
  local backend=$1 state=$2 why=${3:-}
  if [ "$state" = ready ] && [ ! -e "$prefix/ready-$backend" ]; then
    touch "$prefix/ready-$backend"
  elif [ "$state" = down ] && [ -e "$prefix/ready-$backend" ]; then
    rm -f "$prefix/ready-$backend"
  else
    return 0
  fi
  echo "$(date -u +%FT%TZ) dashboard on port $backend: $state (new sessions $([ "$state" = ready ] && echo to it || echo elsewhere))${why:+: $why}" \
    >> "$prefix/supervisor.log"
  upstreams
}

supervise() {  # one dashboard process on port $1, started again whenever it exits; its pid in dashboard-$1.pid.
  # Its /ready is asked every second: 200 puts it into nginx's upstream; another answer (503: the knowledge does not
  # load), its exit, or no answer three times running while it used no CPU (hung, or stopped) takes it out. A busy
  # process answers late but uses CPU: it stays in (taking both out of a crowd would turn everyone away).
  local backend=$1 child="" status silent=0 cpu_then=""
  trap '[ -n "$child" ] && kill "$child" 2>/dev/null; exit 0' TERM INT
  while :; do
    .venv/bin/python -m streamlit run dashboard/server.py --server.port "$backend" --server.address 127.0.0.1 \
      >> "$prefix/dashboard-$backend.log" 2>&1 &
    child=$! silent=0
    echo "$child" > "$prefix/dashboard-$backend.pid"
    while kill -0 "$child" 2>/dev/null; do
      status="$(ready_status "$backend")"
      case "$status" in
        200) silent=0; mark "$backend" ready ;;
        000) silent=$((silent + 1))
             if [ "$silent" -eq 1 ]; then
               cpu_then="$(cpu_ticks "$child")"
             elif [ "$silent" -ge 3 ]; then
               [ "$(cpu_ticks "$child")" = "$cpu_then" ] && mark "$backend" down "no answer to $silent checks and no CPU used"
               cpu_then="$(cpu_ticks "$child")"
             fi ;;
        *) silent=0; mark "$backend" down "/ready answered $status" ;;
      esac
      sleep 1 & wait $! || true
    done
    wait "$child" || true
    mark "$backend" down "exited"
    echo "$(date -u +%FT%TZ) dashboard on port $backend exited; starting it again" >> "$prefix/supervisor.log"
    sleep 1
  done
}

upstreams  # every process "down" until it is ready
for backend in "${backends[@]}"; do
  supervise "$backend" &
  pids+=($!)
done
deadline=$((SECONDS + 90))
for backend in "${backends[@]}"; do
  until [ -e "$prefix/ready-$backend" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "dashboard on port $backend did not become ready within 90 s"; exit 1; }
    sleep 0.3
  done
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
.venv/bin/python deploy/nginx/render.py "$prefix" "$listen" "$nofile" "$unlimited" "${TRUSTED_PROXIES:-}" > "$prefix/nginx.conf"
"$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" -g "daemon off;" &
pids+=($!)
upstreams  # the readiness that changed while nginx started
echo "dashboard: http://$listen ($processes processes behind nginx; trusted proxies: ${TRUSTED_PROXIES:-none};" \
  "logs in $prefix, deleted when it stops)"
echo "$prefix" > "${SCALE_OUT_PREFIX_FILE:-/dev/null}"
wait
