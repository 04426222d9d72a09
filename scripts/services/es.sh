# Elasticsearch 8.19 (the integ-test-zip distribution from Maven Central) on 127.0.0.1:59200,
# run by an unprivileged user with Debian's Java 17. The index needs no analysis module beyond the
# server's own standard analyzer: text is folded in Python (search/folding.py).
# Sourced by scripts/services.sh.

ES_VERSION="${NCRL_ES_VERSION:-8.19.21}"
ES_MAVEN="https://repo1.maven.org/maven2/org/elasticsearch/distribution/integ-test-zip/elasticsearch"
ES_HTTP_PORT="${NCRL_ES_PORT:-59200}"
ES_TRANSPORT_PORT="${NCRL_ES_TRANSPORT_PORT:-59300}"
ES_HEAP="${NCRL_ES_HEAP:-512m}"
ES_JAVA_HOME="${NCRL_ES_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
ES_DIR="$STATE_DIR/elasticsearch"
ES_HOME="$ES_DIR/elasticsearch-$ES_VERSION"
ES_LOG="$ES_DIR/logs/ncrl-test.log"
ES_OS_USER="${NCRL_ES_USER:-ncrl-es}"
ES_ZIP="$NCRL_CACHE/elasticsearch/elasticsearch-$ES_VERSION.zip"

es_url() { echo "http://$LOOPBACK:$ES_HTTP_PORT"; }

es_healthy() { http_ok "$(es_url)/_cluster/health?wait_for_status=yellow&timeout=1s"; }

es_pid_file() { echo "$ES_DIR/elasticsearch.pid"; }

es_download() {
  [[ -s "$ES_ZIP" ]] && return 0
  local url="$ES_MAVEN/$ES_VERSION/elasticsearch-$ES_VERSION.zip" partial="$ES_ZIP.partial"
  log "downloading Elasticsearch $ES_VERSION (integ-test-zip) from Maven Central"
  mkdir -p "$(dirname "$ES_ZIP")"
  curl -sSfL --retry 3 --max-time 900 -o "$partial" "$url"
  local expected actual
  expected=$(curl -sSfL --retry 3 --max-time 60 "$url.sha1" | cut -c1-40)
  actual=$(sha1sum "$partial" | cut -c1-40)
  if [[ "$expected" != "$actual" ]]; then
    rm -f "$partial"
    die "checksum mismatch for $url: expected $expected, got $actual"
  fi
  mv "$partial" "$ES_ZIP"
}

es_install() {
  [[ -x "$ES_JAVA_HOME/bin/java" ]] || apt_install openjdk-17-jre-headless
  ensure_system_user "$ES_OS_USER"
  es_download
  if [[ ! -x "$ES_HOME/bin/elasticsearch" ]]; then
    mkdir -p "$ES_DIR"
    unzip -q -o "$ES_ZIP" -d "$ES_DIR"
  fi
  # An analysis module compiled by earlier versions of this script: nothing uses it any more.
  rm -rf "$ES_HOME/modules/ncrl-analysis"
  es_write_config
  own_dir "$ES_OS_USER" "$ES_DIR"
}

es_write_config() {
  local conf="$ES_DIR/config"
  mkdir -p "$conf" "$ES_DIR/data" "$ES_DIR/logs" "$ES_DIR/tmp"
  cp -r "$ES_HOME/config/." "$conf/"
  cat >"$conf/elasticsearch.yml" <<YML
cluster.name: ncrl-test
node.name: ncrl-es
discovery.type: single-node
network.host: $LOOPBACK
http.port: $ES_HTTP_PORT
transport.port: $ES_TRANSPORT_PORT
path.data: $ES_DIR/data
path.logs: $ES_DIR/logs
xpack.security.enabled: false
# CI disks can be nearly full: never refuse to allocate shards because of disk space.
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
YML
}

es_start() {
  rm -f "$(es_pid_file)"
  run_as "$ES_OS_USER" env ES_JAVA_HOME="$ES_JAVA_HOME" ES_PATH_CONF="$ES_DIR/config" \
    ES_TMPDIR="$ES_DIR/tmp" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    timeout 300 "$ES_HOME/bin/elasticsearch" -d -p "$(es_pid_file)" \
    >"$ES_DIR/logs/startup.log" 2>&1 </dev/null \
    || { tail -n 40 "$ES_DIR/logs/startup.log" "$ES_LOG" >&2 2>/dev/null; die "Elasticsearch did not start"; }
  wait_until 180 Elasticsearch "$ES_LOG" es_healthy || die "Elasticsearch did not become healthy"
}

es_stop() { stop_pid "$(es_pid_file)" Elasticsearch 60; }

es_env() { echo "export ELASTICSEARCH_URL=$(es_url)"; }

es_version() {
  curl -sf --max-time 2 "$(es_url)/_nodes/_local?filter_path=nodes.*.version" \
    | grep -o '"version":"[^"]*"' | cut -d'"' -f4
}
