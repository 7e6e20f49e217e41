#!/usr/bin/env bash
# Measures, on the Release build with SQLite and local media:
#  1. peak resident memory of the API process while N (default ten) 15 MB uploads run at once, against the
#     process's resident memory before them and the bytes uploaded (uploads stream to disk, so the
#     peak should not grow with the upload volume);
#  2. SQL commands per explore-list page at limit 5, 20 and 100 (one query per page, not one per item).
# Usage: bash bench/uploads.sh [uploads, default 10]   Needs: dotnet, curl, python3. Prints a summary at the end.
uploads=${1:-10}
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
port=5099
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

dotnet build ArtFolio -c Release -v q -nologo >/dev/null
(
  cd "$work"
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$port \
  Jwt__SigningKey="bench-signing-key-$(head -c 32 /dev/urandom | base64)" \
  Database__ConnectionString="Data Source=$work/bench.db" Media__LocalPath="$work/media" \
  RateLimiting__Auth__PermitLimit=1000 Outbox__Dispatch=false \
    exec env Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information \
    dotnet "$root/ArtFolio/bin/Release/net10.0/ArtFolio.dll"
) >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
api=http://127.0.0.1:$port/api/v1

token=$(curl -sf -X POST "$api/auth/register" -H 'Content-Type: application/json' \
  -d '{"username":"bench","email":"bench@example.com","password":"bench-password","confirmPassword":"bench-password"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

# A 15 MB PNG of noise: real, and incompressible so its size stays 15 MB.
python3 - "$work/big.png" <<'PY'
import os, struct, sys, zlib
w, h = 2310, 2170
rows = b"".join(b"\x00" + os.urandom(w * 3) for _ in range(h))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 0)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
size=$(stat -c %s "$work/big.png")

rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
# Warm up: one upload and one list so the JIT and pools are in place before measuring.
curl -sf -o /dev/null -X POST "$api/artworks" -H "Authorization: Bearer $token" -F image=@"$work/big.png" -F title=warm -F category=bench
curl -sf -o /dev/null "$api/artworks?limit=5"
before=$(rss)
peak=$before
for i in $(seq "$uploads"); do
  curl -sf -o /dev/null -w '%{http_code}\n' -X POST "$api/artworks" -H "Authorization: Bearer $token" \
    -F image=@"$work/big.png" -F title="upload $i" -F category=bench >>"$work/codes" &
done
while [ "$(jobs -rp | grep -vc "^$pid$")" -gt 0 ]; do
  now=$(rss); [ "$now" -gt "$peak" ] && peak=$now
  sleep 0.05
done
wait_codes=$(sort "$work/codes" | uniq -c | tr -s ' ' | tr '\n' ';')

# Enough artworks, each with tags, that a page of 100 is full.
for i in $(seq 100); do
  curl -sf -o /dev/null -X POST "$api/artworks" -H "Authorization: Bearer $token" \
    -F image=@"$root/postman/sample.png" -F title="small $i" -F category=bench -F tags=a,b,c
done
queries=""
for limit in 5 20 100; do
  mark=$(wc -l <"$work/app.log")
  curl -sf -o /dev/null "$api/artworks?limit=$limit&sort=popular"
  sleep 0.3
  n=$(tail -n +"$((mark + 1))" "$work/app.log" | grep -c "Executed DbCommand" || true)
  queries="$queries limit=$limit: $n query(ies);"
done

echo
echo "$uploads concurrent uploads of $((size / 1000000)) MB: responses $wait_codes"
echo "resident memory before: $((before / 1024)) MiB, peak during: $((peak / 1024)) MiB, growth: $(((peak - before) / 1024)) MiB"
python3 -c "import sys; b,p,s,n=map(int,sys.argv[1:]); print(f'growth / bytes uploaded: {(p-b)*1024/(n*s):.3f}  (1.0 would mean every upload held whole in memory)')" "$before" "$peak" "$size" "$uploads"
echo "SQL per list page:$queries"
