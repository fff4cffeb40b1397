# shellcheck shell=bash disable=SC2034,SC2154  # sourced by ../build, which sets dest, work, recipe_dir
# regctl, a benchmark peer for image copying (`regctl version` reports the module version).
version=v0.11.7
toolchain=go1.26

recipe_build() {
  CGO_ENABLED=0 GOBIN="$dest/bin" go install -trimpath -ldflags "-s -w" \
    "github.com/regclient/regclient/cmd/regctl@$version"
  emit regctl "$version" "github.com/regclient/regclient/cmd/regctl@$version"
}
