# shellcheck shell=bash disable=SC2034,SC2154  # sourced by ../build, which sets dest, work, recipe_dir
# flanneld v0.17.0 from a wrapper module (go.mod here, with flannel's replace directives). Like
# upstream's Makefile on amd64: cgo on (the UDP backend needs it), linked statically.
version=v0.17.0
toolchain=go1.19

recipe_build() {
  cp "$recipe_dir/go.mod" "$recipe_dir/tools.go" .
  go mod tidy -compat=1.17
  CGO_ENABLED=1 go build -trimpath -o "$dest/bin/flanneld" \
    -ldflags "-s -w -X github.com/flannel-io/flannel/version.Version=$version -extldflags -static" \
    github.com/flannel-io/flannel
  emit flanneld "$version" "github.com/flannel-io/flannel@$version"
}
