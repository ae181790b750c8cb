#!/usr/bin/env bash
# Builds the test Kafka broker once: librdkafka's mock cluster (from the librdkafka sources bundled in
# the npm package @confluentinc/kafka-javascript, newer than Debian's 2.0.2 and with
# rd_kafka_mock_set_controller_id, which the launcher uses to report a controller that exists) and
# the small launcher test/kafka/mock-broker.c. Result: test/.cache/mock-broker.
# Idempotent and cached. If it cannot build, it says so in one line and the Kafka tests skip.
set -uo pipefail
cd "$(dirname "$0")/../.."
CACHE=test/.cache
BIN=$CACHE/mock-broker
PKG_VERSION=1.10.1
[ -x "$BIN" ] && [ "$BIN" -nt test/kafka/mock-broker.c ] && exit 0
mkdir -p "$CACHE"
fail() { echo "kafka tests: cannot build the mock broker ($1); the Kafka tests will be skipped" >&2; exit 0; }
command -v cc >/dev/null || fail "no C compiler"
SRC=$CACHE/package/deps/librdkafka
if [ ! -f "$SRC/src/librdkafka.a" ]; then
  echo "kafka tests: building librdkafka's mock cluster (once, ~2 min)"
  if [ ! -d "$SRC" ]; then
    (cd "$CACHE" && npm pack --silent "@confluentinc/kafka-javascript@$PKG_VERSION" >/dev/null 2>&1) || fail "npm pack failed"
    tar -xzf "$CACHE/confluentinc-kafka-javascript-$PKG_VERSION.tgz" -C "$CACHE" package/deps/librdkafka || fail "unpack failed"
  fi
  (cd "$SRC" && ./configure --disable-gssapi --disable-curl >/dev/null 2>&1 && nice make -j2 libs >/dev/null 2>&1) || fail "librdkafka build failed (needs zlib1g-dev libssl-dev libzstd-dev liblz4-dev libsasl2-dev)"
fi
LIBS=$(sed -n 's/^MKL_DYNAMIC_LIBS=//p' "$SRC/Makefile.config")
cc -O2 -I"$SRC/src" test/kafka/mock-broker.c "$SRC/src/librdkafka.a" $LIBS -lpthread -lm -ldl -o "$BIN" 2>"$CACHE/mock-broker.build.log" || fail "launcher link failed, see $CACHE/mock-broker.build.log"
echo "kafka tests: mock broker ready ($BIN)"
