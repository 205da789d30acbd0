#!/usr/bin/env bash
# Builds, from the Go module proxy, the OCI distribution registry the image-mirroring tests copy between
# (two instances on loopback: a "public" source and a "private" target with basic auth and TLS).
#
# Output goes to a cache directory outside the repository, keyed by the pinned version, and is reused when present:
#   ${GITOPS_RUNTIME_TEST_ASSETS:-~/.cache/gitops-runtime/test-assets}/registry-<version>/bin/registry
# The tests find it there; TEST_ASSET_REGISTRY takes precedence.
#
# Needs Go 1.24+ and the Go module proxy; the SDK itself never needs Go. Prints the directory it filled.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# The pin lives in one file, read by this script and by the tests.
# shellcheck disable=SC1091
source "$here/../testing/src/main/resources/io/gitopsruntime/testing/test-assets.properties"

root="${GITOPS_RUNTIME_TEST_ASSETS:-$HOME/.cache/gitops-runtime/test-assets}"
out="$root/registry-${registry}"
if [[ -f "$out/.complete" ]]; then
  echo "test registry present: $out" >&2
  echo "$out"
  exit 0
fi

command -v go >/dev/null || { echo "provisioning needs Go (1.24+): https://go.dev/doc/install" >&2; exit 2; }
start=$SECONDS
mkdir -p "$out/bin"
export CGO_ENABLED=0 GOFLAGS=-mod=mod GOTOOLCHAIN=local GOBIN="$out/bin"
echo "[0s] distribution registry v$registry" >&2
go install -trimpath -ldflags "-s -w -X github.com/distribution/distribution/v3/version.version=v$registry" \
  "github.com/distribution/distribution/v3/cmd/registry@v$registry"
"$out/bin/registry" --version >/dev/null
touch "$out/.complete"
echo "[$((SECONDS - start))s] done: $out" >&2
echo "$out"
