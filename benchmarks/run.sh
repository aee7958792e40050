#!/usr/bin/env bash
# The whole performance picture in one command: builds, starts its own stack (free ports, fresh *_bench databases
# on the PostgreSQL at PG* / 127.0.0.1:5432, its own Kafka broker), measures start time and RSS, note -> due
# propagation from the first note, POST /notes (quiz-service running and stopped) and POST /reviews against
# pgbench -M prepared on the statements they really issued (captured from the server log), the due queue and
# search over 100,000 rows, POST /api/v1/generate on the 1 MB benchmark notes against the generator alone and a bare
# CommonMark parse (CPU per MB), and the JMH cores; prints one table and writes it to .local/bench/report.md.
# Needs pgbench (postgresql-contrib) and read access to the PostgreSQL server log (same machine).
# Options: -Dclients=8 -Dcreates=2000 -Dreviews=4000 -Drows=100000 -DgenerateWarmup=40 -DgenerateRounds=7; -Donly=start for the
# start phase alone.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local/jdk.sh
# shellcheck disable=SC2086
./mvnw -q -B package -DskipTests $RECALL_ARCHIVE_FLAGS -pl benchmarks,benchmarks/load -am
# The start phase measures what deploy/local/run.sh gives its user, so the same trained AOT caches (JDK 25).
"$RECALL_JAVA" -cp "deploy/local/target/classes:deploy/local/target/lib/*" dev.recall.local.AotTraining
mkdir -p .local/bench
"$RECALL_JAVA" "$@" -cp "benchmarks/load/target/classes:benchmarks/load/target/lib/*" dev.recall.benchmarks.load.PerformanceRun | tee .local/bench/report.md
