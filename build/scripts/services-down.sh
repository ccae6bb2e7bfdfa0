#!/usr/bin/env bash
# Stops the local Kafka and PostgreSQL started by services-up.sh. Idempotent. Data is kept under
# build/.cache/services/; delete that directory for a clean slate.
set -euo pipefail
HERE=$(dirname "${BASH_SOURCE[0]}")
status=0
bash "$HERE/kafka-ctl.sh" stop || status=$?
bash "$HERE/pg-ctl.sh" stop || status=$?
exit "$status"
