# Sourced by the PostgreSQL image's entrypoint on an empty data directory (ours and the official one alike):
# a database per service, each owned by a role of its own whose password comes from the environment.
set -eu
for database in tickets profiles notifications; do
  variable="$(echo "$database" | tr 'a-z' 'A-Z')_DB_PASSWORD"
  password=$(printenv "$variable" || true)
  if [ -z "$password" ]; then
    echo "$variable is not set: the $database role needs a password" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=role="$database" --set=password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
