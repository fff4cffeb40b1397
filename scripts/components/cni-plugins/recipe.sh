# shellcheck shell=bash disable=SC2034,SC2154  # sourced by ../build, which sets dest, work, recipe_dir
# The standard CNI plugins a flannel node needs (flannel delegates to bridge with host-local IPAM;
# its conflist chains portmap; the runtime sets up loopback), at v1.1.1 (the version Debian 12's
# containernetworking-plugins package carries). Built from the module rather than taken from that
# package because Debian's are dynamically linked against glibc 2.36; these are static, like
# upstream's release tarball.
version=v1.1.1
toolchain=go1.19
plugins=(main/bridge ipam/host-local main/loopback meta/portmap)

recipe_build() {
  local p pkgs=()
  for p in "${plugins[@]}"; do pkgs+=("github.com/containernetworking/plugins/plugins/$p@$version"); done
  mkdir -p "$dest/cni"
  CGO_ENABLED=0 GOBIN="$dest/cni" go install -trimpath \
    -ldflags "-s -w -X github.com/containernetworking/plugins/pkg/utils/buildversion.BuildVersion=$version" "${pkgs[@]}"
  for p in "${plugins[@]}"; do emit "${p#*/}" "$version" "github.com/containernetworking/plugins@$version"; done
}
