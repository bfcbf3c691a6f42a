# Shared by run.sh and test.sh: a private PostgreSQL cluster from the machine's own binaries.
# Source it; it defines functions only.

pd_log() { printf '\033[1m[pd]\033[0m %s\n' "$*" >&2; }
pd_die() { printf '\033[1;31m[pd] %s\033[0m\n' "$*" >&2; exit 1; }

# Prints the directory holding initdb/pg_ctl, installing Debian's postgresql package when root.
pd_pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      pd_die "PostgreSQL server binaries are missing. Install them with: sudo apt-get install -y postgresql (or set ConnectionStrings__Default to an existing server)."
    fi
    pd_log "Installing Debian's postgresql package (first run only)..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || pd_die "apt-get install postgresql failed."
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  [ -x "$dir/initdb" ] || pd_die "initdb not found after installing postgresql."
  printf '%s\n' "$dir"
}

# PostgreSQL refuses to run as root; as root we run it as the 'postgres' system user.
pd_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Usage: pd_pg_start DATA_DIR PORT — initialises the cluster on first use, then starts it.
pd_pg_start() {
  local data=$1 port=$2 bindir
  bindir=$(pd_pg_bindir)
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data"; fi
  chmod 700 "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    pd_log "Creating a private PostgreSQL cluster in $data"
    pd_pg_as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null \
      || pd_die "initdb failed for $data"
  fi
  if pd_pg_as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pd_log "PostgreSQL already running from $data"
    return 0
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    pd_die "Port $port is already taken by another program. Set PD_PG_PORT to a free port."
  fi
  pd_pg_as_owner "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off" \
    start >/dev/null || pd_die "PostgreSQL did not start; see $data/server.log"
  pd_log "PostgreSQL listening on 127.0.0.1:$port"
}

pd_pg_stop() {
  local data=$1 bindir
  [ -f "$data/PG_VERSION" ] || return 0
  bindir=$(pd_pg_bindir)
  if pd_pg_as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pd_pg_as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null && pd_log "PostgreSQL stopped ($data)"
  fi
}

# Usage: pd_pg_createdb PORT NAME — creates the database unless it exists.
pd_pg_createdb() {
  local port=$1 name=$2 bindir
  bindir=$(pd_pg_bindir)
  if ! "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$name'" postgres | grep -q 1; then
    "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name"
  fi
}

# Prints a free TCP port on loopback, starting from $1.
pd_free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  printf '%s\n' "$port"
}
