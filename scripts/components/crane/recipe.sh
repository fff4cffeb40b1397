# shellcheck shell=bash disable=SC2034,SC2154  # sourced by ../build, which sets dest, work, recipe_dir
# crane, a benchmark peer for image copying (`crane version` reports the module version).
version=v0.22.1
toolchain=go1.26

recipe_build() {
  CGO_ENABLED=0 GOBIN="$dest/bin" go install -trimpath -ldflags "-s -w" \
    "github.com/google/go-containerregistry/cmd/crane@$version"
  emit crane "$version" "github.com/google/go-containerregistry/cmd/crane@$version"
}
