#!/usr/bin/env bash
# Builds what is needed and starts Recall locally: Kafka (KRaft, from Maven Central jars), PostgreSQL
# (the one at PG*/127.0.0.1:5432, else an embedded one), the three services and the sample notes.
# Ctrl-C stops everything. Pass --fresh to start from empty databases and an empty broker, --replicas=2 to run two
# processes of every service (one consumer group each), --measure to print start times, RSS and propagation and stop.
set -euo pipefail
cd "$(dirname "$0")/../.."

source deploy/local/jdk.sh
echo "[recall] building with $("$RECALL_JAVA" -version 2>&1 | head -1) (first run downloads dependencies; a few minutes)…"
# shellcheck disable=SC2086
./mvnw -q -B package -DskipTests $RECALL_ARCHIVE_FLAGS -pl deploy/local -am

# On a JDK 25: train the services' AOT caches on this build (about a minute after each build; skipped when current).
"$RECALL_JAVA" -cp "deploy/local/target/classes:deploy/local/target/lib/*" dev.recall.local.AotTraining
exec "$RECALL_JAVA" -Drecall.quick-start=true -cp "deploy/local/target/classes:deploy/local/target/lib/*" dev.recall.local.RecallLocal "$@"
