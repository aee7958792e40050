#!/usr/bin/env bash
# Lints the three services' OpenAPI documents (Redocly "recommended" and Spectral with the OWASP API
# Security ruleset, see spectral.yaml for the rules adopted and not) and validates events/asyncapi.yaml.
# Documents come from running services when RECALL_OPENAPI_URLS names them ("http://h:8081 http://h:8082 ..."),
# otherwise from contract/openapi/<service>.json (each service's OpenApiContractTests keeps it equal to what it serves).
# Exits non-zero on any error.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error

out="$root/target/contract"
mkdir -p "$out"
services=(content-service quiz-service progress-service)
if [ -n "${RECALL_OPENAPI_URLS:-}" ]; then
  read -r -a urls <<<"$RECALL_OPENAPI_URLS"
  for i in 0 1 2; do curl -fsS "${urls[$i]}/q/openapi?format=json" -o "$out/${services[$i]}.json"; done
else
  for s in "${services[@]}"; do cp "$here/openapi/$s.json" "$out/$s.json"; done
fi

status=0
for s in "${services[@]}"; do
  echo "== $s: Redocly (recommended)"
  npx --no-install redocly lint --config redocly.yaml "$out/$s.json" || status=1
  echo "== $s: Spectral (spectral:oas + OWASP)"
  npx --no-install spectral lint --ruleset spectral.yaml --fail-severity=error "$out/$s.json" || status=1
done
echo "== events/asyncapi.yaml: AsyncAPI 3"
node validate-asyncapi.mjs "$root/events/asyncapi.yaml" || status=1
exit $status
