#!/usr/bin/env bash
# Builds, from the Go module proxy, the real parts the *OnRealClusterIT tests run against:
# etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok (with its stages), Helm 3 and Helm 4.
#
# Output goes to a cache directory outside the repository, keyed by the pinned versions below, and is
# reused when present:   ${GITOPS_RUNTIME_TEST_ASSETS:-~/.cache/gitops-runtime/test-assets}/<key>/
# The tests find it there; KUBEBUILDER_ASSETS or TEST_ASSET_* (envtest's convention) take precedence.
#
# Needs Go 1.24+ and the Go module proxy; the SDK itself never needs Go. Prints the directory it filled.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# The pins live in one file, read by this script and by the tests.
# shellcheck disable=SC1091
source "$here/../testing/src/main/resources/io/gitopsruntime/testing/test-assets.properties"

key="k8s-${kubernetes}_etcd-${etcd}_kwok-${kwok}_helm-${helm3}-${helm4}"
root="${GITOPS_RUNTIME_TEST_ASSETS:-$HOME/.cache/gitops-runtime/test-assets}"
out="$root/$key"
if [[ -f "$out/.complete" ]]; then
  echo "test assets present: $out" >&2
  echo "$out"
  exit 0
fi

command -v go >/dev/null || { echo "provisioning needs Go (1.24+): https://go.dev/doc/install" >&2; exit 2; }
start=$SECONDS
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/bin"
export CGO_ENABLED=0 GOFLAGS=-mod=mod GOTOOLCHAIN=local

step() { echo "[$((SECONDS - start))s] $*" >&2; }

wrapper() { # a throwaway module to build tools whose own go.mod carries replace directives
  rm -rf "$work/$1"; mkdir -p "$work/$1"; cd "$work/$1"
  go mod init "local.test/$1" >/dev/null 2>&1
}

if [[ ! -x "$out/bin/helm3" ]]; then
  step "helm v$helm3"
  wrapper helm3
  go get -tool "helm.sh/helm/v3/cmd/helm@v$helm3" >/dev/null 2>&1
  go build -trimpath -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=v$helm3 -X helm.sh/helm/v3/internal/version.gitTreeState=clean" \
    -o "$out/bin/helm3" helm.sh/helm/v3/cmd/helm
fi

if [[ ! -x "$out/bin/helm4" ]]; then
  step "helm v$helm4"
  wrapper helm4
  go get -tool "helm.sh/helm/v4/cmd/helm@v$helm4" >/dev/null 2>&1
  go build -trimpath -ldflags "-s -w -X helm.sh/helm/v4/internal/version.version=v$helm4 -X helm.sh/helm/v4/internal/version.gitTreeState=clean" \
    -o "$out/bin/helm4" helm.sh/helm/v4/cmd/helm
fi

if [[ ! -x "$out/bin/kwok" ]]; then
  step "kwok v$kwok"
  wrapper kwok
  go get -tool "sigs.k8s.io/kwok/cmd/kwok@v$kwok" >/dev/null 2>&1
  go build -trimpath -ldflags "-s -w" -o "$out/bin/kwok" sigs.k8s.io/kwok/cmd/kwok
  stages="$(go env GOMODCACHE)/sigs.k8s.io/kwok@v$kwok/kustomize/stage"
  : > "$out/kwok-stages.yaml"
  for f in node/fast/node-initialize.yaml node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
           pod/fast/pod-ready.yaml pod/fast/pod-complete.yaml pod/fast/pod-delete.yaml; do
    cat "$stages/$f" >> "$out/kwok-stages.yaml"; printf '\n---\n' >> "$out/kwok-stages.yaml"
  done
fi

if [[ ! -x "$out/bin/etcd" ]]; then
  step "etcd v$etcd"
  wrapper etcd
  go get -tool "go.etcd.io/etcd/server/v3@v$etcd" >/dev/null 2>&1
  go build -trimpath -ldflags "-s -w" -o "$out/bin/etcd" go.etcd.io/etcd/server/v3
fi

if [[ ! -x "$out/bin/kube-apiserver" || ! -x "$out/bin/kube-controller-manager" || ! -x "$out/bin/kube-scheduler" ]]; then
  step "kubernetes v$kubernetes"
  wrapper kubernetes
  minor="${kubernetes#*.}"; minor="${minor%%.*}"
  staging="api apiextensions-apiserver apimachinery apiserver cli-runtime client-go cloud-provider
    cluster-bootstrap code-generator component-base component-helpers controller-manager cri-api cri-client
    csi-translation-lib dynamic-resource-allocation endpointslice externaljwt kms kube-aggregator
    kube-controller-manager kube-proxy kube-scheduler kubectl kubelet metrics mount-utils
    pod-security-admission sample-apiserver sample-cli-plugin sample-controller"
  for m in $staging; do go mod edit "-replace=k8s.io/$m=k8s.io/$m@v0.${kubernetes#1.}"; done
  printf 'godebug default=go1.24\n' >> go.mod
  go get -tool "k8s.io/kubernetes/cmd/kube-apiserver@v$kubernetes" \
    "k8s.io/kubernetes/cmd/kube-controller-manager@v$kubernetes" \
    "k8s.io/kubernetes/cmd/kube-scheduler@v$kubernetes" >/dev/null 2>&1
  ld=""
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld="$ld -X $p.gitVersion=v$kubernetes -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean"
  done
  go build -trimpath -ldflags "-s -w $ld" -o "$out/bin/" k8s.io/kubernetes/cmd/kube-apiserver \
    k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler
fi

"$out/bin/helm3" version --template '{{.Version}}' >/dev/null
"$out/bin/helm4" version --template '{{.Version}}' >/dev/null
"$out/bin/kube-apiserver" --version >/dev/null
touch "$out/.complete"
step "done: $out"
echo "$out"
