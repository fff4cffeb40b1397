# containerd-config
# Prints containerd's generated default configuration with the CRI plugin enabled and the systemd cgroup driver.
# Generated, never merged: the RPM's shipped config.toml disables the CRI plugin. Exit 3: containerd is missing.
set -eu
command -v containerd >/dev/null 2>&1 || exit 3
containerd config default \
  | sed -e 's/SystemdCgroup = false/SystemdCgroup = true/' -e 's/^disabled_plugins = .*/disabled_plugins = []/'
