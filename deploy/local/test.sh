#!/usr/bin/env bash
# The whole test suite: starts a throwaway PostgreSQL, makes sure Chromium is there, builds with
# warnings as errors, runs every test project, stops what it started. Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=lib/postgres.sh
source deploy/local/lib/postgres.sh

command -v dotnet >/dev/null || pd_die "The .NET 10 SDK is missing: install it from your distribution or Microsoft's packages."
command -v npm >/dev/null || pd_die "Node.js and npm are missing (the web front end is built with npm): apt-get install -y nodejs npm"

ensure_chromium() {
  if [ -n "${PD_CHROMIUM:-}" ] && [ -x "$PD_CHROMIUM" ]; then return 0; fi
  if [ ! -x /usr/bin/chromium ]; then
    [ "$(id -u)" -eq 0 ] || pd_die "Chromium is missing for the browser tests: sudo apt-get install -y chromium"
    pd_log "Installing Debian's chromium package for the browser tests (first run only)..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || pd_die "apt-get install chromium failed."
  fi
  export PD_CHROMIUM=/usr/bin/chromium
}

work=$(mktemp -d /tmp/pd-test.XXXXXX)
chmod 755 "$work"
pg_data="$work/pgdata"
cleanup() {
  pd_pg_stop "$pg_data" || true
  rm -rf "$work"
}
trap cleanup EXIT

ensure_chromium
pg_port=$(pd_free_port "${PD_TEST_PG_PORT:-55433}")
pd_pg_start "$pg_data" "$pg_port"
export PD_TEST_DB="Host=127.0.0.1;Port=$pg_port;Username=postgres;Pooling=true;Maximum Pool Size=200"

configuration=${PD_TEST_CONFIGURATION:-Release}
pd_log "Building ($configuration, warnings are errors)..."
dotnet restore ParticipativeDemocracy.sln --verbosity quiet
dotnet build ParticipativeDemocracy.sln -c "$configuration" --no-restore --verbosity quiet -nologo

results="$work/results"
mkdir -p "$results"
# The apps under test append the errors they log here; printed below when a run fails.
export PD_TEST_SERVER_LOG="$results/server-errors.log"
pd_log "Running every test project..."
status=0
dotnet test ParticipativeDemocracy.sln -c "$configuration" --no-build --verbosity quiet \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true || status=$?

if [ "$status" -ne 0 ] && [ -s "$PD_TEST_SERVER_LOG" ]; then
  pd_log "Errors the apps under test logged (latest last):"
  tail -n 200 "$PD_TEST_SERVER_LOG"
fi

# One closing line over all projects, from the TRX files the runs wrote.
python3 - "$results" <<'PY' || status=1
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
totals = {"passed": 0, "failed": 0, "skipped": 0}
files = glob.glob(sys.argv[1] + "/*.trx")
for f in files:
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    totals["passed"] += int(c.get("passed", 0))
    totals["failed"] += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    totals["skipped"] += int(c.get("notExecuted", 0))
print(f"Tests: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped ({len(files)} test projects)")
sys.exit(1 if totals["failed"] or totals["skipped"] or not files or not totals["passed"] else 0)
PY
exit "$status"
