#!/usr/bin/env bash
# Search and explore at scale: seeds N artworks (default 1,000,000) with real words, tags and likes
# on SQLite and on PostgreSQL (SKIP_POSTGRES=1 for SQLite alone), and times each read of README's
# table through the Release build over HTTP at SMALL (default 10,000) and at N: median and p95 of
# CALLS (default 100) sequential calls, and the ratio of the medians. The popular ranking's cache and
# the output cache are off, so every call reads the database; the first popular call after seeding
# counts the counters afresh (the likes were loaded behind the app's back) and is reported apart.
#   bash bench/search.sh [N] [SMALL]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
n=${1:-1000000}
small=${2:-10000}
calls=${CALLS:-100}
work=$(mktemp -d)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  if [ -n "${pg_database:-}" ]; then
    psql -q "postgresql://artfolio:artfolio@127.0.0.1:5432/postgres" -c "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
api=http://127.0.0.1:5311

dotnet build ArtFolio -c Release -v q -nologo >/dev/null

start_app() { # provider connection-string
  (cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$api \
    Jwt__SigningKey="bench-only-signing-key-$(head -c 24 /dev/urandom | base64)" \
    Database__Provider="$1" Database__ConnectionString="$2" Media__LocalPath="$work/media" \
    Popular__CacheDuration=00:00:00 OutputCache__Enabled=false RateLimiting__Auth__PermitLimit=100000 Logging__LogLevel__Default=Warning \
    dotnet "$root/ArtFolio/bin/Release/net10.0/ArtFolio.dll") >"$work/app-$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 120); do curl -sf "$api/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "the app did not start:"; tail -20 "$work/app-$1.log"; exit 1
}

stop_app() { grep -A12 -m3 "fail:" "$work"/app-*.log >&2 || true; kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; }

run() { # label provider connection-string seed-target
  local label=$1 provider=$2 connection=$3 target=$4
  start_app "$provider" "$connection"
  python3 bench/search.py users "$api" 100
  local began=$SECONDS
  python3 bench/search.py seed "$label" "$target" 0 "$small"
  python3 bench/search.py measure "$api" "$label $small" "$calls" | tee -a "$work/results.jsonl"
  python3 bench/search.py seed "$label" "$target" "$small" "$n"
  echo "  seeded $n on $label in $((SECONDS - began)) s" >&2
  # A fresh start, as after a deploy: nothing of the small run is cached or planned.
  stop_app
  start_app "$provider" "$connection"
  python3 bench/search.py measure "$api" "$label $n" "$calls" | tee -a "$work/results.jsonl"
  stop_app
}

run sqlite Sqlite "Data Source=$work/bench.db" "$work/bench.db"
if [ "${SKIP_POSTGRES:-}" != 1 ]; then
  pg_database="artfolio_search_bench_$$"
  psql -q "postgresql://artfolio:artfolio@127.0.0.1:5432/postgres" -c "CREATE DATABASE $pg_database"
  run postgres Postgres "Host=127.0.0.1;Port=5432;Username=artfolio;Password=artfolio;Database=$pg_database" \
    "postgresql://artfolio:artfolio@127.0.0.1:5432/$pg_database"
fi

python3 - "$work/results.jsonl" "$small" "$n" <<'EOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
small, n = sys.argv[2], sys.argv[3]
by = {r["label"]: r["reads"] for r in rows}
databases = [d for d in ("sqlite", "postgres") if f"{d} {small}" in by]
print(f"\nmedian (p95) in ms at {int(small):,} and {int(n):,} artworks; ratio of medians")
print("| read | " + " | ".join(f"{d} {int(small):,} | {d} {int(n):,} | ratio" for d in databases) + " |")
print("|---|" + "---|---|---|" * len(databases))
for read in by[f"{databases[0]} {small}"]:
    cells = []
    for d in databases:
        a, b = by[f"{d} {small}"][read], by[f"{d} {n}"][read]
        cells += [f"{a['median']:.1f} ({a['p95']:.1f})", f"{b['median']:.1f} ({b['p95']:.1f})",
                  f"{b['median'] / a['median']:.1f}x"]
    print(f"| {read} | " + " | ".join(cells) + " |")
EOF
