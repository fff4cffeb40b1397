# shellcheck shell=bash disable=SC2154  # sourced by ../build, which sets view and the expect_* helpers
recipe_check() {
  expect_static etcd etcdctl
  expect_output etcd "etcd Version: 3.5.1" etcd --version
  expect_output etcdctl "etcdctl version: 3.5.1" etcdctl version
}
