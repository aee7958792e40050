#!/usr/bin/env bash
# HTTP load benchmarks against pgbench running the same SQL: progress-service (default) or content-service (first argument "content").
# Start the stack first (deploy/local/run.sh) in another terminal; needs pgbench (postgresql-contrib / postgresql-client).
# Options: -Dcards=100000 -Drequests=4000 -Dconcurrency=8
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B package -DskipTests -pl deploy/local -am
main=dev.recall.local.ReviewLoad
if [ "${1:-}" = "content" ]; then main=dev.recall.local.ContentLoad; shift; fi
exec java "$@" -cp "deploy/local/target/classes:deploy/local/target/lib/*" "$main"
