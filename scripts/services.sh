#!/usr/bin/env bash
# Real servers on loopback for the tests and benchmarks, installed and started by the project.
#
#   scripts/services.sh up [pg] [redis] [es] [s3]   install what is missing, start what is not
#                                                   running, wait until healthy (no names: all)
#   scripts/services.sh down                        stop them all (data stays in the state dir)
#   scripts/services.sh env                         print `export VAR=value` for the running ones:
#                                                     eval "$(scripts/services.sh env)"
#   scripts/services.sh status                      one line per service
#   scripts/services.sh stop-one NAME               stop one service (the outage tests stop their
#   scripts/services.sh start-one NAME              private instances, then start them again)
#
# Services, all on 127.0.0.1:
#   pg     PostgreSQL 15 (Debian), port 55432, database and role ncrl/ncrl   DATABASE_URL
#   redis  Redis (Debian), port 56379, no persistence                        REDIS_URL
#   es     Elasticsearch 8.19 integ-test-zip (Maven Central), port 59200     ELASTICSEARCH_URL
#   s3     MinIO (go install), port 59000, bucket ncrl-test                  AWS_S3_ENDPOINT_URL...
#
# Environment: NCRL_SERVICES_DIR (state: data, logs, pid files; default /tmp/ncrl-services),
# NCRL_CACHE (downloads and builds, outside the checkout; default ~/.cache/ncrl), and the ports
# NCRL_PG_PORT, NCRL_REDIS_PORT, NCRL_ES_PORT, NCRL_ES_TRANSPORT_PORT, NCRL_S3_PORT,
# NCRL_S3_CONSOLE_PORT (plus NCRL_ES_HEAP, default 512m, and NCRL_REDIS_APPENDONLY, default no).
# A state dir and ports of its own give a private set of servers beside the shared one: tests
# that take a dependency down use that (tests/private_services.py).
# As root it installs missing Debian packages and runs PostgreSQL as `postgres` and Elasticsearch
# as `ncrl-es` (created if missing), since neither runs as root.
set -euo pipefail

SERVICES_LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/services" && pwd)"
# shellcheck source=services/common.sh
source "$SERVICES_LIB/common.sh"
for service_file in pg redis es s3; do
  # shellcheck source=/dev/null
  source "$SERVICES_LIB/$service_file.sh"
done

ALL_SERVICES=(pg redis es s3)

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

check_names() {
  local name known
  for name in "$@"; do
    for known in "${ALL_SERVICES[@]}"; do [[ "$name" == "$known" ]] && continue 2; done
    die "unknown service '$name' (known: ${ALL_SERVICES[*]})"
  done
}

# One `up`/`down` at a time: several sessions may share this machine and its state dir.
lock_state_dir() {
  mkdir -p "$STATE_DIR"
  chmod 755 "$STATE_DIR" 2>/dev/null || true
  exec 9>"$STATE_DIR/.lock"
  flock -w 900 9 || die "another scripts/services.sh holds $STATE_DIR/.lock"
}

start_service() {
  local name=$1 started=$SECONDS
  if "${name}_healthy"; then
    log "$name: already running"
    return 0
  fi
  "${name}_install"
  log "$name: starting"
  # The servers must not inherit the lock's descriptor, or they would hold the lock forever.
  "${name}_start" 9>&-
  log "$name: healthy after $((SECONDS - started))s"
}

cmd_up() {
  local names=("$@")
  [[ ${#names[@]} -eq 0 ]] && names=("${ALL_SERVICES[@]}")
  check_names "${names[@]}"
  lock_state_dir
  local name
  for name in "${names[@]}"; do start_service "$name"; done
}

cmd_down() {
  lock_state_dir
  local index
  for ((index = ${#ALL_SERVICES[@]} - 1; index >= 0; index--)); do
    "${ALL_SERVICES[index]}_stop"
  done
}

cmd_env() {
  local name
  for name in "${ALL_SERVICES[@]}"; do
    if "${name}_healthy"; then "${name}_env"; fi
  done
}

cmd_status() {
  local name
  for name in "${ALL_SERVICES[@]}"; do
    if "${name}_healthy"; then
      printf '%-6s running  %s\n' "$name" "$("${name}_version" 2>/dev/null || true)"
    else
      printf '%-6s stopped\n' "$name"
    fi
  done
}

cmd_stop_one() {
  [[ $# -eq 1 ]] || usage
  check_names "$1"
  lock_state_dir
  "${1}_stop"
}

cmd_start_one() {
  [[ $# -eq 1 ]] || usage
  cmd_up "$1"
}

main() {
  [[ $# -ge 1 ]] || usage
  local command=$1
  shift
  case "$command" in
    up) cmd_up "$@" ;;
    down) cmd_down ;;
    env) cmd_env ;;
    status) cmd_status ;;
    stop-one) cmd_stop_one "$@" ;;
    start-one) cmd_start_one "$@" ;;
    -h | --help | help) usage ;;
    *) usage ;;
  esac
}

main "$@"
