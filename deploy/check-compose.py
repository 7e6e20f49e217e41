#!/usr/bin/env python3
"""Checks docker-compose.yml beyond its syntax (docker-compose config validates that), on the file as
Compose resolves it (`docker-compose config` output on stdin): the operator-facing promises the README
makes. Prints one line per check and `compose: N passed, N failed`; exits non-zero if any failed."""
import json
import re
import sys

import yaml  # python3-yaml, installed with docker-compose

config = yaml.safe_load(sys.stdin)
services = config["services"]
results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(f"{'PASS' if ok else 'FAIL'} compose: {name}{': ' + detail if detail and not ok else ''}")


api = services["api"]
migrate = services["migrate"]
env = api.get("environment", {})
check("the replicas do not migrate on start", env.get("Database__MigrateOnStart") == "false")
check("a one-shot migration runs first", migrate.get("command") == ["migrate"]
      and api["depends_on"]["migrate"]["condition"] == "service_completed_successfully")
check("the migration does not restart", str(migrate.get("restart", "no")) == "no")
long_running = [n for n in services if n != "migrate"]
missing = [n for n in long_running if services[n].get("restart") not in ("unless-stopped", "always")]
check("every long-running service restarts", not missing, ", ".join(missing))
no_health = [n for n in long_running if n != "mailpit" and "healthcheck" not in services[n]]
check("the API, nginx, PostgreSQL and Redis have health checks", not no_health, ", ".join(no_health))
check("the API checks itself (no curl in the image)", api["healthcheck"]["test"] == ["CMD", "dotnet", "ArtFolio.dll", "healthcheck"])
secrets_in_clear = [f"{n}:{k}" for n, s in services.items() for k, v in (s.get("environment") or {}).items()
                    if re.search(r"(PASSWORD|SECRET|SIGNINGKEY|KEY)$", k.upper().replace("_", "")) and v]
check("no password or key in a plain variable", not secrets_in_clear, ", ".join(secrets_in_clear))
check("no password in a connection string", "password" not in env.get("Database__ConnectionString", "").lower())
check("secrets come from files", env.get("Jwt__SigningKey_FILE", "").startswith("/run/secrets/")
      and env.get("Database__Password_FILE", "").startswith("/run/secrets/")
      and services["db"]["environment"].get("POSTGRES_PASSWORD_FILE", "").startswith("/run/secrets/"))
pool = int(re.search(r"Maximum Pool Size=(\d+)", env["Database__ConnectionString"]).group(1))
max_connections = int(next(a.split("=")[1] for a in services["db"]["command"] if a.startswith("max_connections=")))
replicas = api.get("deploy", {}).get("replicas", 1)
check("the replicas' pools fit PostgreSQL's connections, twice over", 2 * replicas * pool + pool <= max_connections,
      f"{replicas} x {pool} (+{pool} migration) against {max_connections}")
check("emails are delivered to a mail server and link to the public address",
      env.get("Email__Smtp__Host") and env.get("App__PublicBaseUrl", "").startswith("http"))
check("SIGTERM has time to drain", env.get("Shutdown__DrainDelay") and "stop_grace_period" in api)
check("Swagger UI is a choice", "OpenApi__SwaggerUi" in env)
nginx = open("deploy/nginx.conf").read()
check("nginx passes the original host with its port", "proxy_set_header Host $http_host;" in nginx)
check("nginx follows replicas as they come and go", re.search(r"resolver 127\.0\.0\.11 valid=\d+s", nginx)
      and re.search(r"server api:8080 resolve", nginx) and "zone " in nginx)
idle = re.search(r"keepalive_timeout (\d+)s;", nginx)
drain = re.match(r"00:00:(\d+)$", env.get("Shutdown__DrainDelay", ""))
check("nginx drops idle upstream connections before a replica's drain ends",
      idle and drain and int(idle.group(1)) < int(drain.group(1)))
image = services["nginx"]["image"].split(":")[1]
check("the nginx image resolves upstreams (1.27.3 or later)", tuple(map(int, image.split("."))) >= (1, 27, 3) if image.count(".") >= 1 else False, image)

passed, failed = results.count(True), results.count(False)
print(f"compose: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
