#!/usr/bin/env bash
# The production profile on this machine, as `make prod` runs it: gunicorn, one RQ worker per
# queue and the scheduler (Procfile, supervised by honcho), against PostgreSQL, Redis,
# Elasticsearch and MinIO on loopback (scripts/services.sh), serving http://$HOST:$PORT/.
#
# Every variable of the README's table can be set beforehand; what is not set gets a loopback
# default here. State (secret key, spool, static files) lives in NCRL_DATA_DIR (var/prod).
# NCRL_PROD_DEMO=0 skips loading the demo content. Stop with Ctrl-C or SIGTERM: honcho stops
# every process and waits for them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
export NCRL_DATA_DIR="${NCRL_DATA_DIR:-$ROOT/var/prod}"
mkdir -p "$NCRL_DATA_DIR"

# The shared services' addresses, unless the caller named its own.
while IFS= read -r line; do
  name="${line#export }"
  name="${name%%=*}"
  [[ -n "${!name:-}" ]] || eval "$line"
done < <(scripts/services.sh env)
for required in DATABASE_URL REDIS_URL ELASTICSEARCH_URL AWS_STORAGE_BUCKET_NAME; do
  [[ -n "${!required:-}" ]] || { echo "prod: $required is not set and its service is not running (make services-up)" >&2; exit 1; }
done

# A secret key of this installation, made once and kept.
if [[ -z "${DJANGO_SECRET_KEY:-}" ]]; then
  key_file="$NCRL_DATA_DIR/secret_key"
  [[ -s "$key_file" ]] || (umask 077 && .venv/bin/python -c "import secrets; print(secrets.token_urlsafe(50))" >"$key_file")
  DJANGO_SECRET_KEY="$(cat "$key_file")"
  export DJANGO_SECRET_KEY
fi
export DJANGO_SETTINGS_MODULE=config.settings.production HOST PORT
export DJANGO_ALLOWED_HOSTS="${DJANGO_ALLOWED_HOSTS:-$HOST,localhost,127.0.0.1}"
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://$HOST:$PORT}"
# Plain HTTP on loopback: no TLS in front, so no redirect to https, no HSTS, no Secure cookies.
export DJANGO_SECURE_SSL_REDIRECT="${DJANGO_SECURE_SSL_REDIRECT:-false}"
export DJANGO_SECURE_COOKIES="${DJANGO_SECURE_COOKIES:-false}"
export DJANGO_HSTS_SECONDS="${DJANGO_HSTS_SECONDS:-0}"
export NCRL_UPLOAD_SPOOL_DIR="${NCRL_UPLOAD_SPOOL_DIR:-$NCRL_DATA_DIR/uploads}"
# On stop, every process gets NCRL_STOP_SECONDS (30) before honcho kills it (its own fixed wait,
# 5 seconds, cut a worker's job or a slow machine's clean exit short); gunicorn finishes the
# requests in hand within that time (an upload cut short resumes; the systemd units give more).
NCRL_STOP_SECONDS="${NCRL_STOP_SECONDS:-30}"
export GUNICORN_GRACEFUL_TIMEOUT="${GUNICORN_GRACEFUL_TIMEOUT:-$((NCRL_STOP_SECONDS - 5))}"

manage() { .venv/bin/python manage.py "$@"; }
manage check --deploy --fail-level ERROR
manage compilemessages --ignore=.venv -v0
manage migrate --no-input -v0
manage collectstatic --no-input -v0
if [[ "${NCRL_PROD_DEMO:-1}" != 0 ]]; then manage load_demo; fi

echo "Production profile at http://$HOST:$PORT/ (admin: http://$HOST:$PORT/admin/, readiness: /readyz)"
exec .venv/bin/python -c 'import sys; import honcho.manager; from honcho.command import main
honcho.manager.KILL_WAIT = int(sys.argv.pop(1)); main()' "$NCRL_STOP_SECONDS" -f Procfile start -p "$PORT"
