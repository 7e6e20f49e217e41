#!/usr/bin/env bash
# Upload cost of renditions, on the Release build with SQLite and local media: a 12-megapixel JPEG photo
# and a 4,000 x 3,000 PNG, each uploaded ROUNDS times one after another and ROUNDS times four at once.
# Prints, per picture and mode: upload latency p50 and max (every rendition exists when the 201 comes:
# they are made inside the request, which the script checks by fetching each), the growth of the API's
# resident memory over its level before, and then the bytes a phone-sized explore page of 20 downloads
# (each artwork's 480-pixel rendition) against what it fetched before renditions (the originals).
#   bash bench/renditions.sh [rounds, default 8]      Needs: dotnet, curl, python3.
rounds=${1:-8}
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
port=5098
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

dotnet build ArtFolio -c Release -v q -nologo >/dev/null
dotnet run --project bench/TestImages -c Release -- "$work/photo.jpg" 4000 3000
dotnet run --project bench/TestImages -c Release -- "$work/art.png" 4000 3000
(
  cd "$work"
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$port \
  Jwt__SigningKey="bench-signing-key-$(head -c 32 /dev/urandom | base64)" \
  Database__ConnectionString="Data Source=$work/bench.db" Media__LocalPath="$work/media" \
  Media__PrivatePath="$work/originals" Media__MaxImageBytes=60000000 OutputCache__Enabled=false \
  RateLimiting__Auth__PermitLimit=1000 Outbox__Dispatch=false Logging__LogLevel__Default=Warning \
    exec dotnet "$root/ArtFolio/bin/Release/net10.0/ArtFolio.dll"
) >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
base=http://127.0.0.1:$port
api=$base/api/v1
token=$(curl -sf -X POST "$api/auth/register" -H 'Content-Type: application/json' \
  -d '{"username":"bench","email":"bench@example.com","password":"bench-password","confirmPassword":"bench-password"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
upload() { # file label -> "seconds" on stdout, the answer in $work/answers
  curl -sf -o "$work/answer-$2.json" -w '%{time_total}\n' -X POST "$api/artworks" -H "Authorization: Bearer $token" \
    -F image=@"$1" -F title="$2" -F category=bench
}
# Warm-up: the JIT, the pools and libvips's first load are not the cost of an upload.
upload "$work/photo.jpg" warm >/dev/null
upload "$work/art.png" warm2 >/dev/null

: >"$work/results"
for picture in photo.jpg art.png; do
  before=$(rss)
  peak=$before
  for i in $(seq "$rounds"); do
    upload "$work/$picture" "seq-$picture-$i" >>"$work/seq-$picture"
    now=$(rss); [ "$now" -gt "$peak" ] && peak=$now
  done
  echo "$picture sequential $(tr '\n' ' ' <"$work/seq-$picture") growth_kib=$((peak - before))" >>"$work/results"
  before=$(rss)
  peak=$before
  for round in $(seq "$rounds"); do
    for i in 1 2 3 4; do upload "$work/$picture" "par-$picture-$round-$i" >>"$work/par-$picture" & done
    while [ "$(jobs -rp | grep -vc "^$pid$")" -gt 0 ]; do
      now=$(rss); [ "$now" -gt "$peak" ] && peak=$now
      sleep 0.02
    done
  done
  echo "$picture four-at-once $(tr '\n' ' ' <"$work/par-$picture") growth_kib=$((peak - before))" >>"$work/results"
done

python3 - "$work" "$base" <<'PY'
import glob, json, statistics, sys, urllib.request
work, base = sys.argv[1], sys.argv[2]
# Every rendition of every answer is there the moment the 201 is: fetch each.
missing = 0
answers = [json.load(open(p)) for p in glob.glob(f"{work}/answer-*.json")]
for a in answers:
    for image in a["images"]:
        try:
            urllib.request.urlopen(base + image["url"]).read()
        except Exception as e:
            missing += 1
            print(f"missing: {image['url']} ({e}) in {a['title']}", file=sys.stderr)
print(f"\n{len(answers)} uploads, {sum(len(a['images']) for a in answers)} renditions, {missing} missing right after the 201")
print("| picture | mode | uploads | p50 s | max s | RSS growth MiB |")
print("|---|---|---|---|---|---|")
for line in open(f"{work}/results"):
    picture, mode, *rest = line.split()
    times = [float(t) for t in rest[:-1]]
    growth = int(rest[-1].split("=")[1]) / 1024
    print(f"| {picture} | {mode} | {len(times)} | {statistics.median(times):.2f} | {max(times):.2f} | {growth:.0f} |")
page = json.load(urllib.request.urlopen(f"{base}/api/v1/artworks?limit=20"))["items"]
phone = sum(len(urllib.request.urlopen(base + a["images"][0]["url"]).read()) for a in page)
originals = sum(a["bytes"] for a in page)
print(f"\nexplore page of {len(page)}: {phone / 1e6:.2f} MB of 480-pixel renditions against {originals / 1e6:.1f} MB of originals"
      f" ({originals / phone:.0f}x less)")
PY
