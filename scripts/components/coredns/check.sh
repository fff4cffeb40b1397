# shellcheck shell=bash disable=SC2154  # sourced by ../build, which sets view and the expect_* helpers
recipe_check() {
  expect_static coredns
  expect_output coredns "CoreDNS-1.8.6" coredns -version
}
