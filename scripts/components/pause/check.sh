# shellcheck shell=bash disable=SC2154  # sourced by ../build, which sets view and the expect_* helpers
recipe_check() {
  expect_static pause
  expect_output pause "pause.c v3.6-" pause -v
}
