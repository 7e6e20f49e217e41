#!/usr/bin/env bash
# The scaled form on one machine, without Docker: PostgreSQL, Redis and nginx from Debian on
# loopback, three Release instances of the API behind nginx (round robin, no sticky sessions).
#   1. the Postman collection through nginx;
#   2-5. bench/cluster.mjs: a push across instances, the global auth rate limit, SIGTERM under writes
#        (a rolling restart: nothing may fail), SIGKILL under writes;
#   6. with --throughput: requests per second through nginx with one, two and three instances.
# Usage: bench/cluster.sh [--throughput]. Ends with "cluster: N passed, N failed" (Postman assertions
# plus steps 2 to 5) and exits non-zero if anything failed. Needs root for apt and PostgreSQL's
# service user; dotnet, node and `npm ci` (newman, ws).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
throughput=false
[ "${1:-}" = "--throughput" ] && throughput=true
work=$(mktemp -d /tmp/artfolio-cluster-XXXXXX)
chmod 755 "$work"
nginx_port=8088
redis_port=6391
instance_ports=(5201 5202 5203)
auth_limit=60
drain_seconds=5 # Shutdown:DrainDelay: SIGTERM to a closed listener; the instance exits within it plus requests in flight
database="artfolio_cluster_$$"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  psql -q "postgresql://artfolio:artfolio@127.0.0.1:5432/postgres" -c "DROP DATABASE IF EXISTS $database" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
say() { printf '\n== cluster: %s (%ss)\n' "$1" "$SECONDS"; }

say "Debian packages: PostgreSQL, Redis, nginx, wrk"
missing=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v wrk >/dev/null || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)

say "PostgreSQL and Redis on loopback"
pg_ctlcluster 15 main start 2>/dev/null || pg_ctlcluster 15 main status >/dev/null
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='artfolio'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE artfolio LOGIN CREATEDB PASSWORD 'artfolio'\""
psql -q "postgresql://artfolio:artfolio@127.0.0.1:5432/postgres" -c "CREATE DATABASE $database"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --dir "$work" --logfile "$work/redis.log"
for _ in $(seq 30); do redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.2; done

say "Three Release instances sharing the database, Redis and one media folder"
dotnet build ArtFolio -c Release -v q -nologo >/dev/null
signing_key="cluster-signing-key-$(head -c 32 /dev/urandom | base64)"
mkdir -p "$work/media"
start_instance() { # index
  local port=${instance_ports[$1]}
  (
    cd "$work"
    ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider=Postgres \
    Database__ConnectionString="Host=127.0.0.1;Port=5432;Username=artfolio;Password=artfolio;Database=$database" \
    Redis__ConnectionString="127.0.0.1:$redis_port" \
    Jwt__SigningKey="$signing_key" \
    Media__LocalPath="$work/media" \
    RateLimiting__Auth__PermitLimit=$auth_limit \
    Passwords__WorkFactor=4 \
    Logging__LogLevel__Default=Warning \
    Shutdown__DrainDelay=00:00:0$drain_seconds \
      exec dotnet "$root/ArtFolio/bin/Release/net10.0/ArtFolio.dll"
  ) >"$work/instance$1.log" 2>&1 &
  pids[$1]=$!
}
wait_ready() { # port
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "instance on port $1 did not start"; return 1
}
start_instance 0
wait_ready "${instance_ports[0]}" # migrates the database before the others start
start_instance 1
start_instance 2
wait_ready "${instance_ports[1]}"
wait_ready "${instance_ports[2]}"

write_nginx() { # how many instances nginx balances over
  local servers=""
  for port in "${instance_ports[@]:0:$1}"; do servers+="    server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'; done
  mkdir -p "$work/nginx"
  cat >"$work/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  log_format upstream '\$remote_addr \$request_method \$uri \$status \$upstream_addr';
  access_log $work/access.log upstream;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  client_max_body_size 210m;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
  upstream artfolio {
$servers    keepalive 64;
    keepalive_timeout 4s; # below Shutdown:DrainDelay: no idle connection outlives a drain
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://artfolio;
      proxy_http_version 1.1;
      proxy_set_header Host \$host;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 1h;
      proxy_request_buffering off;
    }
  }
}
EOF
}
say "nginx on 127.0.0.1:$nginx_port, round robin over the three"
write_nginx 3
"$nginx" -c "$work/nginx.conf" -p "$work/nginx" -e "$work/nginx-error.log"
cluster="http://127.0.0.1:$nginx_port"
for _ in $(seq 30); do curl -sf "$cluster/health/ready" >/dev/null && break; sleep 0.2; done
curl -sf "$cluster/api/v1/status" | node -e '
  const s = JSON.parse(require("fs").readFileSync(0, "utf8"));
  console.log("status through nginx:", s.status, "; redis:", s.services.redis.status, "; database:", s.services.database.status)'

