#!/usr/bin/env sh
# Writes the secrets docker-compose.yml mounts, once: a random JWT signing key and database password.
# Keep deploy/secrets/ out of version control (it is in .gitignore) and back it up with the database.
set -eu
cd "$(dirname "$0")"
# The folder is the owner's alone; the files inside are readable so that the containers' own users can read
# them through the bind mount Compose makes of each (it keeps the host's permissions).
mkdir -p secrets
chmod 700 secrets
umask 022
[ -s secrets/jwt_signing_key ] || head -c 48 /dev/urandom | base64 | tr -d '\n' > secrets/jwt_signing_key
[ -s secrets/db_password ] || head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > secrets/db_password
echo "secrets in $(pwd)/secrets: jwt_signing_key, db_password"
