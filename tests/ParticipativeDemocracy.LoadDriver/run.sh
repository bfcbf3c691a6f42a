#!/usr/bin/env bash
# Ballot load benchmark: the app on Kestrel against the PostgreSQL named by PD_TEST_DB, beside pgbench
# inserting single rows at the same concurrency, then the ballot-to-SignalR latency with 1,000 viewers.
#   PD_TEST_DB="Host=127.0.0.1;Port=55500;Username=postgres" tests/ParticipativeDemocracy.LoadDriver/run.sh [--seconds 30] [--slice 5] [--clients 50,100,200] [--viewers 1000]
# Ballots and pgbench take turns in slices of --slice seconds, --seconds each in all, at each concurrency.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
: "${PD_TEST_DB:?set PD_TEST_DB to a PostgreSQL server connection string}"
# WebApplicationFactory finds the app's content root through this when it is not run as a test project.
export ASPNETCORE_TEST_CONTENTROOT_PARTICIPATIVEDEMOCRACY_WEB="$root/src/ParticipativeDemocracy.Web"
export PD_PGBENCH=${PD_PGBENCH:-$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)}
exec dotnet run -c Release --project "$root/tests/ParticipativeDemocracy.LoadDriver" -- "$@"
