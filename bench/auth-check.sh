#!/usr/bin/env bash
# What checking the session on every authenticated request costs, on the Release build with SQLite:
# GET /api/v1/artworks/{id} measured with wrk on loopback, interleaved A, B, C three times, medians:
#   A. anonymous (no token: no signature check, no session check);
#   B. with a bearer token, the session check answered from the per-instance cache (the default, 5 s);
#   C. with a bearer token, the session check reading the database every time (cache duration 0).
# B/A is what authentication, the session check included, costs on this read; C/B is what the cache saves.
# Usage: bash bench/auth-check.sh [seconds per run, default 5]   Needs: dotnet, curl, jq, wrk (Debian's).
seconds=${1:-5}
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
command -v wrk >/dev/null && command -v jq >/dev/null || { echo "needs wrk and jq: apt-get install -y wrk jq"; exit 1; }

dotnet build ArtFolio -c Release -v q -nologo >/dev/null
key="bench-signing-key-$(head -c 32 /dev/urandom | base64)"
start() { # port, session check cache duration
  (
    cd "$work"
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$1 Logging__LogLevel__Default=Warning \
    Jwt__SigningKey="$key" Jwt__AccessTokenLifetime=01:00:00 Jwt__SessionCheckCacheDuration="$2" \
    Database__ConnectionString="Data Source=$work/bench.db" Media__LocalPath="$work/media" \
      exec dotnet "$root/ArtFolio/bin/Release/net10.0/ArtFolio.dll"
  ) >>"$work/app-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return; sleep 0.5; done
  echo "the API on port $1 did not start"; exit 1
}
start 5101 00:00:05
start 5102 00:00:00

api=http://127.0.0.1:5101/api/v1
token=$(curl -sf -X POST "$api/auth/register" -H 'Content-Type: application/json' \
  -d '{"username":"bench","email":"bench@example.com","password":"bench-password","confirmPassword":"bench-password"}' |
  jq -r .accessToken)
artwork=$(curl -sf -X POST "$api/artworks" -H "Authorization: Bearer $token" -F image=@"$root/postman/sample.png" \
  -F title=bench -F category=bench -F tags=a,b,c | jq -r .id)

run() { # label, port, [token]
  local header=()
  [ -n "${3:-}" ] && header=(-H "Authorization: Bearer $3")
  wrk -t1 -c32 -d"${seconds}s" "${header[@]}" "http://127.0.0.1:$2/api/v1/artworks/$artwork" |
    awk -v label="$1" '/Requests\/sec/ {print label, $2} /Non-2xx/ {print "non-2xx", $4; exit 1}'
}
for port in 5101 5102; do run warm $port "$token" >/dev/null; done
for round in 1 2 3; do
  run A 5101
  run B 5101 "$token"
  run C 5102 "$token"
done | tee "$work/runs"

median() { grep "^$1 " "$work/runs" | awk '{print $2}' | sort -n | sed -n 2p; }
a=$(median A) b=$(median B) c=$(median C)
echo
echo "| GET /api/v1/artworks/{id}, SQLite, wrk -c32, medians of 3 | req/s | ratio |"
echo "|---|---|---|"
echo "| A. anonymous | $a | 1.00 |"
echo "| B. bearer token, session check cached (5 s) | $b | $(jq -n "$b / $a * 100 | round / 100") of A |"
echo "| C. bearer token, session check on every request | $c | $(jq -n "$c / $b * 100 | round / 100") of B |"
