# Shared helpers for scripts/services.sh: paths, logging, bounded waits, process control.
# Sourced, never run.

NCRL_CACHE="${NCRL_CACHE:-$HOME/.cache/ncrl}"
STATE_DIR="${NCRL_SERVICES_DIR:-/tmp/ncrl-services}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOOPBACK=127.0.0.1

log() { printf '[services] %s\n' "$*" >&2; }

die() {
  log "error: $*"
  exit 1
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Run a command as an unprivileged service user when we are root, as ourselves otherwise.
run_as() {
  local user=$1
  shift
  if is_root; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

# Give a state directory to the user its server runs as.
own_dir() {
  local user=$1 dir=$2
  mkdir -p "$dir"
  if is_root; then chown -R "$user": "$dir"; fi
}

ensure_system_user() {
  local user=$1
  is_root || return 0
  id -u "$user" >/dev/null 2>&1 && return 0
  log "creating system user $user"
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
}

# Install Debian packages that are missing (needs root).
apt_install() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  is_root || die "missing Debian packages: ${missing[*]} (run: sudo apt-get install ${missing[*]})"
  log "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >/dev/null
}

# wait_until SECONDS WHAT LOGFILE COMMAND...: poll COMMAND every second; on timeout show the log.
wait_until() {
  local seconds=$1 what=$2 log_file=$3
  shift 3
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      log "$what is not healthy after ${seconds}s; last lines of $log_file:"
      tail -n 40 "$log_file" >&2 2>/dev/null || log "(no log at $log_file)"
      return 1
    fi
    sleep 1
  done
}

pid_alive() {
  local pid_file=$1
  [[ -s "$pid_file" ]] && kill -0 "$(head -n 1 "$pid_file")" 2>/dev/null
}

# stop_pid PIDFILE NAME SECONDS: SIGTERM, wait, then SIGKILL if it is still there.
stop_pid() {
  local pid_file=$1 name=$2 seconds=$3 pid
  pid_alive "$pid_file" || {
    rm -f "$pid_file"
    return 0
  }
  pid=$(head -n 1 "$pid_file")
  log "stopping $name (pid $pid)"
  kill -TERM "$pid"
  local deadline=$((SECONDS + seconds))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "$name did not stop within ${seconds}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
  rm -f "$pid_file"
}

http_ok() { curl -sf -o /dev/null --max-time 2 "$1"; }
