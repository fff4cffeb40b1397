# shellcheck shell=bash disable=SC2034,SC2154  # sourced by ../build, which sets dest, work, recipe_dir
# The flannel CNI plugin, v0.9.1 of github.com/containernetworking/plugins (its last release with
# plugins/meta/flannel; github.com/flannel-io/cni-plugin, where it moved, is not served by the proxy).
version=v0.9.1
toolchain=go1.19

recipe_build() {
  mkdir -p "$dest/cni"
  CGO_ENABLED=0 GOBIN="$dest/cni" go install -trimpath \
    -ldflags "-s -w -X github.com/containernetworking/plugins/pkg/utils/buildversion.BuildVersion=$version" \
    "github.com/containernetworking/plugins/plugins/meta/flannel@$version"
  emit flannel "$version" "github.com/containernetworking/plugins/plugins/meta/flannel@$version"
}
