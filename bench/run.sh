#!/usr/bin/env bash
# Read-path performance, side by side: the Release product against a bare baseline (bench/Baseline: the
# same reads in raw ADO.NET over the same schema and rows) and the framework's floor (the baseline's
# /plain: a constant body of the same size), with wrk on loopback (-t1 -c32), interleaved, medians of 3,
# on SQLite and on PostgreSQL 15 (started as .ci/run starts it).
# The product runs three times over one database: the output cache off, on (memory, the default), and
# on with its store in Redis (when redis-server is installed). Reads: the artwork by id (random ids;
# anonymous, and with a bearer token), the newest 20 artworks, a non-rotating refresh; then the cache's
# hit ratio, its resident-memory growth, and a mix with 10% likes (each evicts lists) with it off and on.
# Prints one markdown table.
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

# Redis for the run with the output cache's store in it (skipped without redis-server).
redis=""
if command -v redis-server >/dev/null; then
  redis-server --port 6393 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir "$work" --pidfile "$work/redis.pid"
  redis=1
fi
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true
  [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null || true
  rm -rf "$work"
}

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
# The same, counting the answers that came from the output cache (they carry Age).
cat >"$work/hits.lua" <<'LUA'
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local prefix = os.getenv("PREFIX")
hits, total = 0, 0
request = function() return wrk.format("GET", prefix .. ids[math.random(#ids)]) end
response = function(status, headers) total = total + 1; if headers["Age"] then hits = hits + 1 end end
local threads = {}
function setup(thread) threads[#threads + 1] = thread end
function done()
  local h, t = 0, 0
  for _, thread in ipairs(threads) do h = h + thread:get("hits"); t = t + thread:get("total") end
  io.write(string.format("hit-ratio %.3f\n", h / t))
end
LUA
# Visitors with 10% likes: 45% an artwork by id, 45% the explore page, 10% like or unlike (bearer).
cat >"$work/mix.lua" <<'LUA'
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local auth = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
request = function()
  local id = ids[math.random(#ids)]
  local dice = math.random(20)
  if dice <= 2 then return wrk.format(dice == 1 and "POST" or "DELETE", "/api/v1/artworks/" .. id .. "/like", auth) end
  if dice <= 11 then return wrk.format("GET", "/api/v1/artworks/" .. id) end
  return wrk.format("GET", "/api/v1/artworks?limit=20")
end
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
row() { # label, file of product runs, file of compared runs: fits the table's columns
  local p b
  p=$(awk '{print $1}' "$2" | median); b=$(awk '{print $1}' "$3" | median)
  printf '| %s | %s | %.0f (compared) | | %.0f | | | p50 %s / %s ms | %.2f |\n' "$db" "$1" "$b" "$p" \
    "$(awk '{print $2}' "$2" | median)" "$(awk '{print $2}' "$3" | median)" "$(jq -n "$p / $b")"
  if awk '$4 > 0 {bad=1} END {exit !bad}' "$2" "$3"; then echo "non-2xx answers in $1: the runs are not valid"; exit 1; fi
}

# label, suffix: req/s of baseline, cache off, on (memory), on (Redis), /plain; ratios on/baseline, on/plain, off/baseline.
cache_row() {
  local b off on red plain
  b=$(awk '{print $1}' "$work/b-$2" | median); off=$(awk '{print $1}' "$work/off-$2" | median)
  on=$(awk '{print $1}' "$work/on-$2" | median); plain=$(awk '{print $1}' "$work/plain-$2" | median)
  red=$(awk '{print $1}' "$work/redis-$2" | median)
  printf '| %s | %s | %.0f | %.0f | %.0f | %s | %.0f | %.2f / %.2f | %.2f |\n' "$db" "$1" "$b" "$off" "$on" "${red:-n/a}" "$plain" \
    "$(jq -n "$on / $b")" "$(jq -n "$on / $plain")" "$(jq -n "$off / $b")"
  if awk '$4 > 0 {bad=1} END {exit !bad}' "$work"/*-"$2"; then echo "non-2xx answers in $1: the runs are not valid"; exit 1; fi
}

start_product() { # port, extra env...
  local port=$1; shift
  (cd "$work" && exec env "${env[@]}" "$@" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$product_dll") >"$work/product-$db-$port.log" 2>&1 &
  pids+=("$!")
  wait_for "http://127.0.0.1:$port/health/ready"
}
rss() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

run_database() { # name, provider, connection string
  db=$1
  env=(ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Jwt__SigningKey="$key"
    Jwt__AccessTokenLifetime=01:00:00 RateLimiting__Auth__PermitLimit=1000000 Outbox__Dispatch=false
    Database__Provider="$2" Database__ConnectionString="$3" Media__LocalPath="$work/media-$1")
  start_product 5301 OutputCache__Enabled=false # migrates first; the others find the schema made
  env "${env[@]}" dotnet "$baseline_dll" seed "$artworks"
  (cd "$work" && exec env "${env[@]}" ASPNETCORE_URLS=http://127.0.0.1:5302 dotnet "$baseline_dll") >"$work/baseline-$1.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:5302/ids?n=1"
  start_product 5304
  local cached=$! redis_port=""
  if [ -n "$redis" ]; then
    redis_port=5305
    start_product 5305 Redis__ConnectionString=127.0.0.1:6393 Redis__KeyPrefix="bench-$1:" OutputCache__Store=Redis
  fi
  curl -sf "http://127.0.0.1:5302/ids?n=1000" | jq -r '.[]' >"$work/ids.txt"
  local auth token refresh
  auth=$(curl -sf -X POST http://127.0.0.1:5301/api/v1/auth/register -H 'Content-Type: application/json' \
    -d '{"username":"bencher","email":"bencher@bench.example","password":"bench-password","confirmPassword":"bench-password"}')
  token=$(jq -r .accessToken <<<"$auth"); refresh=$(jq -r .refreshToken <<<"$auth")
  export IDS="$work/ids.txt" REFRESH="$refresh" TOKEN="$token"
  # The floor is asked for bodies of the product's own sizes.
  local id_bytes page_bytes
  id_bytes=$(curl -sf "http://127.0.0.1:5301/api/v1/artworks/$(head -1 "$work/ids.txt")" | wc -c)
  page_bytes=$(curl -sf "http://127.0.0.1:5301/api/v1/artworks?limit=20" | wc -c)

  # Warm every one: JIT, pools, caches.
  for port in 5301 5304 $redis_port; do PREFIX=/api/v1/artworks/ measure "http://127.0.0.1:$port" "$work/by-id.lua" >/dev/null; done
  PREFIX=/artworks/ measure http://127.0.0.1:5302 "$work/by-id.lua" >/dev/null
  measure "http://127.0.0.1:5302/plain?bytes=$id_bytes" >/dev/null
  local rss_before; rss_before=$(rss "$cached")
  for f in b-id off-id on-id redis-id plain-id b-page off-page on-page redis-page plain-page p-auth p-refresh; do : >"$work/$f"; done
  for _ in 1 2 3; do
    PREFIX=/artworks/ measure http://127.0.0.1:5302 "$work/by-id.lua" >>"$work/b-id"
    PREFIX=/api/v1/artworks/ measure http://127.0.0.1:5301 "$work/by-id.lua" >>"$work/off-id"
    PREFIX=/api/v1/artworks/ measure http://127.0.0.1:5304 "$work/by-id.lua" >>"$work/on-id"
    [ -z "$redis_port" ] || PREFIX=/api/v1/artworks/ measure http://127.0.0.1:5305 "$work/by-id.lua" >>"$work/redis-id"
    measure "http://127.0.0.1:5302/plain?bytes=$id_bytes" >>"$work/plain-id"
    measure "http://127.0.0.1:5302/artworks?limit=20" >>"$work/b-page"
    measure "http://127.0.0.1:5301/api/v1/artworks?limit=20" >>"$work/off-page"
    measure "http://127.0.0.1:5304/api/v1/artworks?limit=20" >>"$work/on-page"
    [ -z "$redis_port" ] || measure "http://127.0.0.1:5305/api/v1/artworks?limit=20" >>"$work/redis-page"
    measure "http://127.0.0.1:5302/plain?bytes=$page_bytes" >>"$work/plain-page"
    PREFIX=/api/v1/artworks/ measure http://127.0.0.1:5304 "$work/by-id.lua" "Authorization: Bearer $token" >>"$work/p-auth"
    measure http://127.0.0.1:5304/api/v1/auth/refresh "$work/refresh.lua" >>"$work/p-refresh"
  done
  cache_row "artwork by id, anonymous" id
  cache_row "explore page of 20, anonymous" page
  row "artwork by id, bearer token, cache on (vs anonymous baseline)" "$work/p-auth" "$work/b-id"
  row "non-rotating refresh (vs product's anonymous by id, cache off)" "$work/p-refresh" "$work/off-id"
  local ratio_id
  ratio_id=$(PREFIX=/api/v1/artworks/ wrk -t1 -c32 -d"${seconds}s" -s "$work/hits.lua" http://127.0.0.1:5304 | awk '/hit-ratio/ {print $2}')
  echo "| $db | cache on (memory): hit ratio by id over 1,000 random artworks $ratio_id; resident memory $rss_before -> $(rss "$cached") MiB over the runs | | | | | | | |"
  : >"$work/off-mix"; : >"$work/on-mix"
  for _ in 1 2 3; do
    measure http://127.0.0.1:5301 "$work/mix.lua" >>"$work/off-mix"
    measure http://127.0.0.1:5304 "$work/mix.lua" >>"$work/on-mix"
  done
  printf '| %s | mix: 45%% by id, 45%% explore, 10%% like/unlike | | %.0f | %.0f | | | %.2f (on / off) | |\n' "$db" \
    "$(awk '{print $1}' "$work/off-mix" | median)" "$(awk '{print $1}' "$work/on-mix" | median)" \
    "$(jq -n "$(awk '{print $1}' "$work/on-mix" | median) / $(awk '{print $1}' "$work/off-mix" | median)")"

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
  printf '| %s | cache off: page %s of 100 (p50 %s ms) against page 1 (p50 %s ms) | %.0f (page 1) | %.0f | | | | | %.2f (p50 ratio) |\n' "$db" \
    "$((pages + 1))" "$(awk '{print $2}' "$work/p-deep" | median)" "$(awk '{print $2}' "$work/p-first" | median)" \
    "$(awk '{print $1}' "$work/p-first" | median)" "$(awk '{print $1}' "$work/p-deep" | median)" \
    "$(jq -n "$(awk '{print $2}' "$work/p-deep" | median) / $(awk '{print $2}' "$work/p-first" | median)")"
  # SQL statements per request, from a third instance that logs every command (not measured for speed).
  (cd "$work" && exec env "${env[@]}" OutputCache__Enabled=false Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information \
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
  echo "| $db | SQL statements per request, cache off:$statements | | | | | | | |"
  kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; pids=()
}

{
  # The table is piped through tee, so this block is a subshell: it stops its own apps if a step fails.
  trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
  echo "| database | read | baseline req/s | cache off | cache on (memory) | cache on (Redis store) | /plain, same size | on / baseline, on / plain | off / baseline |"
  echo "|---|---|---|---|---|---|---|---|---|"
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
    # Four apps at once (three products, the baseline) must fit PostgreSQL's default 100 connections.
    run_database PostgreSQL Postgres "Host=127.0.0.1;Username=artfolio;Password=artfolio;Database=$name;Maximum Pool Size=24${POSTGRES_OPTIONS:+;$POSTGRES_OPTIONS}"
    su postgres -c "psql -qc 'DROP DATABASE $name WITH (FORCE)'"
  fi
} | tee "$work/table.md"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $artworks artworks by 100 artists, wrk -t1 -c32 -d${seconds}s, medians of 3 interleaved runs"
