#!/usr/bin/env bash
# Read-path performance, side by side: the Release product against a bare baseline (bench/Baseline: the
# same reads in raw ADO.NET over the same schema and rows), with wrk on loopback (-t1 -c32), interleaved
# A,B,A,B,A,B, medians of 3, on SQLite and on PostgreSQL 15 (started as .ci/run starts it).
# Reads: the artwork by id (random ids; anonymous, and with a bearer token, session check included),
# the newest 20 artworks, and a non-rotating refresh against the product's own anonymous by-id read.
# Also: the product's resident memory after the runs. Prints one markdown table.
# Usage: bash bench/run.sh [artworks, default 10000] [seconds per run, default 5]
#   Needs: dotnet, curl, jq, wrk (Debian's), and for PostgreSQL the postgresql package (SKIP_POSTGRES=1 skips it;
#   SKIP_SQLITE=1 runs PostgreSQL alone; POSTGRES_OPTIONS="Max Auto Prepare=64;Auto Prepare Min Usages=2" gives
#   both apps Npgsql's automatic preparation, which the product turns on by itself and the bare baseline does not).
artworks=${1:-10000}
seconds=${2:-5}
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
command -v wrk >/dev/null && command -v jq >/dev/null || { echo "needs wrk and jq: apt-get install -y wrk jq"; exit 1; }

dotnet build ArtFolio -c Release -v q -nologo >/dev/null
dotnet build bench/Baseline -c Release -v q -nologo >/dev/null
product_dll="$root/ArtFolio/bin/Release/net10.0/ArtFolio.dll"
baseline_dll="$root/bench/Baseline/bin/Release/net10.0/Baseline.dll"
key="bench-signing-key-$(head -c 32 /dev/urandom | base64)"

wait_for() { for _ in $(seq 120); do curl -sf "$1" >/dev/null && return; sleep 0.5; done; echo "$1 did not come up"; exit 1; }

