#!/usr/bin/env bash
# HTTP load benchmark of progress-service against pgbench running the same SQL transaction.
# Start the stack first (deploy/local/run.sh) in another terminal; needs pgbench (postgresql-contrib / postgresql-client).
# Options: -Dcards=100000 -Drequests=4000 -Dconcurrency=8
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B package -DskipTests -pl deploy/local -am
exec java "$@" -cp "deploy/local/target/classes:deploy/local/target/lib/*" dev.recall.local.ReviewLoad
