# shellcheck shell=bash disable=SC2034,SC2154  # sourced by ../build, which sets dest, work, recipe_dir
# etcd and etcdctl v3.5.1 (kubeadm 1.23's default etcd), static, from a wrapper module (go.mod here)
# that pins every etcd module of the release.
version=v3.5.1
toolchain=go1.19

recipe_build() {
  cp "$recipe_dir/go.mod" "$recipe_dir/tools.go" .
  go mod tidy
  CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$dest/bin/etcd" go.etcd.io/etcd/server/v3
  CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$dest/bin/etcdctl" go.etcd.io/etcd/etcdctl/v3
  emit etcd "$version" "go.etcd.io/etcd/server/v3@$version"
  emit etcdctl "$version" "go.etcd.io/etcd/etcdctl/v3@$version"
}
