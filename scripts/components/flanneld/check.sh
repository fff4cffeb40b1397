# shellcheck shell=bash disable=SC2154  # sourced by ../build, which sets view and the expect_* helpers
recipe_check() {
  expect_static flanneld
  expect_output flanneld "v0.17.0" flanneld --version
}