say "Step 1: the Postman collection through nginx"
set +e
npx newman run postman/ArtFolio.postman_collection.json --working-dir postman --env-var baseUrl="$cluster" \
  --reporters cli,json --reporter-json-export "$work/newman.json" >"$work/newman.log" 2>&1
set -e
tail -25 "$work/newman.log"
read -r pm_passed pm_failed < <(node -e '
  try { const s = require(process.argv[1]).run.stats.assertions; console.log(s.total - s.failed, s.failed); }
  catch { console.log(0, 1); }' "$work/newman.json")
echo "spread of the collection's requests over the instances:"
awk '{print $NF}' "$work/access.log" | sort | uniq -c

say "Steps 2 to 5: push across instances, global rate limit, SIGTERM and SIGKILL under writes"
set +e
CLUSTER_URL="$cluster" \
INSTANCE_URLS="$(printf 'http://127.0.0.1:%s,' "${instance_ports[@]}" | sed 's/,$//')" \
TERM_INDEX=1 TERM_PID="${pids[1]}" SHUTDOWN_BOUND=$((drain_seconds + 10)) \
VICTIM_PID="${pids[2]}" AUTH_LIMIT=$auth_limit ACCESS_LOG="$work/access.log" \
  node bench/cluster.mjs | tee "$work/steps.log"
set -e
steps_passed=$(grep -c '^PASS' "$work/steps.log" || true)
steps_failed=$(grep -c '^FAIL' "$work/steps.log" || true)
[ "$steps_passed" -eq 0 ] && [ "$steps_failed" -eq 0 ] && steps_failed=4

if $throughput; then
  say "Step 6: requests per second through nginx with one, two and three instances"
  start_instance 1 # the one step 4 stopped
  start_instance 2 # the one step 5 killed
  wait_ready "${instance_ports[1]}"
  wait_ready "${instance_ports[2]}"
  token=$(curl -sf -H 'Content-Type: application/json' "$cluster/api/v1/auth/register" -d \
    '{"username":"bench_'$$'","email":"bench'$$'@example.com","password":"bench-password","confirmPassword":"bench-password"}' \
    | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).accessToken)')
  artwork=$(curl -sf -H "Authorization: Bearer $token" -F image=@postman/sample.png -F title=Bench -F category=bench \
    "$cluster/api/v1/artworks" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).id)')
  curl -sf -X POST -H "Authorization: Bearer $token" "$cluster/api/v1/artworks/$artwork/like" >/dev/null
  echo "| instances | popular (cached ranking) req/s | artwork by id req/s |"
  echo "|---|---|---|"
  for n in 1 2 3; do
    write_nginx "$n"
    "$nginx" -c "$work/nginx.conf" -p "$work/nginx" -e "$work/nginx-error.log" -s reload
    sleep 1
    rates=()
    for path in "api/v1/artworks/popular?period=all" "api/v1/artworks/$artwork"; do
      wrk -t1 -c32 -d2s "$cluster/$path" >/dev/null 2>&1 # warm
      rates+=("$(wrk -t1 -c32 -d8s "$cluster/$path" | awk '/Requests\/sec/ {printf "%.0f", $2}')")
    done
    echo "| $n | ${rates[0]} | ${rates[1]} |"
  done
  echo "(2 cores shared by wrk, nginx and every instance: more instances show the overhead, not a speed-up)"
fi

if [ "$pm_failed" != 0 ] || [ "$steps_failed" != 0 ]; then
  for i in 0 1 2; do echo "--- instance $i log"; tail -20 "$work/instance$i.log"; done
  # Refused connections and disabled upstreams are the instances going away as planned; the rest is why a request failed.
  echo "--- nginx errors"; grep -v -e "Connection refused" -e "temporarily disabled" "$work/nginx-error.log" | tail -20
fi
echo "cluster: $((pm_passed + steps_passed)) passed, $((pm_failed + steps_failed)) failed"
[ "$pm_failed" = 0 ] && [ "$steps_failed" = 0 ]
