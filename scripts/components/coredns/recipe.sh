# shellcheck shell=bash disable=SC2034,SC2154  # sourced by ../build, which sets dest, work, recipe_dir
# CoreDNS v1.8.6 (kubeadm 1.23's default), a plain `go install` of the published module.
version=v1.8.6
toolchain=go1.19

recipe_build() {
  CGO_ENABLED=0 GOBIN="$dest/bin" go install -trimpath -ldflags "-s -w" "github.com/coredns/coredns@$version"
  emit coredns "$version" "github.com/coredns/coredns@$version"
}
