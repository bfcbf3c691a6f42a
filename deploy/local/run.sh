#!/usr/bin/env bash
# The embedded default: a private PostgreSQL from this machine's packages, migrations, a demo
# council, and the app at http://localhost:5080. Safe to run again.
#   deploy/local/run.sh          start (Ctrl-C stops the app; PostgreSQL keeps running)
#   deploy/local/run.sh --stop   stop the private PostgreSQL
# Environment: ASPNETCORE_URLS (default http://localhost:5080), ConnectionStrings__Default (use an
# existing PostgreSQL instead of the private one), PD_PG_PORT (private cluster port, default 55432).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=lib/postgres.sh
source deploy/local/lib/postgres.sh

pg_port=${PD_PG_PORT:-55432}
data_home="$root/deploy/local/.data"

# As root the cluster runs as the 'postgres' user, which must be able to reach the data folder.
pg_data_dir() {
  local preferred="$data_home/postgres"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$root/deploy/local" 2>/dev/null; then
    printf '/var/tmp/participative-democracy-%s/postgres\n' "$(printf '%s' "$root" | md5sum | cut -c1-8)"
  else
    printf '%s\n' "$preferred"
  fi
}
pg_data=$(pg_data_dir)

if [ "${1:-}" = "--stop" ]; then
  pd_pg_stop "$pg_data"
  exit 0
fi

command -v dotnet >/dev/null || pd_die "The .NET 10 SDK is missing: install it first (https://dotnet.microsoft.com/download or your distribution's dotnet-sdk-10.0)."
command -v npm >/dev/null || pd_die "Node.js and npm are missing (the web front end is built with npm): apt-get install -y nodejs npm"

if [ -z "${ConnectionStrings__Default:-}" ]; then
  mkdir -p "$(dirname "$pg_data")"
  pd_pg_start "$pg_data" "$pg_port"
  pd_pg_createdb "$pg_port" participative_democracy
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Database=participative_democracy;Username=postgres"
else
  pd_log "Using the PostgreSQL in ConnectionStrings__Default"
fi

export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://localhost:5080}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
app_dir="$root/deploy/local/.data/app"

pd_log "Building the app (first run restores packages; a minute or two)..."
dotnet publish src/ParticipativeDemocracy.Web -c Release -o "$app_dir" --verbosity quiet -nologo >&2

pd_log "Applying migrations and seeding the demo council..."
cd "$app_dir"
dotnet ParticipativeDemocracy.Web.dll migrate --seed

first_url=${ASPNETCORE_URLS%%;*}
cat >&2 <<BANNER

  ParticipativeDemocracy is starting at ${first_url}
    sign in as administrator:  admin@example.org   /  Demo-Admin-2026!
    sign in as officer:        officer@example.org /  Demo-Officer-2026!
    API reference:             ${first_url}/api-reference
    background jobs:           ${first_url}/admin/jobs   (administrators)
    health:                    ${first_url}/health/ready
  Ctrl-C stops the app; 'deploy/local/run.sh --stop' stops the private PostgreSQL.

BANNER
exec dotnet ParticipativeDemocracy.Web.dll
