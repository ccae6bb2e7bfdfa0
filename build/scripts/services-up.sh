#!/usr/bin/env bash
# Starts the local Kafka (127.0.0.1:19092) and PostgreSQL (127.0.0.1:15432, database pos) used by
# development and the integration tests, and waits until both are ready. Idempotent: when both
# already run it returns within a second. State lives in build/.cache/services/.
set -euo pipefail
HERE=$(dirname "${BASH_SOURCE[0]}")
source "$HERE/services-lib.sh"

# PostgreSQL starts while the JVM boots; each script fails loudly on its own.
bash "$HERE/kafka-ctl.sh" start &
kafka_job=$!
pg_status=0
bash "$HERE/pg-ctl.sh" start || pg_status=$?
kafka_status=0
wait "$kafka_job" || kafka_status=$?

if [ "$pg_status" != 0 ] || [ "$kafka_status" != 0 ]; then
  services_die "services-up failed (kafka exit $kafka_status, postgres exit $pg_status); see messages above"
fi
services_log "ready: KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/$PG_DATABASE"
