#!/usr/bin/env bash
# Builds the test Kafka broker once: librdkafka's mock cluster (from the librdkafka sources bundled in
# the npm package @confluentinc/kafka-javascript, newer than Debian's 2.0.2 and with
# rd_kafka_mock_set_controller_id, which the launcher uses to report a controller that exists) and
# the small launcher test/kafka/mock-broker.c. Result: test/.cache/mock-broker.
#
# The stock mock deviates from Kafka where multi-instance tests look (a late follower's SyncGroup,
# commits during a rebalance, TxnOffsetCommit): ../shared/kafka-mock/patch-librdkafka-mock.py (beside
# the repo; KAFKA_MOCK_PATCH overrides the path) rewrites those two source files, which are compiled
# with librdkafka's own flags and replace their objects in a copy of librdkafka.a.
#
# Idempotent and cached: the cache key is a hash of this script, the launcher and the patch script,
# so a broker built by another version (or unpatched) is rebuilt. If it cannot build: with CI=true it
# fails (exit 1; the Kafka tests must run in CI); elsewhere it says why in one line, writes the reason
# to test/.cache/mock-broker.unavailable (printed by the Kafka tests when they skip) and exits 0.
set -uo pipefail
cd "$(dirname "$0")/../.."
CACHE=test/.cache
BIN=$CACHE/mock-broker
KEYFILE=$CACHE/mock-broker.key
WHY=$CACHE/mock-broker.unavailable
PKG_VERSION=1.10.1
PATCH=${KAFKA_MOCK_PATCH:-../shared/kafka-mock/patch-librdkafka-mock.py}
mkdir -p "$CACHE"
fail() {
  echo "kafka tests: cannot build the mock broker ($1)" >&2
  echo "$1" >"$WHY"
  [ "${CI:-}" = true ] && exit 1
  echo "kafka tests: the Kafka tests will be skipped" >&2
  exit 0
}

if [ -f "$PATCH" ]; then
  PATCH_ID=$(sha256sum "$PATCH" | cut -d' ' -f1)
else
  [ "${CI:-}" = true ] && fail "patch script $PATCH is missing (the test broker must answer like Kafka)"
  echo "kafka tests: warning: $PATCH is missing; building the STOCK mock broker, which deviates from Kafka in rebalances and exactly-once (see ../shared/kafka-mock/README.md)" >&2
  PATCH_ID=unpatched
fi
KEY=$(cat test/setup/kafka-broker.sh test/kafka/mock-broker.c | sha256sum | cut -d' ' -f1)-$PATCH_ID-$PKG_VERSION
[ -x "$BIN" ] && [ "$(cat "$KEYFILE" 2>/dev/null)" = "$KEY" ] && rm -f "$WHY" && exit 0
rm -f "$BIN" "$KEYFILE"

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
LIB=$SRC/src/librdkafka.a
if [ "$PATCH_ID" != unpatched ]; then
  PATCHED=$CACHE/patched
  rm -rf "$PATCHED" && mkdir -p "$PATCHED"
  command -v python3 >/dev/null || fail "python3 is needed to apply $PATCH"
  python3 "$PATCH" "$SRC/src" "$PATCHED" 2>"$CACHE/mock-broker.build.log" || fail "$PATCH failed, see $CACHE/mock-broker.build.log"
  # The same flags librdkafka's own objects were compiled with (mklove writes them to Makefile.config).
  FLAGS=$(sed -n 's/^CPPFLAGS+=//p; s/^CFLAGS+=//p' "$SRC/Makefile.config" | tr '\n' ' ')
  for f in rdkafka_mock_cgrp rdkafka_mock_handlers; do
    # shellcheck disable=SC2086
    cc $FLAGS -I"$SRC/src" -I"$SRC" -c "$PATCHED/$f.c" -o "$PATCHED/$f.o" 2>>"$CACHE/mock-broker.build.log" || fail "compiling the patched $f.c failed, see $CACHE/mock-broker.build.log"
  done
  cp "$LIB" "$PATCHED/librdkafka.a"
  ar r "$PATCHED/librdkafka.a" "$PATCHED/rdkafka_mock_cgrp.o" "$PATCHED/rdkafka_mock_handlers.o" 2>>"$CACHE/mock-broker.build.log" || fail "replacing the mock's objects failed"
  LIB=$PATCHED/librdkafka.a
fi
# shellcheck disable=SC2086
cc -O2 -I"$SRC/src" test/kafka/mock-broker.c "$LIB" $LIBS -lpthread -lm -ldl -o "$BIN" 2>>"$CACHE/mock-broker.build.log" || fail "launcher link failed, see $CACHE/mock-broker.build.log"
echo "$KEY" >"$KEYFILE"
rm -f "$WHY"
echo "kafka tests: mock broker ready ($BIN, $([ "$PATCH_ID" = unpatched ] && echo stock || echo "patched with $PATCH"))"
