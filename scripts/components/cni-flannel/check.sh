# shellcheck shell=bash disable=SC2154  # sourced by ../build, which sets view and the expect_* helpers
recipe_check() {
  expect_static flannel
  expect_output flannel "v0.9.1" cni/flannel
}
