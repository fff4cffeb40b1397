# shellcheck shell=bash disable=SC2154  # sourced by ../build, which sets view and the expect_* helpers
recipe_check() {
  expect_static regctl
  expect_output regctl "v0.11.7" regctl version
}