# wrk -s script: a GET of a random id from ids.txt.
cat >"$work/by-id.lua" <<'LUA'
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local prefix = os.getenv("PREFIX")
request = function() return wrk.format("GET", prefix .. ids[math.random(#ids)]) end
LUA
cat >"$work/refresh.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"refreshToken":"' .. os.getenv("REFRESH") .. '"}'
LUA

# One wrk run: prints "req/s p50_ms p99_ms non2xx".
measure() { # url, [lua script], [header]
  local args=(-t1 -c32 -d"${seconds}s" --latency)
  [ -n "${2:-}" ] && args+=(-s "$2")
  [ -n "${3:-}" ] && args+=(-H "$3")
  wrk "${args[@]}" "$1" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {bad=$4}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    END {printf "%s %.2f %.2f %s\n", rps, ms(p50), ms(p99), bad+0}'
}

median() { sort -n | sed -n 2p; }
row() { # label, file of product runs, file of baseline runs
  local p b
  p=$(awk '{print $1}' "$2" | median); b=$(awk '{print $1}' "$3" | median)
  printf '| %s | %s | %.0f | %.0f | %s / %s | %s / %s | %.2f |\n' "$db" "$1" "$p" "$b" \
    "$(awk '{print $2}' "$2" | median)" "$(awk '{print $2}' "$3" | median)" \
    "$(awk '{print $3}' "$2" | median)" "$(awk '{print $3}' "$3" | median)" "$(jq -n "$p / $b")"
  if awk '$4 > 0 {bad=1} END {exit !bad}' "$2" "$3"; then echo "non-2xx answers in $1: the runs are not valid"; exit 1; fi
}

run_database() { # name, provider, connection string
  db=$1
  local env=(ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Jwt__SigningKey="$key"
    Jwt__AccessTokenLifetime=01:00:00 RateLimiting__Auth__PermitLimit=1000000 Outbox__Dispatch=false
    Database__Provider="$2" Database__ConnectionString="$3" Media__LocalPath="$work/media-$1")
  (cd "$work" && exec env "${env[@]}" ASPNETCORE_URLS=http://127.0.0.1:5301 dotnet "$product_dll") >"$work/product-$1.log" 2>&1 &
  local product=$!
  pids+=("$product")
  wait_for http://127.0.0.1:5301/health/ready
  env "${env[@]}" dotnet "$baseline_dll" seed "$artworks"
  (cd "$work" && exec env "${env[@]}" ASPNETCORE_URLS=http://127.0.0.1:5302 dotnet "$baseline_dll") >"$work/baseline-$1.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:5302/ids?n=1"
  curl -sf "http://127.0.0.1:5302/ids?n=1000" | jq -r '.[]' >"$work/ids.txt"
  local auth token refresh
  auth=$(curl -sf -X POST http://127.0.0.1:5301/api/v1/auth/register -H 'Content-Type: application/json' \
    -d '{"username":"bencher","email":"bencher@bench.example","password":"bench-password","confirmPassword":"bench-password"}')
  token=$(jq -r .accessToken <<<"$auth"); refresh=$(jq -r .refreshToken <<<"$auth")
  export IDS="$work/ids.txt" REFRESH="$refresh"

  # Warm both: JIT, pools, caches.
  PREFIX=/api/v1/artworks/ measure http://127.0.0.1:5301 "$work/by-id.lua" >/dev/null
  PREFIX=/artworks/ measure http://127.0.0.1:5302 "$work/by-id.lua" >/dev/null
  : >"$work/p-id"; : >"$work/b-id"; : >"$work/p-auth"; : >"$work/p-page"; : >"$work/b-page"; : >"$work/p-refresh"
  for _ in 1 2 3; do
    PREFIX=/api/v1/artworks/ measure http://127.0.0.1:5301 "$work/by-id.lua" >>"$work/p-id"
    PREFIX=/artworks/ measure http://127.0.0.1:5302 "$work/by-id.lua" >>"$work/b-id"
    PREFIX=/api/v1/artworks/ measure http://127.0.0.1:5301 "$work/by-id.lua" "Authorization: Bearer $token" >>"$work/p-auth"
    measure "http://127.0.0.1:5301/api/v1/artworks?limit=20" >>"$work/p-page"
    measure "http://127.0.0.1:5302/artworks?limit=20" >>"$work/b-page"
    measure http://127.0.0.1:5301/api/v1/auth/refresh "$work/refresh.lua" >>"$work/p-refresh"
  done
  row "artwork by id, anonymous" "$work/p-id" "$work/b-id"
  row "artwork by id, bearer token (vs anonymous baseline)" "$work/p-auth" "$work/b-id"
  row "explore page of 20" "$work/p-page" "$work/b-page"
  row "non-rotating refresh (vs product's anonymous by id)" "$work/p-refresh" "$work/p-id"

  # Deep pages: the last page of 100 (page N/100), reached by following nextCursor, against page 1.
  local cursor="" pages=0 next
  while next=$(curl -sf "http://127.0.0.1:5301/api/v1/artworks?limit=100${cursor:+&cursor=$cursor}" | jq -r '.nextCursor // empty'); [ -n "$next" ]; do
    cursor=$next; pages=$((pages + 1))
  done
  : >"$work/p-first"; : >"$work/p-deep"
  for _ in 1 2 3; do
    measure "http://127.0.0.1:5301/api/v1/artworks?limit=100" >>"$work/p-first"
    measure "http://127.0.0.1:5301/api/v1/artworks?limit=100&cursor=$cursor" >>"$work/p-deep"
  done
  printf '| %s | page %s of 100 (p50 %s ms) against page 1 (p50 %s ms) | %.0f | %.0f | | | %.2f (p50 ratio) |\n' "$db" \
    "$((pages + 1))" "$(awk '{print $2}' "$work/p-deep" | median)" "$(awk '{print $2}' "$work/p-first" | median)" \
    "$(awk '{print $1}' "$work/p-deep" | median)" "$(awk '{print $1}' "$work/p-first" | median)" \
    "$(jq -n "$(awk '{print $2}' "$work/p-deep" | median) / $(awk '{print $2}' "$work/p-first" | median)")"
  # SQL statements per request, from a third instance that logs every command (not measured for speed).
  (cd "$work" && exec env "${env[@]}" Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information \
    ASPNETCORE_URLS=http://127.0.0.1:5303 dotnet "$product_dll") >"$work/sql-$1.log" 2>&1 &
  pids+=($!)
  wait_for http://127.0.0.1:5303/health/ready
  local statements=""
  for read in "by id|/api/v1/artworks/$(head -1 "$work/ids.txt")|" "by id with a token|/api/v1/artworks/$(head -1 "$work/ids.txt")|$token" \
    "page of 20|/api/v1/artworks?limit=20|" "refresh|/api/v1/auth/refresh|refresh"; do
    IFS='|' read -r label path extra <<<"$read"
    sleep 0.3; local mark; mark=$(wc -l <"$work/sql-$1.log")
    if [ "$extra" = refresh ]; then
      curl -sf -o /dev/null -X POST "http://127.0.0.1:5303$path" -H 'Content-Type: application/json' -d "{\"refreshToken\":\"$refresh\"}"
    elif [ -n "$extra" ]; then
      curl -sf -o /dev/null "http://127.0.0.1:5303$path" -H "Authorization: Bearer $extra"
    else
      curl -sf -o /dev/null "http://127.0.0.1:5303$path"
    fi
    sleep 0.3
    statements="$statements $label: $(tail -n +"$((mark + 1))" "$work/sql-$1.log" | grep -c 'Executed DbCommand' || true);"
  done
  echo "| $db | SQL statements per request:$statements | | | | | |"
  echo "| $db | product resident memory after the runs | $(awk '/^VmRSS/ {printf "%.0f MiB", $2/1024}' /proc/$product/status) | | | | |"
  kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; pids=()
}

{
  # The table is piped through tee, so this block is a subshell: it stops its own apps if a step fails.
  trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
  echo "| database | read | product req/s | baseline req/s | p50 ms (product / baseline) | p99 ms | ratio |"
  echo "|---|---|---|---|---|---|---|"
  [ -n "${SKIP_SQLITE:-}" ] || run_database SQLite Sqlite "Data Source=$work/bench.db"
  if [ -z "${SKIP_POSTGRES:-}" ]; then
    if ! [ -x /usr/lib/postgresql/15/bin/postgres ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    pg_ctlcluster 15 main start 2>/dev/null || true
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='artfolio'\"" | grep -q 1 \
      || su postgres -c "psql -qc \"CREATE ROLE artfolio LOGIN CREATEDB PASSWORD 'artfolio'\""
    name="artfolio_bench_$$"
    su postgres -c "psql -qc 'CREATE DATABASE $name OWNER artfolio'"
    run_database PostgreSQL Postgres "Host=127.0.0.1;Username=artfolio;Password=artfolio;Database=$name${POSTGRES_OPTIONS:+;$POSTGRES_OPTIONS}"
    su postgres -c "psql -qc 'DROP DATABASE $name WITH (FORCE)'"
  fi
} | tee "$work/table.md"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $artworks artworks by 100 artists, wrk -t1 -c32 -d${seconds}s, medians of 3 interleaved runs"
