# selinux
# SELinux permissive now (setenforce 0) and at boot (/etc/selinux/config): kubeadm's static pods and the CNI
# plugins write where an enforcing policy would stop them. Prints "absent" when the host has no SELinux, else
# "changed:<what>" (nothing after the colon: already permissive).
set -eu
if ! command -v getenforce >/dev/null 2>&1 && [ ! -f /etc/selinux/config ]; then
  echo absent
  exit 0
fi
c=''
if command -v getenforce >/dev/null 2>&1 && [ "$(getenforce)" = Enforcing ]; then
  setenforce 0
  c=runtime
fi
if [ -f /etc/selinux/config ] && grep -q '^SELINUX=enforcing' /etc/selinux/config; then
  sed -i 's/^SELINUX=enforcing/SELINUX=permissive/' /etc/selinux/config
  c="$c config"
fi
echo "changed:$c"
