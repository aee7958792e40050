#!/usr/bin/env bash
# Builds what is needed and starts Recall locally: Kafka (KRaft, from Maven Central jars), PostgreSQL
# (the one at PG*/127.0.0.1:5432, else an embedded one), the three services and the sample notes.
# Ctrl-C stops everything. Pass --fresh to start from empty databases and an empty broker, --replicas=2 to run two
# processes of every service (one consumer group each), --measure to print start times, RSS and propagation and stop.
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "[recall] building (first run downloads dependencies; a few minutes)…"
./mvnw -q -B package -DskipTests -Dquarkus.package.jar.appcds.enabled=true -pl deploy/local -am

exec java -cp "deploy/local/target/classes:deploy/local/target/lib/*" dev.recall.local.RecallLocal "$@"
