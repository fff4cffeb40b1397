# shellcheck shell=bash disable=SC2154  # sourced by ../build, which sets view and the expect_* helpers
recipe_check() { # a CNI plugin run without CNI_COMMAND prints its name and version
  local p
  expect_static bridge host-local loopback portmap
  for p in bridge host-local loopback portmap; do
    expect_output "$p" "v1.1.1" "cni/$p"
  done
}
