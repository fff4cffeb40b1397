# shellcheck shell=bash disable=SC2154  # sourced by ../build, which sets view and the expect_* helpers
recipe_check() {
  expect_static crictl
  expect_output crictl "crictl version v1.34.0" crictl --version
}
