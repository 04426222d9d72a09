# MinIO, built from the Go module proxy with `go install`, on 127.0.0.1:59000 with one private
# bucket. The binary, GOPATH and GOCACHE live in the cache so later runs skip the build.
# Sourced by scripts/services.sh.

MINIO_MODULE=github.com/minio/minio
# The newest MinIO commit on the Go module proxy (MinIO tags no semantic versions).
MINIO_VERSION="${NCRL_MINIO_VERSION:-v0.0.0-20260212201848-7aac2a2c5b7c}"
MINIO_BIN="$NCRL_CACHE/bin/minio-$MINIO_VERSION"
S3_PORT="${NCRL_S3_PORT:-59000}"
S3_CONSOLE_PORT="${NCRL_S3_CONSOLE_PORT:-59001}"
S3_DIR="$STATE_DIR/minio"
S3_LOG="$S3_DIR/minio.log"
S3_ACCESS_KEY=ncrl-access
S3_SECRET_KEY=ncrl-secret-key-123
S3_REGION=us-east-1
S3_BUCKET=ncrl-test

s3_url() { echo "http://$LOOPBACK:$S3_PORT"; }

s3_healthy() { http_ok "$(s3_url)/minio/health/live"; }

s3_pid_file() { echo "$S3_DIR/minio.pid"; }

find_go() {
  local candidate
  for candidate in "$(command -v go || true)" /usr/local/go/bin/go /usr/lib/go/bin/go; do
    [[ -n "$candidate" && -x "$candidate" ]] && { echo "$candidate"; return 0; }
  done
  return 1
}

s3_install() {
  [[ -x "$MINIO_BIN" ]] && return 0
  local go build_bin
  go=$(find_go) || die "Go is needed to build MinIO ($MINIO_MODULE@$MINIO_VERSION); install Go >= 1.24"
  build_bin=$(mktemp -d)
  log "building MinIO $MINIO_VERSION with $("$go" version | cut -d' ' -f3) (several minutes, once)"
  GOPATH="$NCRL_CACHE/go" GOCACHE="$NCRL_CACHE/go-build" GOBIN="$build_bin" GOTOOLCHAIN=local \
    GOFLAGS="-trimpath -modcacherw" CGO_ENABLED=0 \
    "$go" install "$MINIO_MODULE@$MINIO_VERSION" >"$NCRL_CACHE/minio-build.log" 2>&1 \
    || { tail -n 30 "$NCRL_CACHE/minio-build.log" >&2; die "building MinIO failed"; }
  mkdir -p "$(dirname "$MINIO_BIN")"
  mv "$build_bin/minio" "$MINIO_BIN"
  rmdir "$build_bin"
}

s3_start() {
  local python="$REPO_ROOT/.venv/bin/python"
  [[ -x "$python" ]] || die "$python is missing (run make venv): it creates the bucket with boto3"
  mkdir -p "$S3_DIR/data"
  MINIO_ROOT_USER="$S3_ACCESS_KEY" MINIO_ROOT_PASSWORD="$S3_SECRET_KEY" \
    MINIO_REGION="$S3_REGION" MINIO_BROWSER=off MINIO_UPDATE=off \
    setsid "$MINIO_BIN" server --quiet --address "$LOOPBACK:$S3_PORT" \
    --console-address "$LOOPBACK:$S3_CONSOLE_PORT" "$S3_DIR/data" \
    >"$S3_LOG" 2>&1 </dev/null &
  echo $! >"$(s3_pid_file)"
  wait_until 60 MinIO "$S3_LOG" s3_healthy || die "MinIO did not become healthy"
  s3_env_vars "$python" "$REPO_ROOT/scripts/services/s3_bucket.py" \
    || die "creating the bucket $S3_BUCKET failed"
}

# Run a command with the S3 variables that `env` prints.
s3_env_vars() {
  AWS_S3_ENDPOINT_URL="$(s3_url)" AWS_ACCESS_KEY_ID="$S3_ACCESS_KEY" \
    AWS_SECRET_ACCESS_KEY="$S3_SECRET_KEY" AWS_S3_REGION_NAME="$S3_REGION" \
    AWS_STORAGE_BUCKET_NAME="$S3_BUCKET" "$@"
}

s3_stop() { stop_pid "$(s3_pid_file)" MinIO 30; }

s3_env() {
  cat <<ENV
export AWS_S3_ENDPOINT_URL=$(s3_url)
export AWS_ACCESS_KEY_ID=$S3_ACCESS_KEY
export AWS_SECRET_ACCESS_KEY=$S3_SECRET_KEY
export AWS_S3_REGION_NAME=$S3_REGION
export AWS_STORAGE_BUCKET_NAME=$S3_BUCKET
export AWS_S3_ADDRESSING_STYLE=path
ENV
}

s3_version() { "$MINIO_BIN" --version 2>/dev/null | head -n 1; }
