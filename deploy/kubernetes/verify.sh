#!/usr/bin/env bash
# An operator's check, offline: renders every overlay alone and with every combination of the optional
# components, then validates every rendered object against the vendored CRD schemas (schemas/: Strimzi,
# CloudNativePG, Barman Cloud), the Kubernetes 1.33 OpenAPI models (official client and fabric8) and the
# Gateway API / Prometheus Operator models (unknown fields refused), and the project's rules. Exit 0 only if every combination is valid.
#
#   deploy/kubernetes/verify.sh            # needs kubectl (kustomize v5) and a JDK; builds the checker with ./mvnw
#
# The test in `./mvnw verify` runs this script with RECALL_VERIFY_CLASSPATH (and RECALL_VERIFY_JAVA) set;
# RECALL_VERIFY_ROOT points it at another copy of deploy/kubernetes (the tests use a deliberately broken one).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project_root="$(cd "$here/../.." && pwd)"
root="$(cd "${RECALL_VERIFY_ROOT:-$here}" && pwd)"
work="$root/target/verify"
rendered="$work/rendered"

command -v kubectl >/dev/null || { echo "verify.sh: kubectl not found (apt-get install kubectl)" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$rendered" "$work/combinations"

relative() { python3 -c 'import os,sys; print(os.path.relpath(sys.argv[1], sys.argv[2]))' "$1" "$2" 2>/dev/null \
  || realpath --relative-to="$2" "$1"; }

render() { # name, kustomization dir
  if ! kubectl kustomize "$2" >"$rendered/$1.yaml" 2>"$work/$1.err"; then
    echo "FAIL $1: kubectl kustomize failed:" >&2
    sed 's/^/     /' "$work/$1.err" >&2
    return 1
  fi
}

mapfile -t overlays < <(find "$root/overlays" -mindepth 2 -maxdepth 2 -name kustomization.yaml -printf '%h\n' | sort)
mapfile -t components < <(find "$root/components" -mindepth 2 -maxdepth 2 -name kustomization.yaml -printf '%h\n' | sort)
[ "${#overlays[@]}" -gt 0 ] || { echo "verify.sh: no overlays under $root/overlays" >&2; exit 2; }

failed=0
for overlay in "${overlays[@]}"; do
  name="$(basename "$overlay")"
  render "$name" "$overlay" || failed=1
  namespace="$(sed -n 's/^namespace:[[:space:]]*//p' "$overlay/kustomization.yaml" | head -1)"
  # Components the overlay does not already include (listing one twice would duplicate its objects).
  optional=()
  for component in "${components[@]}"; do
    grep -q "components/$(basename "$component")\$" "$overlay/kustomization.yaml" || optional+=("$component")
  done
  # Every non-empty subset of them, added the way an operator would: the overlay plus `components:`.
  n="${#optional[@]}"
  for ((mask = 1; mask < (1 << n); mask++)); do
    combo="$name"
    dir="$work/combinations/$name-$mask"
    mkdir -p "$dir"
    {
      echo "apiVersion: kustomize.config.k8s.io/v1beta1"
      echo "kind: Kustomization"
      [ -n "$namespace" ] && echo "namespace: $namespace"
      echo "resources:"
      echo "  - $(relative "$overlay" "$dir")"
      echo "components:"
      for ((i = 0; i < n; i++)); do
        if (( mask & (1 << i) )); then
          echo "  - $(relative "${optional[$i]}" "$dir")"
          combo="$combo+$(basename "${optional[$i]}")"
        fi
      done
    } >"$dir/kustomization.yaml"
    render "$combo" "$dir" || failed=1
  done
done

java="${RECALL_VERIFY_JAVA:-}"
[ -n "$java" ] || java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
classpath="${RECALL_VERIFY_CLASSPATH:-}"
if [ -z "$classpath" ]; then
  (cd "$project_root" && ./mvnw -q -B -pl deploy/kubernetes test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt")
  classpath="$here/target/test-classes:$(cat "$work/classpath.txt")"
fi

"$java" -Drecall.project.root="$project_root" -cp "$classpath" dev.recall.deploy.kubernetes.Verify "$rendered" "$root/schemas" \
  || failed=1
exit "$failed"
