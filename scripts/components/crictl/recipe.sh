# shellcheck shell=bash disable=SC2034,SC2154  # sourced by ../build, which sets dest, work, recipe_dir
# crictl. cri-tools v1.23.0 (the match for Kubernetes 1.23) is not served by the Go module proxy; the
# oldest served release is sigs.k8s.io/cri-tools v1.34.0, which needs Go >= 1.24. crictl talks the
# CRI v1 API, which containerd 1.6+ serves; versions.tsv records the version it really is.
version=v1.34.0
toolchain=go1.26

recipe_build() {
  CGO_ENABLED=0 GOBIN="$dest/bin" go install -trimpath \
    -ldflags "-s -w -X sigs.k8s.io/cri-tools/pkg/version.Version=$version" "sigs.k8s.io/cri-tools/cmd/crictl@$version"
  emit crictl "$version" "sigs.k8s.io/cri-tools/cmd/crictl@$version"
}
