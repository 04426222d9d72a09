# Redis from Debian's packages on 127.0.0.1:56379, without persistence unless
# NCRL_REDIS_APPENDONLY=yes (the outage tests run a private Redis as production should: with an
# append-only file, so queued tasks and worker registrations survive a restart).
# Sourced by scripts/services.sh.

REDIS_PORT="${NCRL_REDIS_PORT:-56379}"
REDIS_DIR="$STATE_DIR/redis"
REDIS_LOG="$REDIS_DIR/redis.log"

redis_install() { command -v redis-server >/dev/null || apt_install redis-server; }

redis_cli() { redis-cli -h "$LOOPBACK" -p "$REDIS_PORT" "$@"; }

redis_healthy() { [[ "$(redis_cli ping 2>/dev/null)" == PONG ]]; }

redis_pid_file() { echo "$REDIS_DIR/redis.pid"; }

redis_start() {
  mkdir -p "$REDIS_DIR"
  redis-server --bind "$LOOPBACK" --port "$REDIS_PORT" --save '' \
    --appendonly "${NCRL_REDIS_APPENDONLY:-no}" --appendfsync everysec \
    --daemonize yes --pidfile "$(redis_pid_file)" --logfile "$REDIS_LOG" --dir "$REDIS_DIR" \
    || die "redis-server did not start"
  wait_until 30 Redis "$REDIS_LOG" redis_healthy || die "Redis did not become healthy"
}

redis_stop() {
  pid_alive "$(redis_pid_file)" || return 0
  log "stopping Redis"
  redis_cli shutdown nosave >/dev/null 2>&1 || true
  stop_pid "$(redis_pid_file)" Redis 20
}

redis_env() { echo "export REDIS_URL=redis://$LOOPBACK:$REDIS_PORT/0"; }

redis_version() { redis_cli info server | sed -n 's/^redis_version:\(.*\)\r$/\1/p'; }
