# PostgreSQL 15 from Debian's packages: our own cluster on 127.0.0.1:55432, trust on loopback.
# Sourced by scripts/services.sh.

PG_BIN=/usr/lib/postgresql/15/bin
PG_PORT="${NCRL_PG_PORT:-55432}"
PG_DIR="$STATE_DIR/postgres"
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgres.log"
PG_OS_USER=postgres

pg_psql() {
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$LOOPBACK" -p "$PG_PORT" -U postgres "$@"
}

pg_install() {
  [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/psql" ]] || apt_install postgresql
  if is_root; then id -u "$PG_OS_USER" >/dev/null 2>&1 || die "user $PG_OS_USER is missing"; fi
}

pg_healthy() { "$PG_BIN/pg_isready" -q -h "$LOOPBACK" -p "$PG_PORT" -t 2; }

pg_pid_file() { echo "$PG_DATA/postmaster.pid"; }

pg_init_cluster() {
  [[ -f "$PG_DATA/PG_VERSION" ]] && return 0
  log "creating the PostgreSQL cluster in $PG_DATA"
  own_dir "$PG_OS_USER" "$PG_DIR"
  run_as "$PG_OS_USER" "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { tail -n 20 "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  # A throw-away test server: durability settings off, sockets in the state dir.
  cat >>"$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '$LOOPBACK'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
}

pg_provision() {
  pg_psql -d postgres <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ncrl') THEN
    CREATE ROLE ncrl LOGIN CREATEDB PASSWORD 'ncrl';
  ELSE
    ALTER ROLE ncrl LOGIN CREATEDB PASSWORD 'ncrl';
  END IF;
END
$$;
SQL
  if [[ -z "$(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'ncrl'")" ]]; then
    pg_psql -d postgres -c "CREATE DATABASE ncrl OWNER ncrl"
  fi
}

pg_start() {
  pg_init_cluster
  run_as "$PG_OS_USER" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null \
    || { tail -n 40 "$PG_LOG" >&2; die "PostgreSQL did not start"; }
  wait_until 30 PostgreSQL "$PG_LOG" pg_healthy || die "PostgreSQL did not become healthy"
  pg_provision
}

pg_stop() {
  [[ -f "$PG_DATA/PG_VERSION" ]] || return 0
  run_as "$PG_OS_USER" "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1 || return 0
  log "stopping PostgreSQL"
  run_as "$PG_OS_USER" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
}

pg_env() {
  echo "export DATABASE_URL=postgres://ncrl:ncrl@$LOOPBACK:$PG_PORT/ncrl"
}

pg_version() { pg_psql -d postgres -tAc "SHOW server_version"; }
