#!/usr/bin/env bash
# Installs the system packages the test suite needs, once: Debian's Chromium for the browser tests and
# the headers to build librdkafka's mock Kafka cluster for the Kafka tests; then builds that broker
# (test/setup/kafka-broker.sh). Idempotent and quiet. Runs before `npm test` (pretest). Needs root for
# apt (CI runs as root); otherwise it says what to install.
set -euo pipefail
pkgs=(chromium zlib1g-dev libssl-dev libzstd-dev liblz4-dev libsasl2-dev kcat)
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "streamwright tests: missing system packages: ${missing[*]} (install them with apt-get as root)" >&2
  else
    echo "streamwright tests: installing ${missing[*]} (once)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
bash "$(dirname "$0")/kafka-broker.sh"
