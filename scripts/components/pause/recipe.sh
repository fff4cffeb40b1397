# shellcheck shell=bash disable=SC2034,SC2154  # sourced by ../build, which sets dest, work, recipe_dir
# pause 3.6 (kubeadm 1.23's sandbox image binary) from its C source in the k8s.io/kubernetes module,
# with build/pause/Makefile's flags: CFLAGS = -Os -Wall -Werror -static -DVERSION=v$(TAG)-$(REV), then
# strip. REV is `git describe` of the build checkout upstream; here it names the source, v1.23.1.
version=3.6
toolchain=gcc
source_module=k8s.io/kubernetes@v1.23.1

recipe_build() {
  local src
  src=$(module_dir "$source_module")
  grep -qxF 'TAG ?= 3.6' "$src/build/pause/Makefile"
  # shellcheck disable=SC2016  # make syntax, not shell
  grep -qxF 'CFLAGS = -Os -Wall -Werror -static -DVERSION=v$(TAG)-$(REV)' "$src/build/pause/Makefile"
  gcc -Os -Wall -Werror -static -DVERSION="v$version-${source_module#*@}" -o "$dest/bin/pause" "$src/build/pause/linux/pause.c"
  strip "$dest/bin/pause"
  emit pause "$version" "$source_module:build/pause/linux/pause.c"
}
