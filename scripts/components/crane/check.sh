# shellcheck shell=bash disable=SC2154  # sourced by ../build, which sets view and the expect_* helpers
recipe_check() {
  expect_static crane
  expect_output crane "v0.22.1" crane version
}
